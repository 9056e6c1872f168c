import { z } from 'zod';

/**
 * manifest.json of a backup archive: what the archive holds (every file
 * with its size and sha256), which application and migrations wrote the
 * database, and how many rows each table had when it was dumped.
 */
export const FORMAT = 'memorands-backup';
export const FORMAT_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';
export const DUMP_PATH = 'database.dump';
/** Stored objects sit under files/<storage key> in the archive. */
export const FILES_PREFIX = 'files/';

const HEX64 = /^[0-9a-f]{64}$/;

export const ZManifestFile = z.object({
  path: z.string().min(1),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(HEX64),
  /** Set for stored document objects: where the bytes go back to. */
  storageKey: z
    .string()
    .regex(/^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/)
    .optional(),
});

export const ZManifest = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  createdAt: z.string(),
  app: z.object({ name: z.string(), version: z.string() }),
  database: z.object({
    serverVersion: z.string(),
    migrations: z.array(z.object({ name: z.string(), checksum: z.string() })),
    tables: z.record(z.string(), z.number().int().nonnegative()),
  }),
  storage: z.object({ driver: z.string(), objects: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() }),
  files: z.array(ZManifestFile),
});

export type Manifest = z.infer<typeof ZManifest>;
export type ManifestFile = z.infer<typeof ZManifestFile>;

export const archivePathOfKey = (key: string) => `${FILES_PREFIX}${key}`;

/** Problems with a manifest's own consistency (paths, keys and hashes agreeing); empty when fine. */
export function manifestProblems(manifest: Manifest): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const f of manifest.files) {
    if (seen.has(f.path)) problems.push(`${f.path}: listed twice`);
    seen.add(f.path);
    if (f.path === DUMP_PATH) continue;
    if (!f.storageKey || f.path !== archivePathOfKey(f.storageKey)) problems.push(`${f.path}: not a stored document path`);
    else if (f.storageKey.slice(-64) !== f.sha256) problems.push(`${f.path}: its sha256 does not match its content address`);
  }
  if (!seen.has(DUMP_PATH)) problems.push(`${DUMP_PATH}: missing from the manifest`);
  return problems;
}
