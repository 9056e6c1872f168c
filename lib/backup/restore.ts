import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdtemp, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { receiveToTemp, type Storage } from '@/lib/storage';
import { hashChecked } from './hash';
import { DUMP_PATH, FILES_PREFIX, MANIFEST_PATH, ZManifest, manifestProblems, type Manifest } from './manifest';
import { restoreDatabase, targetState } from './pg';
import { readTar, type ReadEntry } from './tar';

/** The archive does not match its manifest (or is not a backup at all): nothing was restored. */
export class BackupVerificationError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The backup archive failed verification; nothing was restored:\n${problems
        .slice(0, 20)
        .map((p) => `  - ${p}`)
        .join('\n')}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''}`,
    );
    this.name = 'BackupVerificationError';
  }
}

/** The target database holds data and `force` was not given: nothing was restored. */
export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

/** The entries of a .tar.gz (or plain .tar) archive, streamed. */
async function* entriesOf(file: string): AsyncGenerator<ReadEntry> {
  const head = Buffer.alloc(2);
  const fh = await open(file, 'r');
  try {
    await fh.read(head, 0, 2, 0);
  } finally {
    await fh.close();
  }
  const gzipped = head[0] === 0x1f && head[1] === 0x8b;
  const raw = createReadStream(file);
  if (!gzipped) {
    yield* readTar(raw);
    return;
  }
  const gunzip = createGunzip();
  const piping = pipeline(raw, gunzip).catch(() => undefined); // errors surface through the gunzip iterator
  try {
    yield* readTar(gunzip);
  } finally {
    gunzip.destroy();
    raw.destroy();
    await piping;
  }
}

/**
 * Reads the whole archive once: parses manifest.json and re-hashes every
 * entry. Refuses (BackupVerificationError) when an entry is missing,
 * unexpected, of another size or hash, or the archive is damaged.
 */
export async function verifyArchive(file: string): Promise<Manifest> {
  await access(file).catch(() => {
    throw new BackupVerificationError([`${file}: no such file`]);
  });
  const seen = new Map<string, { size: number; sha256: string }>();
  const problems: string[] = [];
  let manifestText: string | undefined;
  try {
    for await (const entry of entriesOf(file)) {
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of entry.body) {
        hash.update(chunk);
        size += chunk.length;
        if (entry.path === MANIFEST_PATH && size <= 64 * 1024 * 1024) chunks.push(chunk);
      }
      if (seen.has(entry.path)) problems.push(`${entry.path}: appears twice in the archive`);
      seen.set(entry.path, { size, sha256: hash.digest('hex') });
      if (entry.path === MANIFEST_PATH) manifestText = Buffer.concat(chunks).toString('utf8');
    }
  } catch (error) {
    throw new BackupVerificationError([`the archive is damaged or not a backup: ${(error as Error).message}`]);
  }
  if (manifestText === undefined) throw new BackupVerificationError([`${MANIFEST_PATH}: missing (not a Memorands backup?)`]);
  let manifest: Manifest;
  try {
    manifest = ZManifest.parse(JSON.parse(manifestText));
  } catch (error) {
    throw new BackupVerificationError([`${MANIFEST_PATH}: not a supported manifest (${(error as Error).message.slice(0, 300)})`]);
  }
  problems.push(...manifestProblems(manifest));
  const listed = new Set<string>([MANIFEST_PATH]);
  for (const f of manifest.files) {
    listed.add(f.path);
    const actual = seen.get(f.path);
    if (!actual) problems.push(`${f.path}: missing from the archive`);
    else if (actual.size !== f.size) problems.push(`${f.path}: ${actual.size} bytes, the manifest says ${f.size}`);
    else if (actual.sha256 !== f.sha256) problems.push(`${f.path}: sha256 ${actual.sha256} does not match the manifest (${f.sha256})`);
  }
  for (const p of seen.keys()) if (!listed.has(p)) problems.push(`${p}: in the archive but not in the manifest`);
  if (problems.length) throw new BackupVerificationError(problems);
  return manifest;
}

export type RestoreSummary = {
  manifest: Manifest;
  tables: number;
  rows: number;
  documentsWritten: number;
  documentsPresent: number;
  documentBytes: number;
  /** Objects in storage that the backup does not hold (orphans now, unless another database uses them). */
  extraObjects: number;
  durationMs: number;
};

/**
 * Restores a backup archive: (1) verifies every entry against the manifest
 * (refusing before anything is touched), (2) refuses a target database
 * holding rows unless `force`, (3) writes the stored objects back (each
 * re-hashed; objects already present are kept, being content-addressed),
 * (4) replaces the database contents in one transaction, (5) checks the
 * row counts. Objects go back before rows, so a failure in between leaves
 * at worst unreferenced objects (removed by `npm run clean-temp -- --delete-orphans`),
 * never a row without its file.
 */
export async function restoreBackup(opts: {
  archive: string;
  databaseUrl: string;
  storage: Storage;
  force?: boolean;
  binDir?: string;
  log?: (line: string) => void;
}): Promise<RestoreSummary> {
  const started = Date.now();
  const log = opts.log ?? (() => undefined);
  log(`Verifying ${opts.archive}…`);
  const manifest = await verifyArchive(opts.archive);
  const expected = new Map(manifest.files.map((f) => [f.path, f]));

  const target = await targetState(opts.databaseUrl);
  if (target.rows > 0 && !opts.force) {
    const name = new URL(opts.databaseUrl).pathname.slice(1);
    throw new RestoreRefusedError(
      `The target database "${name}" is not empty (${target.rows} rows in ${Object.values(target.tables).filter((n) => n > 0).length} tables). Nothing was restored. Add --force to replace its contents.`,
    );
  }

  const work = await mkdtemp(path.join(os.tmpdir(), 'memorands-restore-'));
  try {
    const dumpFile = path.join(work, DUMP_PATH);
    let written = 0;
    let present = 0;
    log('Writing documents back to storage…');
    for await (const entry of entriesOf(opts.archive)) {
      const f = expected.get(entry.path);
      if (!f) continue; // manifest.json
      const changed = (actual: string) => new BackupVerificationError([`${f.path}: changed since verification (sha256 ${actual})`]);
      if (f.path === DUMP_PATH) {
        await pipeline(Readable.from(hashChecked(entry.body, f.sha256, changed)), createWriteStream(dumpFile, { mode: 0o600 }));
        continue;
      }
      if (!f.path.startsWith(FILES_PREFIX) || !f.storageKey) continue;
      if (await opts.storage.exists(f.storageKey)) {
        present += 1;
        continue;
      }
      const received = await receiveToTemp(Readable.from(entry.body), Number.MAX_SAFE_INTEGER);
      if (received.sha256 !== f.sha256) {
        await rm(received.tempPath, { force: true });
        throw changed(received.sha256);
      }
      await opts.storage.putFile(f.storageKey, received.tempPath);
      written += 1;
    }

    log('Restoring the database (one transaction)…');
    await restoreDatabase({ databaseUrl: opts.databaseUrl, dumpFile, major: target.major, binDir: opts.binDir });
    const after = await targetState(opts.databaseUrl);
    const mismatched = Object.entries(manifest.database.tables).filter(([t, n]) => after.tables[t] !== n);
    if (mismatched.length)
      throw new Error(
        `Restored, but row counts differ from the manifest: ${mismatched.map(([t, n]) => `${t} ${after.tables[t] ?? 'missing'} ≠ ${n}`).join(', ')}`,
      );

    const inBackup = new Set(manifest.files.map((f) => f.storageKey).filter(Boolean));
    let extraObjects = 0;
    for await (const o of opts.storage.list()) if (!inBackup.has(o.key)) extraObjects += 1;
    return {
      manifest,
      tables: Object.keys(after.tables).length,
      rows: after.rows,
      documentsWritten: written,
      documentsPresent: present,
      documentBytes: manifest.storage.bytes,
      extraObjects,
      durationMs: Date.now() - started,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
