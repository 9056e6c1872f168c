import 'server-only';
import { AppError } from '@/lib/errors';
import { findCurrentTerm, listTerms, type TermDto } from '@/lib/municipalities/queries';
import type { OpenGeometry } from './fields';

/**
 * What the open data lists are made of (lib/opendata/municipality-rows.ts,
 * accession-rows.ts): a row and its geometry, the term answered, and a
 * stream that reads the rows in batches in a planned order.
 */

export type OpenRow<T> = { item: T; geometry: OpenGeometry | null };

/** The term named by `slug` (a 404 when there is none), or the current term; never a term that does not exist. */
export async function resolveTerm(slug?: string): Promise<TermDto> {
  if (slug) {
    const term = (await listTerms()).find((t) => t.slug === slug);
    if (!term) throw new AppError('NOT_FOUND');
    return term;
  }
  const current = (await findCurrentTerm()) ?? (await listTerms()).at(-1);
  if (!current) throw new AppError('NOT_FOUND');
  return current;
}

/** Keeps a stored boundary only when it is a GeoJSON Polygon or MultiPolygon. */
export function geometryOf(value: unknown): OpenGeometry | null {
  if (typeof value !== 'object' || value === null) return null;
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if ((type === 'Polygon' || type === 'MultiPolygon') && Array.isArray(coordinates)) return value as OpenGeometry;
  return null;
}

/** Rows fetched per query while streaming: bounds the memory of one response whatever the number of bodies. */
export const OPEN_DATA_BATCH = 500;

/**
 * An open data list ready to be written out: its term is known, the order
 * of its rows (one light "plan" query) is read on first need, and the rows
 * themselves {@link OPEN_DATA_BATCH} at a time as they are written, so a
 * response of 10 000 bodies never holds them all in memory (issue 14).
 * `count()` waits for the plan; `batches()` too, so a format whose first
 * bytes do not name the count (GeoJSON, CSV) sends them before the plan is
 * read.
 */
export type OpenRowStream<T> = { term: string | null; count: () => Promise<number>; batches: () => AsyncGenerator<OpenRow<T>[]> };

/**
 * The first batch is smaller: its rows are read, parsed and written while the
 * response's first bytes are still on their way out through the same event
 * loop (issue 14, first byte ≤ 300 ms), so it should not hold the loop long.
 */
export const FIRST_OPEN_DATA_BATCH = 50;

/** Reads the planned ids `size` at a time (the first batch `first`), each batch in plan order (a row gone since the plan is skipped). */
export async function* inBatches<R extends { id: string }, T>(
  ids: readonly string[],
  fetch: (ids: string[]) => Promise<R[]>,
  toRow: (r: R) => OpenRow<T>,
  size = OPEN_DATA_BATCH,
  first = Math.min(size, FIRST_OPEN_DATA_BATCH),
): AsyncGenerator<OpenRow<T>[]> {
  for (let i = 0, n = first; i < ids.length; i += n, n = size) {
    const slice = ids.slice(i, i + n);
    const byId = new Map((await fetch(slice)).map((r) => [r.id, r]));
    yield slice.flatMap((id) => {
      const r = byId.get(id);
      return r ? [toRow(r)] : [];
    });
  }
}

/**
 * A stream over the ids `plan` gives, in that order. The plan runs once, at
 * the first `count()` or `batches()`: never for a response that reads no row
 * (a 304), and only after the first bytes of a format that does not need it.
 */
export function plannedStream<R extends { id: string }, T>(
  term: string | null,
  plan: () => Promise<string[]>,
  fetch: (ids: string[]) => Promise<R[]>,
  toRow: (r: R) => OpenRow<T>,
): OpenRowStream<T> {
  let ids: Promise<string[]> | null = null;
  const planned = () => (ids ??= plan());
  return {
    term,
    count: async () => (await planned()).length,
    batches: async function* () {
      yield* inBatches(await planned(), fetch, toRow);
    },
  };
}

/** Collects a whole stream (small lists and tests). */
export async function collect<T>(stream: OpenRowStream<T>): Promise<OpenRow<T>[]> {
  const rows: OpenRow<T>[] = [];
  for await (const batch of stream.batches()) rows.push(...batch);
  return rows;
}
