import { z } from 'zod';
import { msg, zEmail, zText } from './common';

export const ZSignInSchema = z.object(
  {
    email: zEmail,
    password: z
      .string({ error: msg('validation.required') })
      .min(1, { error: msg('validation.required') })
      .max(200, { error: msg('validation.tooLong', { max: 200 }) }),
  },
  { error: msg('validation.invalid') },
);
export type TSignIn = z.infer<typeof ZSignInSchema>;

export const PASSWORD_MIN = 12;

/** A new password, chosen through an invitation or a reset link. */
const zNewPassword = z
  .string({ error: msg('validation.required') })
  .min(PASSWORD_MIN, { error: msg('validation.tooShort', { min: PASSWORD_MIN }) })
  .max(200, { error: msg('validation.tooLong', { max: 200 }) });

/** The new password typed twice: the second must match, its error is on the second field. */
export const zPasswordPair = { password: zNewPassword, passwordConfirm: z.string({ error: msg('validation.required') }) };
export const passwordsMatch = (v: { password: string; passwordConfirm: string }): boolean => v.password === v.passwordConfirm;
/** Where and how {@link passwordsMatch} reports a mismatch. */
export const passwordsDiffer = () => ({ path: ['passwordConfirm'], error: msg('validation.passwordsDiffer') });

export const ZAcceptInvitationSchema = z
  .object(
    {
      token: z
        .string({ error: msg('validation.invalid') })
        .min(20)
        .max(200),
      name: zText(120),
      ...zPasswordPair,
    },
    { error: msg('validation.invalid') },
  )
  .refine(passwordsMatch, passwordsDiffer());
export type TAcceptInvitation = z.infer<typeof ZAcceptInvitationSchema>;

export const ZCreateInvitationSchema = z.object(
  {
    email: zEmail,
    /** Optional: empty or whitespace only means none. */
    name: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), zText(120).optional()),
    municipalitySlug: z
      .string({ error: msg('validation.required') })
      .trim()
      // One message for an empty choice ("Šis lauks ir obligāts."), not that and "Nederīga vērtība." (QA s13).
      .min(1, { error: msg('validation.required'), abort: true })
      .max(80)
      .regex(/^[a-z0-9-]+$/, { error: msg('validation.invalid') }),
    /** The invitee's language: the invitation e-mail and link use it. */
    locale: z.enum(['lv', 'en'], { error: msg('validation.invalid') }).default('lv'),
  },
  { error: msg('validation.invalid') },
);
export type TCreateInvitation = z.infer<typeof ZCreateInvitationSchema>;
