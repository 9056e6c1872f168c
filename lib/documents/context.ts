/**
 * Per-inspection context: the sha256 of the file being inspected, so that any third-party library
 * failure contained deep inside a signature check is logged with the file it happened on and the
 * algorithm in use (never as a bare `[object Object]`).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';

type InspectionContext = { sha256: string };

const store = new AsyncLocalStorage<InspectionContext>();

/** Runs `fn` with the inspected file's sha256 available to {@link logContained}. */
export function withInspectionContext<T>(bytes: Uint8Array, fn: () => Promise<T>): Promise<T> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return store.run({ sha256 }, fn);
}

/** Readable text of anything a library threw (Error, string, or a plain object). */
export function describeThrown(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  if (typeof e === 'string') return e;
  try {
    return JSON.stringify(e) ?? String(e);
  } catch {
    return String(e);
  }
}

/** Logs a contained library failure with the file's sha256 and the algorithm (one line, JSON). */
export function logContained(where: string, algorithm: string | null, e: unknown): void {
  console.warn(JSON.stringify({ event: 'document.check_failed', where, sha256: store.getStore()?.sha256 ?? null, algorithm, error: describeThrown(e) }));
}
