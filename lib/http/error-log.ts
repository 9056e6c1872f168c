import { appendFileSync } from 'node:fs';

/**
 * Next.js logs unhandled rejections and uncaught exceptions and keeps
 * serving; with a log file given (SERVER_ERROR_LOG, the end-to-end tests),
 * each one is also appended to it, one line each, so a test can assert none
 * happened. Register after Next's prepare(), so Next.js's own handlers stay.
 */
export function logProcessErrors(file: string): void {
  const record = (kind: string) => (reason: unknown) => {
    const text = reason instanceof Error ? (reason.stack ?? String(reason)) : String(reason);
    try {
      appendFileSync(file, `${new Date().toISOString()} ${kind}: ${text.replace(/\n/g, '\\n')}\n`);
    } catch {
      // never let the log itself crash the server
    }
  };
  process.on('unhandledRejection', record('unhandledRejection'));
  process.on('uncaughtException', record('uncaughtException'));
}
