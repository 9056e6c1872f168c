/**
 * Every signature encoding of Deliver 1, built in the test with generated keys and certificates:
 * intact → verified; one changed byte → integrity failure; an unsupported algorithm → stored with a
 * warning (integrity unknown, algorithm named), never "damaged".
 */
import { describe, expect, it } from 'vitest';
import { inspectDocument } from '@/lib/documents/inspect';
import { createSignedPdf } from './sign-helper';
import { generateKey, issueCertificate, signedData, type Encoding, type KeyKind } from '../../support/pki';
import { buildSignedAsice } from '../../support/xades-builder';
import { buildZip } from './zip-helper';

const signingTime = new Date('2026-11-20T09:30:00Z');
const validity = { notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2028-01-01T00:00:00Z') };

function signerFor(kind: KeyKind) {
  const key = generateKey(kind, `signer-${kind}`);
  return issueCertificate({ subject: { cn: `TESTS ${kind.toUpperCase()}` }, key, ...validity });
}

type Case = { label: string; kind: KeyKind; enc: Encoding };
const cases: Case[] = [
  { label: 'RSA PKCS#1 v1.5 SHA-256, DigestInfo with NULL', kind: 'rsa', enc: { family: 'rsa-pkcs1', hash: 'sha256' } },
  {
    label: 'RSA PKCS#1 v1.5 SHA-256, DigestInfo without NULL (E-ME SI (CA1) era)',
    kind: 'rsa',
    enc: { family: 'rsa-pkcs1', hash: 'sha256', digestInfoNull: false },
  },
  { label: 'RSA PKCS#1 v1.5 SHA-1', kind: 'rsa', enc: { family: 'rsa-pkcs1', hash: 'sha1' } },
  { label: 'RSA PKCS#1 v1.5 SHA-224', kind: 'rsa', enc: { family: 'rsa-pkcs1', hash: 'sha224' } },
  { label: 'RSA PKCS#1 v1.5 SHA-384', kind: 'rsa', enc: { family: 'rsa-pkcs1', hash: 'sha384' } },
  { label: 'RSA PKCS#1 v1.5 SHA-512', kind: 'rsa', enc: { family: 'rsa-pkcs1', hash: 'sha512' } },
  { label: 'RSA-PSS SHA-256', kind: 'rsa', enc: { family: 'rsa-pss', hash: 'sha256' } },
  { label: 'RSA-PSS SHA-512', kind: 'rsa', enc: { family: 'rsa-pss', hash: 'sha512' } },
  { label: 'ECDSA P-256 SHA-256', kind: 'p256', enc: { family: 'ecdsa', hash: 'sha256' } },
  { label: 'ECDSA P-384 SHA-384', kind: 'p384', enc: { family: 'ecdsa', hash: 'sha384' } },
];

/** The same bytes with one byte changed at `at` (a signature-value or content byte). */
function flipByte(bytes: Uint8Array, at: number): Uint8Array {
  const out = new Uint8Array(bytes);
  out[at] = (out[at] ?? 0) ^ 0x01;
  return out;
}

describe('XAdES (ASiC-E) signature encodings, raw r‖s for ECDSA', () => {
  for (const c of cases) {
    it(`${c.label}: intact → verified; one changed byte in the signature value → signature_invalid`, async () => {
      const signer = signerFor(c.kind);
      const built = buildSignedAsice({ signer, encoding: c.enc, signingTime });
      const ok = await inspectDocument(built.zip);
      expect(ok, JSON.stringify(ok)).toMatchObject({ ok: true, kind: 'asice', warnings: [] });
      expect(ok.ok && ok.signatures[0]).toMatchObject({ integrity: 'intact', signerName: signer.name.cn, signingTime: signingTime.toISOString() });
      // Change one character of the base64 SignatureValue (one byte of the value).
      const xml = built.xml.replace(/(<ds:SignatureValue Id="S0-SIG">)(.)/, (_m, tag: string, ch: string) => tag + (ch === 'A' ? 'B' : 'A'));
      const bad = await inspectDocument(rebuild(built, xml));
      expect(bad).toMatchObject({ ok: false, reason: 'signature_invalid' });
    });
  }

  it('one changed byte in the signed data file → signature_invalid', async () => {
    const signer = signerFor('rsa');
    const built = buildSignedAsice({ signer, encoding: { family: 'rsa-pkcs1', hash: 'sha256', digestInfoNull: false }, signingTime });
    const r = await inspectDocument(rebuild(built, built.xml, String(built.data).replace('7', '8')));
    expect(r).toMatchObject({ ok: false, reason: 'signature_invalid' });
  });

  it('an algorithm the code does not support is accepted with a warning, integrity unknown and the algorithm URI named (never "damaged")', async () => {
    const signer = signerFor('rsa');
    const uri = 'http://www.w3.org/2001/04/xmldsig-more#rsa-ripemd160';
    const built = buildSignedAsice({ signer, encoding: { family: 'rsa-pkcs1', hash: 'sha256' }, signingTime, methodUriOverride: uri });
    const r = await inspectDocument(built.zip);
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true, warnings: ['signature_unchecked'] });
    expect(r.ok && r.signatures[0]).toMatchObject({ integrity: 'unknown', unsupportedAlgorithm: uri });
  });
});

function rebuild(built: ReturnType<typeof buildSignedAsice>, xml: string, data = built.data): Uint8Array {
  return buildZip([
    { name: 'mimetype', data: 'application/vnd.etsi.asic-e+zip' },
    { name: built.dataName, data, deflate: true },
    { name: 'META-INF/signatures0.xml', data: xml, deflate: true },
  ]);
}

describe('CMS (PAdES) signature encodings, DER for ECDSA', () => {
  for (const c of cases) {
    it(`${c.label}: intact → verified; one changed byte of the signed PDF → signature_invalid`, async () => {
      const signer = signerFor(c.kind);
      const pdf = await createSignedPdf({ signingTime, cms: (content) => signedData({ content, signer, encoding: c.enc, signingTime }) });
      const ok = await inspectDocument(pdf.bytes);
      expect(ok, JSON.stringify(ok)).toMatchObject({ ok: true, kind: 'pdf', warnings: [] });
      expect(ok.ok && ok.signatures[0]).toMatchObject({ integrity: 'intact', signerName: signer.name.cn });
      // One byte inside the signed range (the page content stream area) changed.
      const bad = await inspectDocument(flipByte(pdf.bytes, Math.floor(pdf.byteRange[1] / 2)));
      expect(bad).toMatchObject({ ok: false, reason: 'signature_invalid' });
    });
  }

  it('an unsupported CMS signature algorithm OID is accepted with a warning and the OID named', async () => {
    const signer = signerFor('rsa');
    const pdf = await createSignedPdf({
      signingTime,
      cms: (content) => {
        const der = signedData({ content, signer, encoding: { family: 'rsa-pkcs1', hash: 'sha256' }, signingTime });
        // The signer info's sha256WithRSAEncryption (…1.1.11, its last occurrence) → unknown OID …1.1.99 (same length).
        const hex = Buffer.from(der).toString('hex');
        const at = hex.lastIndexOf('2a864886f70d01010b');
        return new Uint8Array(Buffer.from(`${hex.slice(0, at)}2a864886f70d010163${hex.slice(at + 18)}`, 'hex'));
      },
    });
    const r = await inspectDocument(pdf.bytes);
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true, warnings: ['signature_unchecked'] });
    expect(r.ok && r.signatures[0]).toMatchObject({ integrity: 'unknown', unsupportedAlgorithm: '1.2.840.113549.1.1.99' });
  });
});
