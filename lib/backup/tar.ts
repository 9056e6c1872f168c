/**
 * A minimal ustar (POSIX.1-1988) writer and reader: regular files only,
 * names up to 255 bytes (name + prefix fields), sizes below 8 GiB (11 octal
 * digits). Enough for backup archives, readable by GNU/BSD tar. No tar
 * library is installed and none is needed for this.
 */

export const BLOCK = 512;
const MAX_SIZE = 0o77777777777; // 8 GiB − 1

export type TarEntry = { path: string; size: number; mtime?: Date; mode?: number };

export class TarFormatError extends Error {
  constructor(message: string) {
    super(`Not a valid archive: ${message}`);
    this.name = 'TarFormatError';
  }
}

/** Splits a path into the ustar prefix and name fields (each ASCII/UTF-8 byte-limited). */
export function splitPath(path: string): { name: string; prefix: string } {
  if (!path || path.startsWith('/') || path.split('/').some((p) => p === '..' || p === '')) throw new Error(`bad archive path ${JSON.stringify(path)}`);
  if (Buffer.byteLength(path) <= 100) return { name: path, prefix: '' };
  const parts = path.split('/');
  for (let i = parts.length - 1; i > 0; i--) {
    const prefix = parts.slice(0, i).join('/');
    const name = parts.slice(i).join('/');
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return { name, prefix };
  }
  throw new Error(`archive path too long for ustar: ${path}`);
}

function writeString(block: Buffer, offset: number, length: number, value: string): void {
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length > length) throw new Error(`tar field too long: ${value}`);
  bytes.copy(block, offset);
}

function writeOctal(block: Buffer, offset: number, length: number, value: number): void {
  // length − 1 octal digits, zero-padded, then NUL.
  const digits = Math.floor(value).toString(8).padStart(length - 1, '0');
  if (digits.length > length - 1) throw new Error(`tar number too large: ${value}`);
  block.write(`${digits}\0`, offset, length, 'ascii');
}

function checksum(block: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
  return sum;
}

/** The 512-byte header of a regular file. */
export function tarHeader(entry: TarEntry): Buffer {
  if (!Number.isSafeInteger(entry.size) || entry.size < 0 || entry.size > MAX_SIZE) throw new Error(`file too large for ustar: ${entry.path} (${entry.size} bytes)`);
  const { name, prefix } = splitPath(entry.path);
  const block = Buffer.alloc(BLOCK);
  writeString(block, 0, 100, name);
  writeOctal(block, 100, 8, entry.mode ?? 0o644);
  writeOctal(block, 108, 8, 0); // uid
  writeOctal(block, 116, 8, 0); // gid
  writeOctal(block, 124, 12, entry.size);
  writeOctal(block, 136, 12, Math.floor((entry.mtime ?? new Date()).getTime() / 1000));
  block[156] = 0x30; // '0': regular file
  block.write('ustar\0', 257, 6, 'ascii');
  block.write('00', 263, 2, 'ascii');
  writeString(block, 265, 32, 'root');
  writeString(block, 297, 32, 'root');
  writeString(block, 345, 155, prefix);
  block.write(`${checksum(block).toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return block;
}

export const padding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
/** Two zero blocks end an archive. */
export const END_OF_ARCHIVE = Buffer.alloc(BLOCK * 2);

export type TarSource = TarEntry & { body: AsyncIterable<Uint8Array> | Uint8Array };

/**
 * Yields the bytes of a tar archive of `entries` (each body streamed in
 * turn). A body that yields more or fewer bytes than its declared size is
 * an error: the archive would be corrupt.
 */
export async function* tarStream(entries: AsyncIterable<TarSource> | Iterable<TarSource>): AsyncGenerator<Buffer> {
  for await (const entry of entries) {
    yield tarHeader(entry);
    let written = 0;
    const chunks = entry.body instanceof Uint8Array ? [entry.body] : entry.body;
    for await (const chunk of chunks) {
      written += chunk.length;
      if (written > entry.size) throw new Error(`${entry.path}: more bytes than its declared size ${entry.size}`);
      yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
    if (written !== entry.size) throw new Error(`${entry.path}: ${written} bytes, expected ${entry.size}`);
    const pad = padding(entry.size);
    if (pad.length) yield pad;
  }
  yield END_OF_ARCHIVE;
}

/** Reads exact byte counts from a stream of chunks. */
class ByteReader {
  private buffered: Buffer[] = [];
  private length = 0;
  private done = false;
  constructor(private readonly source: AsyncIterator<Uint8Array>) {}

  private async fill(n: number): Promise<void> {
    while (this.length < n && !this.done) {
      const next = await this.source.next();
      if (next.done) this.done = true;
      else if (next.value.length) {
        const b = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
        this.buffered.push(b);
        this.length += b.length;
      }
    }
  }

  private take(n: number): Buffer {
    const all = this.buffered.length === 1 ? this.buffered[0]! : Buffer.concat(this.buffered);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    this.buffered = rest.length ? [rest] : [];
    this.length = rest.length;
    return out;
  }

  /** Exactly `n` bytes, or fewer at the end of the stream. */
  async read(n: number): Promise<Buffer> {
    await this.fill(n);
    return this.take(Math.min(n, this.length));
  }

  /** Up to `n` bytes in pieces as they arrive; throws when the stream ends first. */
  async *pieces(n: number): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      if (this.length === 0) await this.fill(1);
      if (this.length === 0) throw new TarFormatError('truncated');
      const piece = this.take(Math.min(left, this.length));
      left -= piece.length;
      yield piece;
    }
  }
}

function readString(block: Buffer, offset: number, length: number): string {
  const field = block.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString('utf8');
}

function readOctal(block: Buffer, offset: number, length: number): number {
  const text = readString(block, offset, length).trim();
  if (!/^[0-7]*$/.test(text)) throw new TarFormatError(`bad number field ${JSON.stringify(text)}`);
  return text ? parseInt(text, 8) : 0;
}

export type ReadEntry = { path: string; size: number; mtime: Date; body: AsyncIterable<Buffer> };

/**
 * Iterates the regular files of a tar archive. Each entry's body must be
 * consumed (or ignored) before asking for the next; unread bytes are
 * skipped. Directory entries and pax headers are skipped; links and other
 * types are refused.
 */
export async function* readTar(source: AsyncIterable<Uint8Array>): AsyncGenerator<ReadEntry> {
  const reader = new ByteReader(source[Symbol.asyncIterator]());
  for (;;) {
    const block = await reader.read(BLOCK);
    if (block.length === 0) throw new TarFormatError('no end-of-archive marker (truncated)');
    if (block.length < BLOCK) throw new TarFormatError('truncated header');
    if (block.every((b) => b === 0)) return;
    const stored = readOctal(block, 148, 8);
    if (stored !== checksum(block)) throw new TarFormatError('header checksum mismatch');
    const size = readOctal(block, 124, 12);
    const type = String.fromCharCode(block[156]!);
    const name = readString(block, 0, 100);
    // POSIX ustar only (GNU's "ustar  " header keeps other fields there).
    const prefix = block.subarray(257, 263).toString('latin1') === 'ustar\0' ? readString(block, 345, 155) : '';
    const path = prefix ? `${prefix}/${name}` : name;
    const skip = async () => {
      for await (const _ of reader.pieces(size + padding(size).length)) void _;
    };
    if (type === '5' || type === 'x' || type === 'g') {
      await skip();
      continue;
    }
    if (type !== '0' && type !== '\0') throw new TarFormatError(`unsupported entry type ${JSON.stringify(type)} for ${path}`);
    let remaining = size;
    let started = false;
    const body: AsyncIterable<Buffer> = {
      [Symbol.asyncIterator]() {
        if (started) throw new Error('an entry body can be read once');
        started = true;
        return (async function* () {
          for await (const piece of reader.pieces(remaining)) {
            remaining -= piece.length;
            yield piece;
          }
        })();
      },
    };
    yield { path, size, mtime: new Date(readOctal(block, 136, 12) * 1000), body };
    // Whatever the consumer left unread is skipped.
    if (remaining > 0) for await (const piece of reader.pieces(remaining)) remaining -= piece.length;
    const pad = padding(size).length;
    if (pad) {
      const p = await reader.read(pad);
      if (p.length < pad) throw new TarFormatError('truncated');
    }
  }
}
