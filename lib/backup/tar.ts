/**
 * The backup archive's tar layer, through the maintained `tar-stream`
 * library (ustar with pax extensions, read and written as streams). This
 * module only adapts it to async iterables and to the backup's rules:
 * regular files only, relative paths without `..`, exact declared sizes.
 */
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { extract as tarExtract, pack as tarPack } from 'tar-stream';

export type TarEntry = { path: string; size: number; mtime?: Date; mode?: number };
export type TarSource = TarEntry & { body: AsyncIterable<Uint8Array> | Uint8Array };
export type ReadEntry = { path: string; size: number; mtime: Date; body: AsyncIterable<Buffer> };

const END_OF_ARCHIVE_BYTES = 1024;

export class TarFormatError extends Error {
  constructor(message: string) {
    super(`Not a valid archive: ${message}`);
    this.name = 'TarFormatError';
  }
}

/** A relative path of non-empty segments, none of them `..`. */
export function assertArchivePath(path: string): void {
  if (!path || path.startsWith('/') || path.includes('\\') || path.split('/').some((p) => p === '..' || p === '')) {
    throw new Error(`bad archive path ${JSON.stringify(path)}`);
  }
}

/**
 * Yields the bytes of a tar archive of `entries` (each body streamed in
 * turn). A body that yields more or fewer bytes than its declared size is
 * an error: the archive would be corrupt.
 */
export async function* tarStream(entries: AsyncIterable<TarSource> | Iterable<TarSource>): AsyncGenerator<Buffer> {
  const pack = tarPack();
  const writing = (async () => {
    for await (const entry of entries) {
      assertArchivePath(entry.path);
      if (!Number.isSafeInteger(entry.size) || entry.size < 0) throw new Error(`${entry.path}: bad size ${entry.size}`);
      const sink = pack.entry({ name: entry.path, size: entry.size, mtime: entry.mtime ?? new Date(), mode: entry.mode ?? 0o644, type: 'file' });
      // Its errors are the pack's: they reach the reader through the pack stream.
      sink.on('error', () => undefined);
      let written = 0;
      const chunks = entry.body instanceof Uint8Array ? [entry.body] : entry.body;
      for await (const chunk of chunks) {
        written += chunk.length;
        if (written > entry.size) throw new Error(`${entry.path}: more bytes than its declared size ${entry.size}`);
        if (!sink.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))) await once(sink, 'drain');
      }
      if (written !== entry.size) throw new Error(`${entry.path}: ${written} bytes, expected ${entry.size}`);
      await new Promise<void>((resolve) => sink.end(() => resolve()));
    }
    pack.finalize();
  })();
  // Note: a writer failure destroys the pack stream, so the reader below throws it instead of waiting forever.
  writing.catch((err: unknown) => pack.destroy(err as Error));
  for await (const chunk of pack as AsyncIterable<Buffer>) yield chunk;
  await writing;
}

/** Passes the bytes through and remembers the last END_OF_ARCHIVE_BYTES of them. */
function withTail(source: AsyncIterable<Uint8Array>): { bytes: AsyncGenerator<Buffer>; tail: () => Buffer } {
  let tail = Buffer.alloc(0);
  async function* bytes(): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      const b = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      tail = Buffer.concat([tail, b.subarray(Math.max(0, b.length - END_OF_ARCHIVE_BYTES))]);
      if (tail.length > END_OF_ARCHIVE_BYTES) tail = tail.subarray(tail.length - END_OF_ARCHIVE_BYTES);
      yield b;
    }
  }
  return { bytes: bytes(), tail: () => tail };
}

const asFormatError = (err: unknown) => (err instanceof TarFormatError ? err : new TarFormatError(err instanceof Error ? err.message : String(err)));

/**
 * Iterates the regular files of a tar archive. Each entry's body must be
 * consumed (or ignored) before asking for the next; unread bytes are
 * skipped. Directory entries and pax headers are skipped; links and other
 * types are refused, and so is an archive without its end-of-archive blocks.
 */
export async function* readTar(source: AsyncIterable<Uint8Array>): AsyncGenerator<ReadEntry> {
  const { bytes, tail } = withTail(source);
  const extract = tarExtract();
  const input = Readable.from(bytes);
  input.on('error', (err) => extract.destroy(err));
  input.pipe(extract);
  try {
    for await (const entry of extract) {
      const { name, size = 0, type, mtime } = entry.header;
      if (type === 'directory') {
        entry.resume();
        continue;
      }
      if (type !== 'file' && type !== 'contiguous-file') throw new TarFormatError(`unsupported entry type ${JSON.stringify(type)} for ${name}`);
      const path = name.replace(/\/$/, '');
      try {
        assertArchivePath(path);
      } catch (err) {
        throw asFormatError(err);
      }
      let started = false;
      const body: AsyncIterable<Buffer> = {
        [Symbol.asyncIterator]() {
          if (started) throw new Error('an entry body can be read once');
          started = true;
          const chunks = (entry as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
          // Note: the stream's own return() would destroy the entry and stall the archive; a reader
          // that stops early only leaves the rest to be skipped.
          return {
            next: () => chunks.next(),
            return: () => {
              entry.resume();
              return Promise.resolve({ done: true, value: undefined });
            },
          };
        },
      };
      yield { path, size, mtime: mtime ?? new Date(0), body };
      // Whatever the consumer left unread is skipped.
      entry.resume();
    }
  } catch (err) {
    throw asFormatError(err);
  } finally {
    input.unpipe(extract);
    input.destroy();
  }
  const end = tail();
  if (end.length < END_OF_ARCHIVE_BYTES || end.some((b) => b !== 0)) throw new TarFormatError('no end-of-archive marker (truncated)');
}
