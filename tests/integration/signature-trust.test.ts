/**
 * Trust verdicts stored with the document (list number, issue date, computation time), re-run by
 * staff (audited, history kept), and `trust:update` against a local HTTP server with a test-pinned
 * scheme-operator key: a verified list is stored and used; a tampered, failed or older one changes nothing.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDocument, recordDecision } from '@/lib/accessions/workflow';
import { db } from '@/lib/db/client';
import { receiveToTemp } from '@/lib/storage';
import { currentList, currentListInfo } from '@/lib/trust/list-store';
import { latestVerdicts, recheckDocumentTrust } from '@/lib/trust/verdicts';
import { updateTrustedList } from '@/lib/trust/update';
import { generateKey, issueCertificate } from '../support/pki';
import { buildTsl, signTsl } from '../support/tsl-builder';
import { requireCorpus } from '../unit/documents/corpus-dir';
import { actorOf, createUser, resetDatabase } from './db-utils';
import { decision } from './support/fixtures';

async function uploadCorpus(file: string) {
  const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'cesu-novads' }));
  await recordDecision({ actor: secretary, municipalitySlug: 'cesu-novads', input: { ...decision, decisionNumber: '325' } });
  const bytes = await readFile(path.join(requireCorpus(), file));
  const temp = await receiveToTemp(Readable.from([bytes]), 25 * 1024 * 1024);
  return { secretary, doc: await addDocument({ actor: secretary, municipalitySlug: 'cesu-novads', kind: 'DECISION', originalName: file, file: temp }) };
}

// A test scheme operator, its pinned certificate in a temporary PEM file, and a local list server.
const operatorKey = generateKey('rsa', 'operator');
const operator = issueCertificate({
  subject: { cn: 'Test Trust List Scheme Operator' },
  key: operatorKey,
  notBefore: new Date('2020-01-01Z'),
  notAfter: new Date('2035-01-01Z'),
});
const strangerKey = generateKey('rsa', 'stranger');
const stranger = issueCertificate({
  subject: { cn: 'Test Trust List Scheme Operator' },
  key: strangerKey,
  notBefore: new Date('2020-01-01Z'),
  notAfter: new Date('2035-01-01Z'),
});
let pinnedPemFile = '';
let served: { status: number; body: string } = { status: 200, body: '' };
let server: Server;
let url = '';

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'memorands-tsl-'));
  pinnedPemFile = path.join(dir, 'pinned.pem');
  await writeFile(pinnedPemFile, `-----BEGIN CERTIFICATE-----\n${Buffer.from(operator.der).toString('base64')}\n-----END CERTIFICATE-----\n`);
  server = createServer((_req, res) => {
    res.writeHead(served.status, { 'content-type': 'application/xml' });
    res.end(served.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsl/latvian-tsl.xml`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const caKey = generateKey('rsa', 'ca');
const ca = issueCertificate({ subject: { cn: 'TEST QC CA' }, key: caKey, notBefore: new Date('2020-01-01Z'), notAfter: new Date('2035-01-01Z'), ca: true });
const newerList = (sequenceNumber: number, issueDate: string) =>
  buildTsl({
    sequenceNumber,
    issueDate,
    nextUpdate: '2027-05-01T00:00:00Z',
    services: [{ name: 'TEST QC CA', type: 'CA/QC', cert: ca, history: [['granted', '2021-01-01T00:00:00Z']] }],
  });

describe('trust verdicts stored with the document', () => {
  beforeEach(resetDatabase);

  it("an upload stores each signature's verdict with the list number, issue date and time; the audit event names it", async () => {
    const { doc } = await uploadCorpus('lv-eid-sha256.edoc');
    const rows = await db().signatureVerdict.findMany({ where: { documentId: doc.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ signatureIndex: 0, status: 'indeterminate', reason: 'weak_algorithm', listSequenceNumber: 41, computedById: null });
    expect(rows[0]?.listIssueDate.toISOString()).toBe('2023-09-12T01:00:00.000Z');
    const audit = await db().auditEvent.findFirst({ where: { action: 'document.upload', subjectId: doc.id } });
    expect(audit?.after).toMatchObject({ trust: ['indeterminate'], trustList: 41 });
  });

  it('staff re-run the check (audited, the earlier verdict kept); a secretary may not', async () => {
    const { secretary, doc } = await uploadCorpus('lv-T-signature.asice');
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    await expect(recheckDocumentTrust({ actor: secretary, documentId: doc.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const later = new Date(Date.now() + 60_000);
    const [v] = await recheckDocumentTrust({ actor: staff, documentId: doc.id, now: later });
    expect(v?.status).toBe('untrusted_issuer');
    expect(await db().signatureVerdict.count({ where: { documentId: doc.id } })).toBe(2);
    expect((await latestVerdicts([doc.id])).get(doc.id)?.[0]?.computedAt).toBe(later.toISOString());
    expect(await db().auditEvent.count({ where: { action: 'document.trust-recheck', subjectId: doc.id, actorId: staff.id } })).toBe(1);
    await expect(recheckDocumentTrust({ actor: staff, documentId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('npm run trust:update (lib/trust/update) against a local server', () => {
  beforeEach(resetDatabase);

  it('stores a list signed by the pinned operator, and the portal then uses it; a re-run of an old verdict keeps its list', async () => {
    const { doc } = await uploadCorpus('lv-eid-sha256.edoc');
    served = { status: 200, body: await signTsl(newerList(42, '2026-11-20T00:00:00Z'), operator) };
    const r = await updateTrustedList({ url, pinnedPemFile, now: new Date('2026-12-03T10:00:00Z') });
    expect(r).toMatchObject({ outcome: 'stored', sequenceNumber: 42 });
    expect(await db().auditEvent.count({ where: { action: 'trust.list-update' } })).toBe(1);
    const info = await currentListInfo(new Date('2026-12-03T10:00:00Z'));
    expect(info).toMatchObject({ sequenceNumber: 42, source: 'downloaded', outdated: false });
    expect((await currentListInfo(new Date('2027-06-01T00:00:00Z'))).outdated).toBe(true);
    // The verdict computed at upload still names list No. 41; a re-run adds one with No. 42.
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const [v] = await recheckDocumentTrust({ actor: staff, documentId: doc.id });
    expect(v?.list.sequenceNumber).toBe(42);
    expect(v?.status).toBe('untrusted_issuer');
    const rows = await db().signatureVerdict.findMany({ where: { documentId: doc.id }, orderBy: { computedAt: 'asc' } });
    expect(rows.map((x) => x.listSequenceNumber)).toEqual([41, 42]);
    // Downloading the same list again changes nothing.
    expect(await updateTrustedList({ url, pinnedPemFile, now: new Date('2026-12-03T10:00:00Z') })).toMatchObject({ outcome: 'unchanged' });
  });

  it('refuses a tampered list, a list signed by another key, a failed download and an older list; the list in use stays', async () => {
    served = { status: 200, body: await signTsl(newerList(42, '2026-11-20T00:00:00Z'), operator) };
    expect((await updateTrustedList({ url, pinnedPemFile })).outcome).toBe('stored');
    const signed43 = await signTsl(newerList(43, '2026-11-25T00:00:00Z'), operator);
    const attempts = [
      { status: 200, body: signed43.replace('<TSLSequenceNumber>43<', '<TSLSequenceNumber>44<') },
      { status: 200, body: signed43.replace('granted', 'withdrawn') },
      { status: 200, body: await signTsl(newerList(43, '2026-11-25T00:00:00Z'), stranger) },
      { status: 500, body: 'oops' },
      { status: 200, body: 'not xml at all' },
      { status: 200, body: newerList(43, '2026-11-25T00:00:00Z') },
      { status: 200, body: await signTsl(newerList(40, '2023-01-01T00:00:00Z'), operator) },
    ];
    for (const a of attempts) {
      served = a;
      const r = await updateTrustedList({ url, pinnedPemFile });
      expect(r.outcome, JSON.stringify(r)).toBe('refused');
    }
    expect(await db().trustedList.count()).toBe(1);
    expect((await currentList()).list.sequenceNumber).toBe(42);
  });

  it('the npm run trust:update script: TRUSTED_LIST_URL / TRUSTED_LIST_SIGNER_PEM from the environment; exit 0 when stored, 1 (nothing changed) when tampered', async () => {
    const run = () =>
      new Promise<{ code: number; out: string }>((resolve, reject) => {
        const child = spawn(path.resolve('node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/trust-update.ts'], {
          env: { ...process.env, TRUSTED_LIST_URL: url, TRUSTED_LIST_SIGNER_PEM: pinnedPemFile },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr.on('data', (c: Buffer) => (out += c.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code: code ?? 1, out }));
      });
    served = { status: 200, body: await signTsl(newerList(42, '2026-11-20T00:00:00Z'), operator) };
    const ok = await run();
    expect(ok, ok.out).toMatchObject({ code: 0 });
    expect(ok.out).toContain('Trusted list No. 42 of 2026-11-20 verified and stored');
    served = { status: 200, body: (await signTsl(newerList(43, '2026-11-25T00:00:00Z'), operator)).replace('granted', 'withdrawn') };
    const bad = await run();
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('Trusted list not updated: the list signature does not verify with the pinned scheme-operator certificate');
    expect(await db().trustedList.count()).toBe(1);
  });

  it('with no downloaded list the bundled snapshot (No. 41) is used and reported past its NextUpdate', async () => {
    expect(await currentListInfo(new Date('2026-12-03T10:00:00Z'))).toMatchObject({ sequenceNumber: 41, source: 'bundled', outdated: true });
  });
});
