/** ADR 0220: what the public sees of a signer, on the corpus certificates and on the identifier forms of the Baltic ID cards. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectDocument } from '@/lib/documents/inspect';
import { publicInspection, publicSignerName, publicVerdict, stripIdentifiers } from '@/lib/documents/public-signer';
import type { SignatureInfo } from '@/lib/documents/types';
import type { TrustVerdict } from '@/lib/trust/types';
import { requireCorpus } from './corpus-dir';

async function firstSignatureOf(name: string): Promise<SignatureInfo> {
  const r = await inspectDocument(new Uint8Array(readFileSync(path.join(requireCorpus(), name))));
  const first = r.ok ? r.signatures[0] : undefined;
  if (!first) throw new Error(`${name} was rejected or carries no signature`);
  return first;
}

describe('the public signer name (GN SN, else the CN without identifiers)', () => {
  it('Estonian ID card (CN "SURNAME,GIVEN,CODE", serialNumber = the 11-digit code): given name and surname only', async () => {
    const s = await firstSignatureOf('ee-valid-asice.asice');
    expect(s.signerName).toBe('ŽÕRINÜWŠKY,MÄRÜ-LÖÖZ,11404176865');
    expect(publicSignerName(s)).toBe('MÄRÜ-LÖÖZ ŽÕRINÜWŠKY');
    expect(JSON.stringify(publicInspection({ kind: 'asice', warnings: [], signatures: [s] }))).not.toContain('11404176865');
  });

  it('Latvian eID cards (serialNumber "PNOLV-321806-14495" and the older "120481-11569"): the name only', async () => {
    const t = await firstSignatureOf('lv-T-signature.asice');
    expect(publicSignerName(t)).toBe('MĀRA PARAUDZIŅA');
    const e = await firstSignatureOf('lv-eid-sha256.edoc');
    expect(publicSignerName(e)).toBe('GATIS BEIKERTS');
    for (const s of [t, e]) {
      const shown = JSON.stringify(publicInspection({ kind: 'asice', warnings: [], signatures: [s] }));
      expect(shown).not.toMatch(/321806|14495|120481|11569/);
    }
  });

  it('a certificate without GN/SN keeps its CN (PDF test certificates)', async () => {
    const s = await firstSignatureOf('qpdf-digitally-signed.pdf');
    expect(publicSignerName(s)).toBe('John Doe');
  });

  it('CN forms that carry a personal code lose it, wherever it stands', () => {
    expect(stripIdentifiers('ŽÕRINÜWŠKY,MÄRÜ-LÖÖZ,11404176865')).toBe('ŽÕRINÜWŠKY, MÄRÜ-LÖÖZ');
    expect(stripIdentifiers('BĒRZIŅŠ,JĀNIS,PNOLV-010190-12345')).toBe('BĒRZIŅŠ, JĀNIS');
    expect(stripIdentifiers('Jānis Bērziņš 010190-12345')).toBe('Jānis Bērziņš');
    expect(stripIdentifiers('Jānis Bērziņš (PNOLV-321806-14495)')).toBe('Jānis Bērziņš');
    expect(stripIdentifiers('TAMM,MARI,PNOEE-48001010000')).toBe('TAMM, MARI');
    expect(stripIdentifiers('Mari Tamm 48001010000')).toBe('Mari Tamm');
    expect(stripIdentifiers('12345678901')).toBeNull();
    expect(publicSignerName({ signerName: 'A,B,PNOEE-38001085718', signerSubject: null })).toBe('A, B');
    expect(publicSignerName({ signerName: null, signerSubject: 'serialNumber=PNOLV-010190-12345,GN=JĀNIS,SN=BĒRZIŅŠ,CN=JĀNIS BĒRZIŅŠ,C=LV' })).toBe(
      'JĀNIS BĒRZIŅŠ',
    );
    expect(publicSignerName({ signerName: null, signerSubject: 'CN=BĒRZIŅŠ\\,JĀNIS\\,010190-12345,C=LV' })).toBe('BĒRZIŅŠ, JĀNIS');
    expect(publicSignerName({ signerName: null, signerSubject: null })).toBeNull();
  });

  it('a public verdict keeps status, list and time, and drops the chain, notes and OCSP responder that name the certificate', async () => {
    const s = await firstSignatureOf('ee-valid-asice.asice');
    const v: TrustVerdict = {
      status: 'indeterminate',
      reason: 'certificate_expired',
      facts: {
        signer: s.signerName,
        issuer: s.issuer,
        signatureTime: '2024-01-01T00:00:00Z',
        signatureTimeSource: 'claimed',
        chain: [s.signerName!, 'TEST of ESTEID-SK 2015'],
        notes: [`${s.signerName} expired`],
      },
      list: { sequenceNumber: 41, issueDate: '2023-09-12T00:00:00Z', nextUpdate: null, sha256: 'x', source: 'bundled' },
      computedAt: '2026-12-03T00:00:00Z',
      listOutdated: false,
    };
    const pub = publicVerdict(v, s);
    expect(pub.status).toBe('indeterminate');
    expect(pub.facts).toEqual({
      signer: 'MÄRÜ-LÖÖZ ŽÕRINÜWŠKY',
      issuer: 'TEST of ESTEID-SK 2015',
      signatureTime: '2024-01-01T00:00:00Z',
      signatureTimeSource: 'claimed',
    });
    expect(JSON.stringify(pub)).not.toContain('11404176865');
  });
});
