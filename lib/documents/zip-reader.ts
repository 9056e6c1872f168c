/**
 * Bounded ZIP reading on top of yauzl: the central directory is read first, declared sizes are
 * checked against a cap before anything is inflated, and the cap is enforced again while inflating.
 */
import yauzl from 'yauzl';
import { InspectRejection } from './types';

/** Central-directory facts about one entry. */
export type ZipEntryInfo = {
  name: string;
  index: number;
  compressionMethod: number;
  compressedSize: number;
  uncompressedSize: number;
  isDirectory: boolean;
  encrypted: boolean;
};

/** An opened archive: entry list plus a capped reader. */
export type ZipArchive = {
  entries: ZipEntryInfo[];
  /** Inflates one entry, rejecting with `too_large` once the running total passes the cap. */
  read(entry: ZipEntryInfo): Promise<Uint8Array>;
  close(): void;
};

const MAX_ENTRIES = 1000;

function rejectionFor(e: unknown): InspectRejection {
  if (e instanceof InspectRejection) return e;
  const msg = e instanceof Error ? e.message : String(e);
  if (/end of central directory record signature not found/i.test(msg)) return new InspectRejection('truncated', `zip: ${msg}`);
  return new InspectRejection('corrupt', `zip: ${msg}`);
}

async function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  if (zip.entryCount > MAX_ENTRIES) throw new InspectRejection('too_large', `zip has ${zip.entryCount} entries`);
  const out: yauzl.Entry[] = [];
  for await (const entry of zip.eachEntry()) out.push(entry);
  return out;
}

function describe(e: yauzl.Entry, index: number): ZipEntryInfo {
  return {
    name: e.fileName,
    index,
    compressionMethod: e.compressionMethod,
    compressedSize: e.compressedSize,
    uncompressedSize: e.uncompressedSize,
    isDirectory: e.fileName.endsWith('/'),
    encrypted: e.isEncrypted(),
  };
}

/** Rejects with `too_large` when any declared entry size, or their sum, exceeds `maxBytes`. */
function checkDeclaredSizes(entries: ZipEntryInfo[], maxBytes: number): void {
  let total = 0;
  for (const e of entries) {
    if (e.uncompressedSize > maxBytes) {
      throw new InspectRejection('too_large', `zip entry ${e.name} declares ${e.uncompressedSize} bytes uncompressed`);
    }
    total += e.uncompressedSize;
  }
  if (total > maxBytes) throw new InspectRejection('too_large', `zip entries declare ${total} bytes uncompressed in total`);
}

/** Collects a stream, aborting as soon as it exceeds the entry's declared size or the remaining budget. */
async function drain(stream: NodeJS.ReadableStream & { destroy(): void }, entry: ZipEntryInfo, budget: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > budget) {
      stream.destroy();
      throw new InspectRejection('too_large', `zip entry ${entry.name} inflates beyond the cap`);
    }
    if (size > entry.uncompressedSize) {
      stream.destroy();
      throw new InspectRejection('corrupt', `zip entry ${entry.name} inflates beyond its declared size`);
    }
    chunks.push(buf);
  }
  return new Uint8Array(Buffer.concat(chunks, size));
}

/**
 * Opens a ZIP held in memory. Rejects (InspectRejection) with `too_large` for oversized declared
 * sizes or too many entries, `truncated`/`corrupt` for unreadable archives. Never inflates more
 * than `maxBytes` in total across all reads.
 */
export async function openZip(bytes: Uint8Array, maxBytes: number): Promise<ZipArchive> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: yauzl.ZipFile;
  let raw: yauzl.Entry[];
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false });
    raw = await listEntries(zip);
  } catch (e) {
    throw rejectionFor(e);
  }
  const entries = raw.map(describe);
  checkDeclaredSizes(entries, maxBytes);
  let budget = maxBytes;
  const opened = zip;
  return {
    entries,
    async read(entry) {
      const source = raw[entry.index];
      if (!source) throw new InspectRejection('corrupt', `zip entry ${entry.name} vanished`);
      if (entry.encrypted) throw new InspectRejection('container_malformed', `zip entry ${entry.name} is encrypted`);
      try {
        const stream = await opened.openReadStreamPromise(source);
        const data = await drain(stream, entry, budget);
        budget -= data.length;
        return data;
      } catch (e) {
        throw rejectionFor(e);
      }
    },
    close() {
      try {
        opened.close();
      } catch {
        /* already closed */
      }
    },
  };
}
