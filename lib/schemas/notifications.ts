import { z } from 'zod';
import { msg } from './common';

/** A staff user's choice of e-mail about new submissions. */
export const ZSubmissionMailSchema = z.object(
  { mode: z.enum(['EVENT', 'DIGEST', 'NONE'], { error: msg('validation.invalid') }) },
  { error: msg('validation.invalid') },
);
export type TSubmissionMail = z.infer<typeof ZSubmissionMailSchema>;
