import { z } from 'zod';
import { msg } from './common';

/** A council term slug such as `2021-2025`; anything else (paths, SQL, long strings) is refused. */
export const zTermSlug = z
  .string({ error: msg('validation.invalid') })
  .max(9, { error: msg('validation.invalid') })
  .regex(/^\d{4}-\d{4}$/, { error: msg('validation.invalid') });

/**
 * Query of the open data endpoints. Unknown parameters are ignored (cache
 * busters stay harmless); a present but malformed `term` is a 422.
 */
export const ZOpenDataQuerySchema = z.object({ term: zTermSlug.optional() }, { error: msg('validation.invalid') });
export type TOpenDataQuery = z.infer<typeof ZOpenDataQuerySchema>;

/** Parses the open data query of a request URL; throws a ZodError (→ 422) for a bad `term`. */
export function parseOpenDataQuery(request: Request): TOpenDataQuery {
  const params = new URL(request.url).searchParams;
  const terms = params.getAll('term');
  // Note: a repeated `term` is ambiguous, so it is refused rather than guessed.
  if (terms.length > 1) return ZOpenDataQuerySchema.parse({ term: terms.join(',') });
  return ZOpenDataQuerySchema.parse(terms.length === 1 ? { term: terms[0] } : {});
}
