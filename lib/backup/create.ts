import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, open, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Storage } from '@/lib/storage';
import { hashChecked, hashFile } from './hash';
import { DUMP_PATH, FORMAT, FORMAT_VERSION, MANIFEST_PATH, archivePathOfKey, type Manifest, type ManifestFile } from './manifest';
import { dumpDatabase } from './pg';
import { tarStream, type TarSource } from './tar';

export type BackupSummary = {
  file: string;
  archiveBytes: number;
  documents: number;
  documentBytes: number;
  tables: number;
  rows: number;
  durationMs: number;
  manifest: Manifest;
};

/** memorands-20250131T235959Z.tar.gz */
export function defaultBackupName(now = new Date()): string {
  return `memorands-${now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '')}.tar.gz`;
}

/**
 * Writes one .tar.gz holding manifest.json, database.dump (pg_dump -Fc)
 * and every stored object under files/<key>. The dump, the row counts and
 * the list of referenced objects come from one database snapshot; the
 * objects are read through the storage driver and re-hashed on the way
 * (a stored object that does not match its content address fails the
 * backup). The archive appears under its name only when complete.
 */
export async function createBackup(opts: {
  databaseUrl: string;
  out: string;
  storage: Storage;
  storageDriver: string;
  app: { name: string; version: string };
  binDir?: string;
  log?: (line: string) => void;
}): Promise<BackupSummary> {
  const started = Date.now();
  const log = opts.log ?? (() => undefined);
  const work = await mkdtemp(path.join(os.tmpdir(), 'memorands-backup-'));
  const partial = `${opts.out}.partial`;
  try {
    const dumpFile = path.join(work, DUMP_PATH);
    log('Dumping the database…');
    const snapshot = await dumpDatabase({ databaseUrl: opts.databaseUrl, file: dumpFile, binDir: opts.binDir });
    const dump = await hashFile(dumpFile);

    log('Listing stored documents…');
    const objects = new Map<string, number>();
    for await (const o of opts.storage.list()) objects.set(o.key, o.size);
    const missing = snapshot.documentKeys.filter((k) => !objects.has(k));
    for (const key of missing) {
      // Not listed (e.g. stored a moment after listing began): ask for it directly.
      if (await opts.storage.exists(key)) objects.set(key, await opts.storage.size(key));
      else
        throw new Error(
          `Document file ${key} is referenced by the database but missing from storage; run \`npm run clean-temp\` to check storage, then back up again.`,
        );
    }
    const keys = [...objects.keys()].sort();
    const documents: ManifestFile[] = keys.map((key) => ({ path: archivePathOfKey(key), size: objects.get(key)!, sha256: key.slice(-64), storageKey: key }));
    const manifest: Manifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      app: opts.app,
      database: { serverVersion: snapshot.serverVersion, migrations: snapshot.migrations, tables: snapshot.tables },
      storage: { driver: opts.storageDriver, objects: documents.length, bytes: documents.reduce((a, f) => a + f.size, 0) },
      files: [{ path: DUMP_PATH, size: dump.size, sha256: dump.sha256 }, ...documents],
    };

    log(`Writing ${documents.length} documents (${manifest.storage.bytes} bytes) and the database dump (${dump.size} bytes)…`);
    const storage = opts.storage;
    async function* entries(): AsyncGenerator<TarSource> {
      yield { path: MANIFEST_PATH, ...manifestBody(manifest) };
      yield { path: DUMP_PATH, size: dump.size, body: createReadStream(dumpFile) };
      for (const f of documents) {
        const body = hashChecked(
          await storage.open(f.storageKey!),
          f.sha256,
          (actual) => new Error(`Stored document ${f.storageKey} is damaged (its bytes hash to ${actual}); the backup was not written.`),
        );
        yield { path: f.path, size: f.size, body };
      }
    }
    await mkdir(path.dirname(path.resolve(opts.out)), { recursive: true });
    await pipeline(Readable.from(tarStream(entries())), createGzip({ level: 6 }), createWriteStream(partial, { mode: 0o600 }));
    const handle = await open(partial, 'r');
    await handle.sync().finally(() => handle.close());
    await rename(partial, opts.out);
    const rows = Object.values(snapshot.tables).reduce((a, b) => a + b, 0);
    return {
      file: opts.out,
      archiveBytes: (await stat(opts.out)).size,
      documents: documents.length,
      documentBytes: manifest.storage.bytes,
      tables: Object.keys(snapshot.tables).length,
      rows,
      durationMs: Date.now() - started,
      manifest,
    };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function manifestBody(manifest: Manifest): { size: number; body: Uint8Array } {
  const body = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  return { size: body.length, body };
}
