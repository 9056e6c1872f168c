import { z } from 'zod';
import { msg, zEmail, zText } from './common';

export const ZSignInSchema = z.object({
  email: zEmail,
  password: z.string({ error: msg('validation.required') }).min(1, { error: msg('validation.required') }).max(200, { error: msg('validation.tooLong', { max: 200 }) }),
});
export type TSignIn = z.infer<typeof ZSignInSchema>;

export const PASSWORD_MIN = 12;

export const ZAcceptInvitationSchema = z
  .object({
    token: z.string().min(20).max(200),
    name: zText(120),
    password: z.string({ error: msg('validation.required') }).min(PASSWORD_MIN, { error: msg('validation.tooShort', { min: PASSWORD_MIN }) }).max(200, { error: msg('validation.tooLong', { max: 200 }) }),
    passwordConfirm: z.string({ error: msg('validation.required') }),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ['passwordConfirm'], error: msg('validation.passwordsDiffer') });
export type TAcceptInvitation = z.infer<typeof ZAcceptInvitationSchema>;

export const ZCreateInvitationSchema = z.object({
  email: zEmail,
  name: zText(120).optional().or(z.literal('').transform(() => undefined)),
  municipalitySlug: z.string({ error: msg('validation.required') }).trim().min(1, { error: msg('validation.required') }).max(80).regex(/^[a-z0-9-]+$/, { error: msg('validation.invalid') }),
});
export type TCreateInvitation = z.infer<typeof ZCreateInvitationSchema>;
