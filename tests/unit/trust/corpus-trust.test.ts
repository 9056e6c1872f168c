/**
 * Trust verdict of every signed corpus file against the bundled Latvian trusted list No. 41
 * (lib/trust/data). Each expectation was worked out independently first with OpenSSL, from the
 * certificates of the list (`list.pem`: every ServiceDigitalIdentity X509Certificate of the XML)
 * and the certificates, time stamps and OCSP responses extracted from the signature:
 *
 *   python3: each <X509Certificate> of lib/trust/data/latvian-tsl-2023-09-12.xml → list.pem (29 certificates)
 *   unzip -p <file> META-INF/signatures*.xml → signer.pem (KeyInfo), *-ocspN.der (EncapsulatedOCSPValue), *-ts0.der (EncapsulatedTimeStamp)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectDocument } from '@/lib/documents/inspect';
import { evaluateSignatureTrust } from '@/lib/trust/evaluate';
import { parseTrustedList } from '@/lib/trust/tsl';
import { corpusDir } from '../documents/corpus-dir';

const NOW = new Date('2026-12-03T10:00:00Z');
const source = {
  list: parseTrustedList(readFileSync(path.join(import.meta.dirname, '../../../lib/trust/data/latvian-tsl-2023-09-12.xml'))),
  source: 'bundled' as const,
};

async function verdicts(file: string) {
  const r = await inspectDocument(new Uint8Array(readFileSync(path.join(corpusDir, file))));
  if (!r.ok) throw new Error(`${file} refused: ${r.reason}`);
  return r.signatures.map((s) => evaluateSignatureTrust(s, source, NOW));
}

describe('corpus trust verdicts (list No. 41, 12.09.2023)', () => {
  it('the bundled list is No. 41 of 2023-09-12, past its NextUpdate (2024-03-12) today', () => {
    expect(source.list).toMatchObject({ sequenceNumber: 41, territory: 'LV' });
    expect(source.list.issueDate.toISOString()).toBe('2023-09-12T01:00:00.000Z');
    expect(source.list.nextUpdate?.toISOString()).toBe('2024-03-12T00:00:00.000Z');
    expect(source.list.services).toHaveLength(29);
    expect(source.list.sha256).toBe('223c5670bddb72080856938004d383bc1f867c641f0e4648f146d2d093f5ef82');
  });

  it('lv-eid-sha256.edoc: chains to E-ME SI (CA1), service granted at the time-stamp time, OCSP good — but its certificate is signed with SHA-1 (2014) → indeterminate (weak_algorithm), ADR 0111', async () => {
    // openssl verify -partial_chain -attime 1490697867 -CAfile list.pem lv-eid-signer.pem   → OK (2017-03-28T10:44:27Z)
    // openssl x509 -in lv-eid-signer.pem -noout -text → Signature Algorithm: sha1WithRSAEncryption; notBefore Jul 3 2014;
    //   qcStatements 300A3008060604008E460101 (QcCompliance only); Key Usage: Digital Signature, Non Repudiation
    // openssl ts -reply -token_in -in lv-eid-ts0.der -text → TSA eParaksts LZI1 (TSA1), Time stamp Mar 28 10:44:46 2017 GMT
    // openssl ocsp -respin lv-eid-ocsp4.der -resp_text -noverify → serial 55D1CDDC61FF867B00030013951E (the signer's), Cert Status: good,
    //   Produced At Mar 28 10:43:49 2017 GMT
    // List: "E-ME SI (CA1) from 03.2014" history granted 2016-06-30 → withdrawn 2018-01-16 → granted 2018-02-19 → withdrawn 2020-07-21,
    //   qualifier QCWithQSCD (nonRepudiation) → qualified on a QSCD at 2017-03-28, were it not for SHA-1 after 2009.
    const [v] = await verdicts('lv-eid-sha256.edoc');
    expect(v).toMatchObject({ status: 'indeterminate', reason: 'weak_algorithm' });
    expect(v?.facts).toMatchObject({
      signer: 'GATIS BEIKERTS',
      signatureTimeSource: 'timestamp',
      chain: ['GATIS BEIKERTS', 'E-ME SI (CA1)'],
      trustAnchor: 'E-ME SI (CA1)',
      service: { name: 'E-ME SI (CA1) from 03.2014', type: 'CA/QC', status: 'granted', statusSince: '2016-06-30T22:00:00.000Z' },
      qcCompliance: true,
      qcSscd: false,
      qualifiedBy: 'certificate',
      timestampAuthority: { name: 'eParaksts LZI1 (TSA1)', listed: true, qualified: false },
      ocsp: { status: 'good', responder: 'E-ME SI (CA1)(OCSP)' },
    });
    expect(v?.facts.signatureTime).toMatch(/^2017-03-28T10:44:46/);
    expect(v?.listOutdated).toBe(true);
  });

  it('lv-T-signature.asice: DEMO LV eID ICA 2021 (LVRTC test CA) is not on the list → untrusted_issuer', async () => {
    // openssl verify -partial_chain -attime 1713251726 -CAfile list.pem lv-T-signer.pem
    //   → error 20 at 0 depth lookup: unable to get local issuer certificate (2024-04-16T07:15:26Z)
    const [v] = await verdicts('lv-T-signature.asice');
    expect(v?.status).toBe('untrusted_issuer');
    expect(v?.facts.timestampAuthority).toMatchObject({ name: 'DEMO SK TIMESTAMPING AUTHORITY 2023E', listed: false });
  });

  it('ee-valid-asice.asice: Estonian TEST of ESTEID-SK 2015 (foreign test CA) → untrusted_issuer', async () => {
    // openssl verify -partial_chain -attime 1542975844 -CAfile list.pem ee-signer.pem → error 20 … unable to get local issuer certificate
    const [v] = await verdicts('ee-valid-asice.asice');
    expect(v?.status).toBe('untrusted_issuer');
    expect(v?.facts.chain).toEqual(['ŽÕRINÜWŠKY,MÄRÜ-LÖÖZ,11404176865', 'TEST of ESTEID-SK 2015']);
  });

  it('qpdf-digitally-signed.pdf and signpdf-signed-twice.pdf: self-signed test certificates → untrusted_issuer', async () => {
    // openssl pkcs7 -inform DER -print_certs (the /Contents CMS) → subject = issuer ("John Doe", "signpdf", "SignPdf"): self-signed,
    //   openssl verify -partial_chain -CAfile list.pem → error 18/20, not on the list
    for (const v of [...(await verdicts('qpdf-digitally-signed.pdf')), ...(await verdicts('signpdf-signed-twice.pdf'))]) {
      expect(v.status).toBe('untrusted_issuer');
      expect(v.facts.notes).toContain('self-signed certificate');
    }
  });
});
