import { readFile, readdir } from 'node:fs/promises';
import { Readable } from 'node:stream';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import {
  addDocument,
  removeDocument,
  recordDecision,
  returnAccession,
  submitAccession,
  verifyAccession,
  withdrawAccession,
  findSecretaryAccession,
} from '@/lib/accessions/workflow';
import { receiveToTemp, storage, tempDir, keyForSha256 } from '@/lib/storage';
import { MAX_UPLOAD_BYTES } from '@/lib/documents/types';
import { findMunicipalityPublic } from '@/lib/municipalities/queries';
import { createSignedPdf } from '../unit/documents/sign-helper';
import { requireCorpus } from '../unit/documents/corpus-dir';
import { actorOf, createUser, resetDatabase } from './db-utils';
import { decision } from './support/fixtures';

async function upload(actor: ReturnType<typeof actorOf>, slug: string, bytes: Uint8Array, name = 'lēmums.pdf') {
  const file = await receiveToTemp(Readable.from([Buffer.from(bytes)]), 25 * 1024 * 1024);
  return addDocument({ actor, municipalitySlug: slug, kind: 'DECISION', originalName: name, file });
}

const tempFiles = async () => (await readdir(tempDir()).catch(() => [])).length;

describe('joining workflow', () => {
  beforeEach(resetDatabase);

  it('record → upload → submit → return → resubmit → verify, with public events and an audit event at each step', async () => {
    const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'cesu-novads' }));
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    await recordDecision({ actor: secretary, municipalitySlug: 'cesu-novads', input: decision });
    const { bytes } = await createSignedPdf({ text: 'Cesu novada domes lemums' });
    const doc = await upload(secretary, 'cesu-novads', bytes);
    expect(doc.warnings).toEqual([]);
    let a = (await findSecretaryAccession({ actor: secretary, municipalitySlug: 'cesu-novads' })).accession!;
    expect(a.documents[0]!.inspection).toMatchObject({ signatures: [{ integrity: 'intact', signerName: 'Jānis Bērziņš (test)' }] });
    await submitAccession({ actor: secretary, municipalitySlug: 'cesu-novads' });
    a = (await findSecretaryAccession({ actor: secretary, municipalitySlug: 'cesu-novads' })).accession!;
    await returnAccession({ actor: staff, accessionId: a.id, input: { version: a.version, reason: 'Pievienojiet pielikumu.' } });
    a = (await findSecretaryAccession({ actor: secretary, municipalitySlug: 'cesu-novads' })).accession!;
    expect(a).toMatchObject({ status: 'RETURNED', returnReason: 'Pievienojiet pielikumu.' });
    await submitAccession({ actor: secretary, municipalitySlug: 'cesu-novads' });
    a = (await findSecretaryAccession({ actor: secretary, municipalitySlug: 'cesu-novads' })).accession!;
    await verifyAccession({ actor: staff, accessionId: a.id, version: a.version });
    const pub = await findMunicipalityPublic('cesu-novads');
    expect(pub!.accessions[0]).toMatchObject({ status: 'VERIFIED', decisionNumber: decision.decisionNumber });
    expect(pub!.accessions[0]!.events.map((e) => e.type)).toEqual(['SUBMITTED', 'RETURNED', 'SUBMITTED', 'VERIFIED']);
    expect(pub!.accessions[0]!.events[1]!.reason).toBeNull();
    const actions = (
      await db().auditEvent.findMany({ where: { subjectType: { in: ['Accession', 'Document'] } }, orderBy: { id: 'asc' }, select: { action: true } })
    ).map((e) => e.action);
    expect(actions).toEqual(['accession.record', 'document.upload', 'accession.submitted', 'accession.returned', 'accession.submitted', 'accession.verified']);

    await withdrawAccession({ actor: staff, accessionId: a.id, input: { version: a.version + 1, reason: 'Dome atcēla lēmumu.' } });
    const after = await findMunicipalityPublic('cesu-novads');
    expect(after!.accessions[0]).toMatchObject({ status: 'WITHDRAWN', withdrawalReason: 'Dome atcēla lēmumu.' });
  });

  it('two concurrent verifications: exactly one wins', async () => {
    const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'cesu-novads' }));
    const [s1, s2] = [actorOf(await createUser({ role: 'STAFF' })), actorOf(await createUser({ role: 'ADMIN' }))];
    await recordDecision({ actor: secretary, municipalitySlug: 'cesu-novads', input: decision });
    await upload(secretary, 'cesu-novads', (await createSignedPdf()).bytes);
    let a = (await findSecretaryAccession({ actor: secretary, municipalitySlug: 'cesu-novads' })).accession!;
    await submitAccession({ actor: secretary, municipalitySlug: 'cesu-novads' });
    a = (await findSecretaryAccession({ actor: secretary, municipalitySlug: 'cesu-novads' })).accession!;
    const results = await Promise.allSettled([
      verifyAccession({ actor: s1, accessionId: a.id, version: a.version }),
      returnAccession({ actor: s2, accessionId: a.id, input: { version: a.version, reason: 'x' } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'CONFLICT', messageKey: 'accession.alreadyHandled' });
    expect(await db().accessionEvent.count({ where: { accessionId: a.id, type: { in: ['VERIFIED', 'RETURNED'] } } })).toBe(1);
  });

  it('a secretary cannot record, upload or submit for another municipality', async () => {
    const other = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'riga' }));
    await expect(recordDecision({ actor: other, municipalitySlug: 'cesu-novads', input: decision })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(upload(other, 'cesu-novads', (await createSignedPdf()).bytes)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(submitAccession({ actor: other, municipalitySlug: 'cesu-novads' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await db().accession.count({ where: { municipality: { slug: 'cesu-novads' } } })).toBe(0);
    expect(await tempFiles()).toBe(0);
  });

  it('the same bytes uploaded twice to one decision: the second is refused with 409 and a clear message, nothing added', async () => {
    const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'cesu-novads' }));
    await recordDecision({ actor: secretary, municipalitySlug: 'cesu-novads', input: decision });
    const { bytes } = await createSignedPdf();
    await upload(secretary, 'cesu-novads', bytes, 'a.pdf');
    const error = await upload(secretary, 'cesu-novads', bytes, 'b.pdf').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'CONFLICT', messageKey: 'upload.duplicate', status: 409 });
    expect(await db().document.count()).toBe(1);
    expect(await tempFiles()).toBe(0);
  });

  it('the same bytes on two decisions are stored once; removing one keeps the other', async () => {
    const cesis = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'cesu-novads' }));
    const valmiera = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'valmieras-novads' }));
    await recordDecision({ actor: cesis, municipalitySlug: 'cesu-novads', input: decision });
    await recordDecision({ actor: valmiera, municipalitySlug: 'valmieras-novads', input: { ...decision, councilBody: 'Valmieras novada dome' } });
    const { bytes } = await createSignedPdf();
    const first = await upload(cesis, 'cesu-novads', bytes, 'a.pdf');
    const second = await upload(valmiera, 'valmieras-novads', bytes, 'b.pdf');
    expect(second.sha256).toBe(first.sha256);
    const rows = await db().document.findMany({ where: { sha256: first.sha256 }, select: { storageKey: true } });
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.storageKey)).size).toBe(1);
    expect(await storage().exists(keyForSha256(first.sha256))).toBe(true);
    expect(await tempFiles()).toBe(0);
    await removeDocument({ actor: cesis, municipalitySlug: 'cesu-novads', documentId: first.id });
    expect(await storage().exists(keyForSha256(first.sha256))).toBe(true);
    await removeDocument({ actor: valmiera, municipalitySlug: 'valmieras-novads', documentId: second.id });
    expect(await storage().exists(keyForSha256(first.sha256))).toBe(false);
  });

  it('an upload cut off mid-way leaves no temporary file and no row', async () => {
    let sent = 0;
    const failing = new Readable({
      read() {
        sent += 1;
        if (sent < 4) this.push(Buffer.alloc(64 * 1024, 0x25));
        else this.destroy(new Error('client went away'));
      },
    });
    await expect(receiveToTemp(failing, 25 * 1024 * 1024)).rejects.toThrow('client went away');
    expect(await tempFiles()).toBe(0);
    expect(await db().document.count()).toBe(0);
  });

  it('stops reading at 25 MB', async () => {
    const big = Readable.from(
      (function* () {
        for (let i = 0; i < 30; i += 1) yield Buffer.alloc(1024 * 1024, 0x20);
      })(),
    );
    await expect(receiveToTemp(big, 25 * 1024 * 1024)).rejects.toThrow('too large');
    expect(await tempFiles()).toBe(0);
  });
});

describe('every corpus file through the upload path (stream → temp file → checks → storage)', () => {
  beforeEach(resetDatabase);

  it('gives each file its expected outcome and leaves nothing behind for refused files', async () => {
    const dir = requireCorpus();
    const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as {
      files: { file: string; expected: { outcome: string; reason?: string; warnings?: string[] } }[];
    };
    const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'cesu-novads' }));
    await recordDecision({ actor: secretary, municipalitySlug: 'cesu-novads', input: decision });
    for (const entry of manifest.files) {
      const bytes = await readFile(path.join(dir, entry.file));
      const before = await db().document.count();
      const result = await upload(secretary, 'cesu-novads', bytes, entry.file).then(
        (r) => ({ ok: true as const, r }),
        (e: unknown) => ({ ok: false as const, e }),
      );
      if (entry.expected.outcome === 'reject') {
        expect(result.ok, entry.file).toBe(false);
        // A decompression bomb within the size cap is "expands too much / damaged" (422), not "file too large" (QA s13).
        const key = entry.expected.reason === 'too_large' && bytes.byteLength <= MAX_UPLOAD_BYTES ? 'too_large_expanded' : entry.expected.reason;
        expect((result as { e: { messageKey: string } }).e.messageKey, entry.file).toBe(`upload.${key}`);
        expect(await db().document.count(), entry.file).toBe(before);
      } else {
        expect(result.ok, `${entry.file}: ${String((result as { e?: unknown }).e)}`).toBe(true);
        expect([...(result as { r: { warnings: string[] } }).r.warnings].sort(), entry.file).toEqual([...(entry.expected.warnings ?? [])].sort());
      }
      expect(await tempFiles(), entry.file).toBe(0);
    }
    // Every stored object belongs to a row.
    const keys = new Set((await db().document.findMany({ select: { storageKey: true } })).map((d) => d.storageKey));
    for (const key of keys) expect(await storage().exists(key)).toBe(true);
  });
});
