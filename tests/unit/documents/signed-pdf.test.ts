/**
 * PAdES-style signature produced at test time (self-signed RSA certificate, detached CMS with
 * contentType/messageDigest/signingTime) must verify as intact; any changed signed byte must reject.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectDocument } from '@/lib/documents/inspect';
import { buildUnsignedPdf, createSignedPdf, createTestSigner, writeSignedPdfFile, type SignedPdf } from './sign-helper';

let signed: SignedPdf;
let workDir: string;

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'memorands-signed-pdf-'));
  signed = await createSignedPdf({ signer: await createTestSigner('Anna Paraugs'), signingTime: new Date('2026-01-15T09:30:00Z') });
});

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

describe('self-made signed PDF', () => {
  it('is accepted with one intact signature, signer CN and signing time', async () => {
    const r = await inspectDocument(signed.bytes);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (!r.ok) return;
    expect(r.kind).toBe('pdf');
    expect(r.warnings).toEqual([]);
    expect(r.pageCount).toBe(1);
    expect(r.signatures).toHaveLength(1);
    expect(r.signatures[0]).toMatchObject({
      format: 'pades',
      signerName: 'Anna Paraugs',
      issuer: 'Anna Paraugs',
      signingTime: '2026-01-15T09:30:00.000Z',
      hasTimestamp: false,
      timestampTime: null,
      integrity: 'intact',
      coversWholeDocument: true,
    });
    expect(r.signatures[0]?.signerSubject).toBe('CN=Anna Paraugs,O=Memorands tests,C=LV');
  });

  it('rejects signature_invalid when one byte inside the signed range changes', async () => {
    for (const offset of [signed.byteRange[1] - 1, 20, signed.byteRange[2] + 5, signed.bytes.length - 10]) {
      const tampered = new Uint8Array(signed.bytes);
      tampered[offset] = (tampered[offset] ?? 0) ^ 0x01;
      const r = await inspectDocument(tampered);
      expect(r.ok, `offset ${offset}`).toBe(false);
      if (!r.ok) expect(['signature_invalid', 'corrupt', 'truncated']).toContain(r.reason);
    }
    // a change that keeps the PDF syntactically valid must be signature_invalid specifically
    const text = Buffer.from(signed.bytes).toString('latin1');
    const at = text.indexOf('Memorands test signature');
    const tampered = new Uint8Array(signed.bytes);
    tampered[at] = 'N'.charCodeAt(0);
    expect(await inspectDocument(tampered)).toMatchObject({ ok: false, reason: 'signature_invalid' });
  });

  it('rejects signature_invalid when the CMS itself is altered', async () => {
    const tampered = new Uint8Array(signed.bytes);
    const pos = signed.byteRange[1] + 1 + 600; // inside the hex of the CMS (certificate / signature)
    tampered[pos] = tampered[pos] === 0x41 ? 0x42 : 0x41;
    expect(await inspectDocument(tampered)).toMatchObject({ ok: false, reason: 'signature_invalid' });
  });

  it('reports coversWholeDocument=false but accepts when an incremental update follows the signature', async () => {
    const appended = Buffer.concat([Buffer.from(signed.bytes), Buffer.from('\n% later revision comment\n%%EOF\n', 'latin1')]);
    const r = await inspectDocument(new Uint8Array(appended));
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (r.ok) expect(r.signatures[0]).toMatchObject({ integrity: 'intact', coversWholeDocument: false });
  });

  it('writes a reusable signed file', async () => {
    const file = path.join(workDir, 'signed.pdf');
    const written = await writeSignedPdfFile(file);
    const r = await inspectDocument(new Uint8Array(readFileSync(file)));
    expect(r.ok && r.signatures[0]?.signerName).toBe(written.signer.commonName);
  });

  it('a PDF without signature reports signatures: []', async () => {
    const r = await inspectDocument(await buildUnsignedPdf());
    expect(r).toMatchObject({ ok: true, kind: 'pdf', mediaType: 'application/pdf', warnings: [], signatures: [], pageCount: 1 });
  });
});
