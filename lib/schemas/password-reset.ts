import { z } from 'zod';
import { msg, zEmail } from './common';
import { passwordsDiffer, passwordsMatch, zPasswordPair } from './auth';

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
      ...zPasswordPair,
    },
    { error: msg('validation.invalid') },
  )
  .refine(passwordsMatch, passwordsDiffer());
export type TPasswordReset = z.infer<typeof ZPasswordResetSchema>;
