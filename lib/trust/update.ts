import 'server-only';
import { readFile } from 'node:fs/promises';
import { mutate } from '@/lib/mutations';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { bundledList } from './list-store';
import { parseTrustedList } from './tsl';
import { certificatesFromPem, verifyListSignature } from './tsl-signature';

/** A list bigger than this is refused (the Latvian list is ~0.2 MB). */
const MAX_LIST_BYTES = 20 * 1024 * 1024;
const TIMEOUT_MS = 60_000;

export type UpdateResult =
  | { outcome: 'stored'; sequenceNumber: number; issueDate: Date; nextUpdate: Date | null; sha256: string }
  | { outcome: 'unchanged'; sequenceNumber: number; issueDate: Date }
  | { outcome: 'refused'; why: string };

async function download(url: string): Promise<Uint8Array> {
  const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' });
  if (!res.ok || !res.body) throw new Error(`HTTP ${res.status} from ${url}`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_LIST_BYTES) {
      await reader.cancel();
      throw new Error(`the list is larger than ${MAX_LIST_BYTES} bytes`);
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * Downloads the trusted list, verifies its enveloped signature against the pinned scheme-operator
 * certificate(s), and stores it with its sequence number and issue date. Guarantees: a download
 * that fails, does not verify, is not a list, or is older than the newest one already in use
 * changes nothing (returns `refused`); never throws for those.
 */
export async function updateTrustedList(opts: { url?: string; pinnedPemFile?: string; now?: Date } = {}): Promise<UpdateResult> {
  const url = opts.url ?? env.TRUSTED_LIST_URL;
  const now = opts.now ?? new Date();
  let pins: Uint8Array[];
  try {
    pins = certificatesFromPem(await readFile(opts.pinnedPemFile ?? env.TRUSTED_LIST_SIGNER_PEM, 'utf8'));
  } catch (e) {
    return { outcome: 'refused', why: `pinned scheme-operator certificate not readable: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (pins.length === 0) return { outcome: 'refused', why: 'no pinned scheme-operator certificate' };
  let bytes: Uint8Array;
  try {
    bytes = await download(url);
  } catch (e) {
    return { outcome: 'refused', why: `download failed: ${e instanceof Error ? e.message : String(e)}` };
  }
  const xml = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  const signature = await verifyListSignature(xml, pins);
  if (!signature.valid) return { outcome: 'refused', why: signature.why };
  let list;
  try {
    list = parseTrustedList(xml);
  } catch (e) {
    return { outcome: 'refused', why: `not a trusted list: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (list.issueDate.getTime() > now.getTime() + 24 * 3600_000)
    return { outcome: 'refused', why: `issue date ${list.issueDate.toISOString()} is in the future` };
  const newest = await db().trustedList.findFirst({
    orderBy: [{ issueDate: 'desc' }, { sequenceNumber: 'desc' }],
    select: { sequenceNumber: true, issueDate: true, sha256: true },
  });
  if (newest?.sha256 === list.sha256) return { outcome: 'unchanged', sequenceNumber: newest.sequenceNumber, issueDate: newest.issueDate };
  const floor = newest ?? { sequenceNumber: bundledList().sequenceNumber, issueDate: bundledList().issueDate };
  // Note: an older (replayed) list could re-grant a withdrawn service: refuse anything not newer than what is in use.
  if (list.sequenceNumber < floor.sequenceNumber || list.issueDate.getTime() < floor.issueDate.getTime()) {
    return { outcome: 'refused', why: `list No. ${list.sequenceNumber} of ${list.issueDate.toISOString()} is older than No. ${floor.sequenceNumber} in use` };
  }
  await mutate({ actor: null, permission: 'system' }, async ({ tx, audit }) => {
    const row = await tx.trustedList.create({
      data: {
        sequenceNumber: list.sequenceNumber,
        issueDate: list.issueDate,
        nextUpdate: list.nextUpdate,
        sha256: list.sha256,
        sourceUrl: url,
        signerSubject: signature.signerSubject,
        xml,
      },
      select: { id: true },
    });
    await audit({
      action: 'trust.list-update',
      subjectType: 'TrustedList',
      subjectId: row.id,
      after: { sequenceNumber: list.sequenceNumber, issueDate: list.issueDate.toISOString(), sha256: list.sha256, url, signer: signature.signerSubject },
    });
  });
  return { outcome: 'stored', sequenceNumber: list.sequenceNumber, issueDate: list.issueDate, nextUpdate: list.nextUpdate, sha256: list.sha256 };
}
