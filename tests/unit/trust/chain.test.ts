/**
 * Trust verdicts against a generated trusted list: a generated CA (and TSA, OCSP responder) placed
 * in the list with a status history, signatures made in the test and inspected by the real
 * inspection code, then evaluated at their signature time.
 */
import { describe, expect, it } from 'vitest';
import { inspectDocument } from '@/lib/documents/inspect';

import { evaluateSignatureTrust } from '@/lib/trust/evaluate';

import { createOcspResponse, generateKey, issueCertificate, signedData } from '../../support/pki';
import { createSignedPdf } from '../documents/sign-helper';

import { NOW, ca, tsa, signer, list, caGranted, tsaGranted, signatureOf, at, ecdsa } from './support/chain-setup';

describe('trust verdicts against a generated trusted list', () => {
  it('granted at the signing time, QC + QSCD → qualified_trusted, with the facts', async () => {
    const s = signer();
    const sig = await signatureOf({
      signer: s,
      encoding: ecdsa,
      signingTime: at('2026-06-01T10:00:00Z'),
      extraCerts: [ca.der],
      timestamp: { tsa, genTime: at('2026-06-01T10:00:05Z') },
    });
    const v = evaluateSignatureTrust(sig, list([caGranted, tsaGranted]), NOW);
    expect(v.status, JSON.stringify(v)).toBe('qualified_trusted');
    expect(v.facts).toMatchObject({
      signer: 'JĀNIS BĒRZIŅŠ',
      signatureTimeSource: 'timestamp',
      signatureTime: '2026-06-01T10:00:05.000Z',
      chain: ['JĀNIS BĒRZIŅŠ', 'TEST QC CA 2026'],
      trustAnchor: 'TEST QC CA 2026',
      service: { name: 'TEST QC CA 2026', type: 'CA/QC', status: 'granted' },
      qcCompliance: true,
      qcSscd: true,
      timestampAuthority: { name: 'TEST TSA 2026', listed: true, qualified: true },
    });
    expect(v.list).toMatchObject({ sequenceNumber: 7, issueDate: '2026-11-01T00:00:00.000Z' });
    expect(v.computedAt).toBe(NOW.toISOString());
    expect(v.listOutdated).toBe(false);
  });

  it('the chain is found without the CA certificate in the signature (issued directly by a listed certificate)', async () => {
    const sig = await signatureOf({ signer: signer(), encoding: ecdsa, signingTime: at('2026-06-01T10:00:00Z') });
    expect(evaluateSignatureTrust(sig, list([caGranted]), NOW).status).toBe('qualified_trusted');
  });

  it('service withdrawn before the signing → untrusted_issuer, saying since when', async () => {
    const sig = await signatureOf({ signer: signer(), encoding: ecdsa, signingTime: at('2026-06-01T10:00:00Z') });
    const v = evaluateSignatureTrust(
      sig,
      list([
        {
          ...caGranted,
          history: [
            ['granted', '2021-01-01T00:00:00Z'],
            ['withdrawn', '2026-03-01T00:00:00Z'],
          ],
        },
      ]),
      NOW,
    );
    expect(v.status).toBe('untrusted_issuer');
    expect(v.facts.service).toMatchObject({ status: 'withdrawn', statusSince: '2026-03-01T00:00:00.000Z' });
  });

  it('reads the list as history: withdrawn and granted again — the status at the signing time decides', async () => {
    const history: [string, string][] = [
      ['granted', '2021-01-01T00:00:00Z'],
      ['withdrawn', '2026-03-01T00:00:00Z'],
      ['granted', '2026-05-01T00:00:00Z'],
    ];
    const svc = { ...caGranted, history };
    const inGap = await signatureOf({ signer: signer(), encoding: ecdsa, signingTime: at('2026-04-01T10:00:00Z') });
    const after = await signatureOf({ signer: signer(), encoding: ecdsa, signingTime: at('2026-06-01T10:00:00Z') });
    const before = await signatureOf({ signer: signer(), encoding: ecdsa, signingTime: at('2026-02-01T10:00:00Z') });
    expect(evaluateSignatureTrust(inGap, list([svc]), NOW).status).toBe('untrusted_issuer');
    expect(evaluateSignatureTrust(after, list([svc]), NOW).status).toBe('qualified_trusted');
    expect(evaluateSignatureTrust(before, list([svc]), NOW).status).toBe('qualified_trusted');
  });

  it('certificate expired at the signing time → indeterminate (certificate_expired)', async () => {
    const s = signer({ cn: 'EXPIRED PERSON', notBefore: '2024-01-01Z', notAfter: '2025-01-01Z' });
    const sig = await signatureOf({ signer: s, encoding: ecdsa, signingTime: at('2026-06-01T10:00:00Z') });
    const v = evaluateSignatureTrust(sig, list([caGranted]), NOW);
    expect(v).toMatchObject({ status: 'indeterminate', reason: 'certificate_expired' });
  });

  it("time stamp from a TSA not on the list (even one carrying the listed TSA's exact name) is not used as the signature time", async () => {
    const impostor = issueCertificate({
      subject: { cn: 'TEST TSA 2026', o: 'Memorands test PKI' },
      key: generateKey('p256', 'impostor-tsa'),
      notBefore: new Date('2020-01-01Z'),
      notAfter: new Date('2035-01-01Z'),
      eku: 'timeStamping',
    });
    // Claimed time inside the grant, time-stamp time in a withdrawn period: only a used time stamp would change the verdict.
    const svc = {
      ...caGranted,
      history: [
        ['granted', '2021-01-01T00:00:00Z'],
        ['withdrawn', '2026-07-01T00:00:00Z'],
      ] as [string, string][],
    };
    const sig = await signatureOf({
      signer: signer(),
      encoding: ecdsa,
      signingTime: at('2026-06-01T10:00:00Z'),
      timestamp: { tsa: impostor, genTime: at('2026-08-01T10:00:00Z') },
    });
    const v = evaluateSignatureTrust(sig, list([svc, tsaGranted]), NOW);
    expect(v.facts.timestampAuthority).toEqual({ name: 'TEST TSA 2026', listed: false, qualified: false });
    expect(v.facts.signatureTimeSource).toBe('claimed');
    expect(v.status).toBe('qualified_trusted');
    // The genuine listed TSA at the same time: its time is used, and the service was withdrawn then.
    const real = await signatureOf({
      signer: signer(),
      encoding: ecdsa,
      signingTime: at('2026-06-01T10:00:00Z'),
      timestamp: { tsa, genTime: at('2026-08-01T10:00:00Z') },
    });
    const rv = evaluateSignatureTrust(real, list([svc, tsaGranted]), NOW);
    expect(rv.facts.signatureTimeSource).toBe('timestamp');
    expect(rv.status).toBe('untrusted_issuer');
  });

  it('embedded OCSP saying revoked → indeterminate (revoked); saying good → qualified with the OCSP fact', async () => {
    const s = signer({ cn: 'REVOKED PERSON' });
    const responder = issueCertificate({
      subject: { cn: 'TEST QC CA 2026 OCSP' },
      key: generateKey('rsa', 'ocsp'),
      issuer: ca,
      notBefore: new Date('2020-01-01Z'),
      notAfter: new Date('2035-01-01Z'),
      eku: 'ocspSigning',
    });
    const revoked = createOcspResponse({
      cert: s,
      issuer: ca,
      responder,
      status: 'revoked',
      producedAt: at('2026-06-01T10:00:10Z'),
      revokedAt: at('2026-05-01T00:00:00Z'),
    });
    const v = evaluateSignatureTrust(
      await signatureOf({ signer: s, encoding: ecdsa, signingTime: at('2026-06-01T10:00:00Z'), extraCerts: [ca.der], ocsp: [revoked] }),
      list([caGranted]),
      NOW,
    );
    expect(v).toMatchObject({ status: 'indeterminate', reason: 'revoked' });
    expect(v.facts.ocsp).toMatchObject({ status: 'revoked', responder: 'TEST QC CA 2026 OCSP' });
    const good = createOcspResponse({ cert: s, issuer: ca, responder, status: 'good', producedAt: at('2026-06-01T10:00:10Z') });
    const g = evaluateSignatureTrust(
      await signatureOf({ signer: s, encoding: ecdsa, signingTime: at('2026-06-01T10:00:00Z'), ocsp: [good] }),
      list([caGranted]),
      NOW,
    );
    expect(g.status).toBe('qualified_trusted');
    expect(g.facts.ocsp).toMatchObject({ status: 'good' });
  });

  it('PAdES: OCSP responses and certificates in the Document Security Store (/DSS) are used (revoked → indeterminate)', async () => {
    const s = signer({ cn: 'PADES PERSON' });
    const revoked = createOcspResponse({
      cert: s,
      issuer: ca,
      responder: ca,
      status: 'revoked',
      producedAt: at('2026-06-01T10:00:10Z'),
      revokedAt: at('2026-05-01T00:00:00Z'),
    });
    const signingTime = at('2026-06-01T10:00:00Z');
    const pdf = await createSignedPdf({
      signingTime,
      dss: { ocsp: [revoked], certs: [ca.der] },
      cms: (content) => signedData({ content, signer: s, signingTime }),
    });
    const r = await inspectDocument(pdf.bytes);
    if (!r.ok) throw new Error(r.reason);
    const v = evaluateSignatureTrust(r.signatures[0]!, list([caGranted]), NOW);
    expect(v).toMatchObject({ status: 'indeterminate', reason: 'revoked' });
    expect(v.facts.ocsp).toMatchObject({ status: 'revoked', responder: 'TEST QC CA 2026' });
  });

  it('an OCSP response signed by a responder the CA did not authorise is ignored, never trusted', async () => {
    const s = signer({ cn: 'OCSP FORGERY' });
    const rogue = issueCertificate({
      subject: { cn: 'ROGUE OCSP' },
      key: generateKey('rsa', 'rogue'),
      notBefore: new Date('2020-01-01Z'),
      notAfter: new Date('2035-01-01Z'),
      eku: 'ocspSigning',
    });
    const forged = createOcspResponse({ cert: s, issuer: ca, responder: rogue, status: 'good', producedAt: at('2026-06-01T10:00:10Z') });
    const v = evaluateSignatureTrust(
      await signatureOf({ signer: s, encoding: ecdsa, signingTime: at('2026-06-01T10:00:00Z'), ocsp: [forged] }),
      list([caGranted]),
      NOW,
    );
    expect(v.facts.ocsp?.status).toBe('invalid');
  });

  it('a certificate without QcStatements from a non-qualified service → trusted_not_qualified', async () => {
    const s = signer({ cn: 'PLAIN PERSON', qc: {} });
    const sig = await signatureOf({ signer: s, encoding: ecdsa, signingTime: at('2026-06-01T10:00:00Z') });
    expect(
      evaluateSignatureTrust(sig, list([{ ...caGranted, type: 'CA/PKC', history: [['recognisedatnationallevel', '2021-01-01T00:00:00Z']] }]), NOW).status,
    ).toBe('trusted_not_qualified');
    // A qualified certificate without QcSSCD: the service's QCWithQSCD qualifier (for nonRepudiation keys) supplies the QSCD fact.
    const qcOnly = signer({ cn: 'QC ONLY PERSON', qc: { compliance: true }, nonRepudiation: true });
    const q = await signatureOf({ signer: qcOnly, encoding: ecdsa, signingTime: at('2026-06-01T10:00:00Z') });
    expect(evaluateSignatureTrust(q, list([caGranted]), NOW).status).toBe('trusted_not_qualified');
    expect(evaluateSignatureTrust(q, list([{ ...caGranted, qualifiers: ['QCWithQSCD'] }]), NOW).status).toBe('qualified_trusted');
    // The qualifier's criteria (nonRepudiation) do not fit a certificate without that key usage.
    const noNr = signer({ cn: 'NO NR PERSON', qc: { compliance: true } });
    const n = await signatureOf({ signer: noNr, encoding: ecdsa, signingTime: at('2026-06-01T10:00:00Z') });
    expect(evaluateSignatureTrust(n, list([{ ...caGranted, qualifiers: ['QCWithQSCD'] }]), NOW).status).toBe('trusted_not_qualified');
  });

  it('a self-signed certificate and a CA not on the list → untrusted_issuer', async () => {
    const self = issueCertificate({
      subject: { cn: 'SELF SIGNED' },
      key: generateKey('p256', 'self'),
      notBefore: new Date('2026-01-01Z'),
      notAfter: new Date('2030-01-01Z'),
    });
    const v = evaluateSignatureTrust(await signatureOf({ signer: self, encoding: ecdsa, signingTime: at('2026-06-01T10:00:00Z') }), list([caGranted]), NOW);
    expect(v.status).toBe('untrusted_issuer');
    // A CA with the listed CA's exact name but another key: names alone never make a chain.
    const fakeCa = issueCertificate({
      subject: { cn: 'TEST QC CA 2026', o: 'Memorands test PKI' },
      key: generateKey('rsa', 'fake-ca'),
      notBefore: new Date('2020-01-01Z'),
      notAfter: new Date('2035-01-01Z'),
      ca: true,
    });
    const victim = issueCertificate({
      subject: { cn: 'VICTIM' },
      key: generateKey('p256', 'victim'),
      issuer: fakeCa,
      notBefore: new Date('2026-01-01Z'),
      notAfter: new Date('2030-01-01Z'),
      qc: { compliance: true, sscd: true },
    });
    const f = evaluateSignatureTrust(
      await signatureOf({ signer: victim, encoding: ecdsa, signingTime: at('2026-06-01T10:00:00Z'), extraCerts: [fakeCa.der] }),
      list([caGranted]),
      NOW,
    );
    expect(f.status).toBe('untrusted_issuer');
  });

  it('SHA-1 policy (ADR 0111): a certificate signed with SHA-1 after 2009 → indeterminate (weak_algorithm)', async () => {
    const s = signer({ cn: 'SHA1 PERSON', signatureHash: 'sha1' });
    const v = evaluateSignatureTrust(await signatureOf({ signer: s, encoding: ecdsa, signingTime: at('2026-06-01T10:00:00Z') }), list([caGranted]), NOW);
    expect(v).toMatchObject({ status: 'indeterminate', reason: 'weak_algorithm' });
  });

  it('a list past its NextUpdate is named outdated on the verdict', async () => {
    const sig = await signatureOf({ signer: signer(), encoding: ecdsa, signingTime: at('2026-06-01T10:00:00Z') });
    expect(evaluateSignatureTrust(sig, list([caGranted]), new Date('2027-06-01T00:00:00Z')).listOutdated).toBe(true);
  });
});
