import { createHash } from 'node:crypto';
import { db, type Tx } from '@/lib/db/client';
import { storage as configuredStorage, type Storage, type StoredObject } from './index';

/**
 * Stored objects and Document rows must match: every row's object exists
 * (lib/documents/store.ts makes the object durable before the row commits)
 * and every object has a row. A crash between storing an object and
 * committing its row leaves an orphan object; these helpers find them and
 * remove them once they are old enough not to belong to an upload still in
 * progress.
 */

/** pg_advisory_xact_lock namespace for "this storage key is being attached or deleted". */
const KEY_LOCK = 727_002;

/**
 * Serialises work on one storage key between transactions: the upload that
 * attaches an existing object and the cleanup that deletes an unreferenced
 * one take it, so a row is never committed for an object being deleted.
 */
export async function lockStorageKey(tx: Tx, key: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(${KEY_LOCK}::int, hashtext(${key}))) AS l`;
}

const sha256OfKey = (key: string) => key.slice(key.lastIndexOf('/') + 1);

async function referencedKeys(): Promise<Set<string>> {
  const rows = await db().document.findMany({ distinct: ['storageKey'], select: { storageKey: true } });
  return new Set(rows.map((r) => r.storageKey));
}

export type StorageReport = {
  /** Objects no Document row refers to. */
  orphans: StoredObject[];
  /** Keys Document rows refer to that storage does not hold (must stay empty). */
  missing: string[];
  /** Objects whose bytes do not hash to their key (only with `verify`). */
  corrupt: string[];
  objects: number;
  referenced: number;
};

/** Compares storage with the Document rows; `verify` also re-hashes every object (reads everything). */
export async function checkStorage(opts: { storage?: Storage; verify?: boolean } = {}): Promise<StorageReport> {
  const store = opts.storage ?? configuredStorage();
  // Rows first: an object stored after this read cannot look missing, only orphaned.
  const referenced = await referencedKeys();
  const listed: StoredObject[] = [];
  for await (const object of store.list()) listed.push(object);
  const present = new Set(listed.map((o) => o.key));
  const corrupt: string[] = [];
  if (opts.verify) {
    for (const object of listed) {
      const hash = createHash('sha256');
      for await (const chunk of await store.open(object.key)) hash.update(chunk as Buffer);
      if (hash.digest('hex') !== sha256OfKey(object.key)) corrupt.push(object.key);
    }
  }
  return {
    orphans: listed.filter((o) => !referenced.has(o.key)),
    missing: [...referenced].filter((k) => !present.has(k)).sort(),
    corrupt,
    objects: listed.length,
    referenced: referenced.size,
  };
}

/**
 * Deletes orphan objects last modified more than `minAgeMs` ago (an upload
 * in progress stores its object moments before committing its row). Each
 * deletion re-checks, under the key's lock, that no row refers to it.
 */
export async function deleteOrphans(opts: { minAgeMs: number; storage?: Storage; now?: Date }): Promise<{ deleted: StoredObject[]; kept: StoredObject[] }> {
  const store = opts.storage ?? configuredStorage();
  const now = (opts.now ?? new Date()).getTime();
  const { orphans } = await checkStorage({ storage: store });
  const deleted: StoredObject[] = [];
  const kept: StoredObject[] = [];
  for (const orphan of orphans) {
    if (now - orphan.modifiedAt.getTime() < opts.minAgeMs) {
      kept.push(orphan);
      continue;
    }
    const removed = await db().$transaction(
      async (tx) => {
        await lockStorageKey(tx, orphan.key);
        const refs = await tx.document.count({ where: { sha256: sha256OfKey(orphan.key), storageKey: orphan.key } });
        if (refs > 0) return false;
        await store.delete(orphan.key);
        return true;
      },
      { timeout: 60_000 },
    );
    (removed ? deleted : kept).push(orphan);
  }
  return { deleted, kept };
}
