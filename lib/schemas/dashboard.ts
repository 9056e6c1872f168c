import { z } from 'zod';
import { MAP_STATUSES } from '@/lib/municipalities/overview';
import { msg } from './common';
import { MUNICIPALITY_TYPES } from './public';

export const MATRIX_SORTS = ['name', 'status', 'c1', 'c2', 'c3'] as const;
export type MatrixSort = (typeof MATRIX_SORTS)[number];
/** Filter on the commitments: rows where some commitment has this latest status, or NONE = no accepted report. */
export const MATRIX_PROGRESS = ['NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED', 'NONE'] as const;
export type MatrixProgress = (typeof MATRIX_PROGRESS)[number];

/**
 * Query string of the staff dashboard and its exports: matrix filters and
 * sorting. Untrusted: a bad value falls back to its default, never an error.
 */
export const ZDashboardQuerySchema = z.object(
  {
    type: z.enum(MUNICIPALITY_TYPES).optional().catch(undefined),
    status: z.enum(MAP_STATUSES).optional().catch(undefined),
    progress: z.enum(MATRIX_PROGRESS).optional().catch(undefined),
    sort: z.enum(MATRIX_SORTS).default('name').catch('name'),
    dir: z.enum(['asc', 'desc']).default('asc').catch('asc'),
    /** Page of the matrix (1-based, 50 rows a page); absent = 1. */
    page: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
    /** Page of the indicator table. */
    ipage: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
  },
  { error: msg('validation.invalid') },
);
export type TDashboardQuery = z.infer<typeof ZDashboardQuerySchema>;

export const DEFAULT_DASHBOARD_QUERY: TDashboardQuery = { sort: 'name', dir: 'asc' };

/** Parses page search params or URLSearchParams (first value of a repeated key); anything malformed gives the defaults. */
export function parseDashboardQuery(raw: Record<string, string | string[] | undefined> | URLSearchParams | null | undefined): TDashboardQuery {
  const entries: Record<string, string | undefined> = {};
  if (raw instanceof URLSearchParams) {
    for (const key of raw.keys()) entries[key] ??= raw.get(key) ?? undefined;
  } else if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw)) entries[k] = Array.isArray(v) ? v[0] : v;
  }
  const parsed = ZDashboardQuerySchema.safeParse(entries);
  return parsed.success ? parsed.data : DEFAULT_DASHBOARD_QUERY;
}

/** Names of the staff exports (GET /api/staff/exports/[name]). */
export const EXPORT_NAMES = ['matrix.csv', 'matrix.xlsx', 'indicators.csv', 'indicators.xlsx'] as const;
export type ExportName = (typeof EXPORT_NAMES)[number];
export const ZExportNameSchema = z.enum(EXPORT_NAMES, { error: msg('validation.invalid') });
