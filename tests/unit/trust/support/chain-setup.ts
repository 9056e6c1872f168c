/** The generated PKI (CA, TSA, signers) and trusted lists the trust verdict tests are built on (tests/unit/trust/chain.test.ts). */

import { inspectDocument } from '@/lib/documents/inspect';
import type { SignatureInfo } from '@/lib/documents/types';
import { type ListSource } from '@/lib/trust/evaluate';
import { parseTrustedList } from '@/lib/trust/tsl';
import { generateKey, issueCertificate, type TestCert } from '../../../support/pki';

import { buildTsl, type TestService } from '../../../support/tsl-builder';
import { buildSignedAsice } from '../../../support/xades-builder';

export const NOW = new Date('2026-12-03T10:00:00Z');
export const caKey = generateKey('rsa', 'ca');
export const ca = issueCertificate({
  subject: { cn: 'TEST QC CA 2026', o: 'Memorands test PKI' },
  key: caKey,
  notBefore: new Date('2020-01-01Z'),
  notAfter: new Date('2035-01-01Z'),
  ca: true,
});
export const tsaKey = generateKey('p256', 'tsa');
export const tsa = issueCertificate({
  subject: { cn: 'TEST TSA 2026', o: 'Memorands test PKI' },
  key: tsaKey,
  notBefore: new Date('2020-01-01Z'),
  notAfter: new Date('2035-01-01Z'),
  eku: 'timeStamping',
});

export function signer(
  opts: {
    cn?: string;
    notBefore?: string;
    notAfter?: string;
    qc?: { compliance?: boolean; sscd?: boolean };
    signatureHash?: 'sha1' | 'sha256';
    nonRepudiation?: boolean;
  } = {},
): TestCert {
  return issueCertificate({
    subject: { cn: opts.cn ?? 'JĀNIS BĒRZIŅŠ', serialNumber: 'PNOLV-010101-10000' },
    key: generateKey('p256', `signer-${opts.cn ?? 'default'}`),
    issuer: ca,
    notBefore: new Date(opts.notBefore ?? '2026-01-01Z'),
    notAfter: new Date(opts.notAfter ?? '2031-01-01Z'),
    qc: opts.qc ?? { compliance: true, sscd: true },
    signatureHash: opts.signatureHash ?? 'sha256',
    keyUsage: opts.nonRepudiation ? ['nonRepudiation'] : [],
  });
}

export function list(services: TestService[]): ListSource {
  return {
    list: parseTrustedList(buildTsl({ sequenceNumber: 7, issueDate: '2026-11-01T00:00:00Z', nextUpdate: '2027-05-01T00:00:00Z', services })),
    source: 'bundled',
  };
}

export const caGranted: TestService = { name: 'TEST QC CA 2026', type: 'CA/QC', cert: ca, history: [['granted', '2021-01-01T00:00:00Z']] };
export const tsaGranted: TestService = { name: 'TEST TSA 2026', type: 'TSA/QTST', cert: tsa, history: [['granted', '2021-01-01T00:00:00Z']] };

export async function signatureOf(opts: Parameters<typeof buildSignedAsice>[0]): Promise<SignatureInfo> {
  const r = await inspectDocument(buildSignedAsice(opts).zip);
  if (!r.ok) throw new Error(`inspection refused the test container: ${r.reason} ${r.detail ?? ''}`);
  return r.signatures[0]!;
}

export const at = (iso: string) => new Date(iso);
export const ecdsa = { family: 'ecdsa', hash: 'sha256' } as const;
