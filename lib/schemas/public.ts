import { z } from 'zod';
import { MAP_STATUSES } from '@/lib/municipalities/overview';
import { msg } from './common';

/** Query string of the public home: filters and sorting (bad values fall back to defaults, never an error). */
export const ZHomeQuerySchema = z.object({
  term: z.string().regex(/^\d{4}-\d{4}$/).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(MAP_STATUSES).optional().catch(undefined),
  type: z.enum(['STATE_CITY', 'MUNICIPALITY']).optional().catch(undefined),
  sort: z.enum(['name', 'status', 'type', 'population']).default('name').catch('name'),
  dir: z.enum(['asc', 'desc']).default('asc').catch('asc'),
}, { error: msg('validation.invalid') });
export type THomeQuery = z.infer<typeof ZHomeQuerySchema>;
