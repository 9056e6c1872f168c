import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { db } from '@/lib/db/client';
import type { ListSource } from './evaluate';
import { parseTrustedList, type TrustedList } from './tsl';

/** The list shipped in the repository (see lib/trust/data/README.md): used until a newer verified list is downloaded. */
export const BUNDLED_LIST_FILE = path.join(process.cwd(), 'lib/trust/data/latvian-tsl-2023-09-12.xml');

let bundled: TrustedList | null = null;
let cached: { sha256: string; list: TrustedList } | null = null;

/** The bundled snapshot, parsed once. */
export function bundledList(): TrustedList {
  bundled ??= parseTrustedList(readFileSync(BUNDLED_LIST_FILE));
  return bundled;
}

/**
 * The list verdicts are computed with: the newest (by issue date, then sequence number) verified
 * list stored by `npm run trust:update`, else the bundled snapshot when it is newer or none was stored.
 */
export async function currentList(): Promise<ListSource> {
  const row = await db().trustedList.findFirst({ orderBy: [{ issueDate: 'desc' }, { sequenceNumber: 'desc' }], select: { sha256: true, issueDate: true } });
  const fallback = bundledList();
  if (!row || row.issueDate.getTime() < fallback.issueDate.getTime()) return { list: fallback, source: 'bundled' };
  if (cached?.sha256 !== row.sha256) {
    const full = await db().trustedList.findUniqueOrThrow({ where: { sha256: row.sha256 }, select: { xml: true } });
    cached = { sha256: row.sha256, list: parseTrustedList(full.xml) };
  }
  return { list: cached.list, source: 'downloaded' };
}

/** Facts about the list in use, for the staff pages (says when it is past its NextUpdate). */
export async function currentListInfo(
  now: Date,
): Promise<{ sequenceNumber: number; issueDate: Date; nextUpdate: Date | null; outdated: boolean; source: 'bundled' | 'downloaded' }> {
  const { list, source } = await currentList();
  return {
    sequenceNumber: list.sequenceNumber,
    issueDate: list.issueDate,
    nextUpdate: list.nextUpdate,
    outdated: list.nextUpdate !== null && list.nextUpdate.getTime() < now.getTime(),
    source,
  };
}
