import { z } from 'zod';
import { msg, zEmail } from './common';
import { PASSWORD_MIN } from './auth';

/** "Forgot password": the address only. */
export const ZPasswordResetRequestSchema = z.object({ email: zEmail }, { error: msg('validation.invalid') });
export type TPasswordResetRequest = z.infer<typeof ZPasswordResetRequestSchema>;

/** A new password through the e-mailed link (token as in the link). */
export const ZPasswordResetSchema = z
  .object(
    {
      token: z
        .string({ error: msg('validation.invalid') })
        .min(20, { error: msg('validation.invalid') })
        .max(200, { error: msg('validation.invalid') }),
      password: z
        .string({ error: msg('validation.required') })
        .min(PASSWORD_MIN, { error: msg('validation.tooShort', { min: PASSWORD_MIN }) })
        .max(200, { error: msg('validation.tooLong', { max: 200 }) }),
      passwordConfirm: z.string({ error: msg('validation.required') }),
    },
    { error: msg('validation.invalid') },
  )
  .refine((v) => v.password === v.passwordConfirm, { path: ['passwordConfirm'], error: msg('validation.passwordsDiffer') });
export type TPasswordReset = z.infer<typeof ZPasswordResetSchema>;
