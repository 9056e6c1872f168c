import type { ZodType } from 'zod';
import { parseBody } from '@/lib/http/route';

/** A body that may be left out entirely (no Content-Type): then it is parsed as `{}`. */
export async function parseOptionalBody<T>(request: Request, schema: ZodType<T>): Promise<T> {
  if (!request.headers.get('content-type')) return schema.parse({});
  return parseBody(request, schema);
}
