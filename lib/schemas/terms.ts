import { z } from 'zod';
import { msg } from './common';

/** Opening a council term is deliberate: the form's confirmation box must be ticked. */
export const ZOpenTermSchema = z.object(
  {
    confirm: z.union([z.literal('on'), z.literal(true), z.literal('true')], { error: msg('terms.confirmRequired') }),
  },
  { error: msg('validation.invalid') },
);
export type TOpenTerm = z.infer<typeof ZOpenTermSchema>;
