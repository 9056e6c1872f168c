import { z } from 'zod';
import { MAP_STATUSES } from '@/lib/municipalities/overview';
import { msg } from './common';

/**
 * Rows of the home page's municipality list per page. Note: paged on the
 * server with plain links, so the page stays small at 10 000 bodies (issue
 * 14); 50 holds the real 43 units on one page.
 */
export const HOME_PAGE_SIZE = 50;

/** The kinds of municipality a list may be filtered on (the Prisma enum MunicipalityType). */
export const MUNICIPALITY_TYPES = ['STATE_CITY', 'MUNICIPALITY'] as const;

/** Query string of the public home: filters and sorting (bad values fall back to defaults, never an error). */
export const ZHomeQuerySchema = z.object(
  {
    term: z
      .string()
      .regex(/^\d{4}-\d{4}$/)
      .optional()
      .catch(undefined),
    q: z.string().trim().max(100).optional().catch(undefined),
    status: z.enum(MAP_STATUSES).optional().catch(undefined),
    type: z.enum(MUNICIPALITY_TYPES).optional().catch(undefined),
    sort: z.enum(['name', 'status', 'type', 'population']).default('name').catch('name'),
    dir: z.enum(['asc', 'desc']).default('asc').catch('asc'),
    // Note: server-side paging of the list (issue 14): a page that does not exist shows the last one.
    page: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
  },
  { error: msg('validation.invalid') },
);
export type THomeQuery = z.infer<typeof ZHomeQuerySchema>;
