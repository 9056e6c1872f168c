/**
 * X.509 facts the trust evaluation needs, read with pkijs/asn1js: names, validity, the issuer's
 * signature over a certificate (every RSA/PSS/ECDSA encoding, via lib/documents/algorithms),
 * key usage, policies, QcStatements and extended key usage.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { algorithmLabel, cmsSignatureAlgorithm, publicKeyFromSpki, verifySignatureValue, type SignatureAlgorithm } from '@/lib/documents/algorithms';

/** A parsed certificate with the bytes we compare and hash. */
export type Cert = {
  der: Uint8Array;
  cert: pkijs.Certificate;
  subjectDer: string;
  issuerDer: string;
  spkiDer: Uint8Array;
  cn: string;
  notBefore: Date;
  notAfter: Date;
};

const hex = (b: ArrayBuffer | Uint8Array) => Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)).toString('hex');

function commonName(name: pkijs.RelativeDistinguishedNames): string {
  const cn = name.typesAndValues.find((tv) => tv.type === '2.5.4.3');
  const v = cn?.value.valueBlock as { value?: unknown } | undefined;
  if (typeof v?.value === 'string') return v.value;
  return name.typesAndValues
    .map((tv) => (tv.value.valueBlock as { value?: unknown }).value)
    .map((value) => (typeof value === 'string' || typeof value === 'number' ? String(value) : ''))
    .join(', ');
}

/** Parses a DER certificate; null when it is not one. */
export function parseCert(der: Uint8Array): Cert | null {
  try {
    const cert = pkijs.Certificate.fromBER(der.slice().buffer);
    return {
      der,
      cert,
      subjectDer: hex(cert.subject.toSchema().toBER(false)),
      issuerDer: hex(cert.issuer.toSchema().toBER(false)),
      spkiDer: new Uint8Array(cert.subjectPublicKeyInfo.toSchema().toBER(false)),
      cn: commonName(cert.subject),
      notBefore: cert.notBefore.value,
      notAfter: cert.notAfter.value,
    };
  } catch {
    return null;
  }
}

/** Same certificate (byte for byte). */
export function sameCert(a: Cert, b: Cert): boolean {
  return Buffer.compare(Buffer.from(a.der), Buffer.from(b.der)) === 0;
}

/** Same subject and public key (a re-issued listed certificate is the same trust anchor). */
export function sameKeyAndSubject(a: Cert, b: Cert): boolean {
  return a.subjectDer === b.subjectDer && Buffer.compare(Buffer.from(a.spkiDer), Buffer.from(b.spkiDer)) === 0;
}

/** The certificate's signature algorithm, or null when unsupported. */
export function certSignatureAlgorithm(c: Cert): SignatureAlgorithm | null {
  return cmsSignatureAlgorithm(c.cert.signatureAlgorithm.algorithmId, c.cert.signatureAlgorithm.algorithmParams as asn1js.AsnType | undefined, '');
}

/** Label of the certificate's signature algorithm (or its OID). */
export function certAlgorithmLabel(c: Cert): string {
  const alg = certSignatureAlgorithm(c);
  return alg ? algorithmLabel(alg) : c.cert.signatureAlgorithm.algorithmId;
}

/** True when `issuer`'s key verifies `c`'s signature and the names chain (never names alone). */
export function isIssuedBy(c: Cert, issuer: Cert): boolean {
  if (c.issuerDer !== issuer.subjectDer) return false;
  const alg = certSignatureAlgorithm(c);
  if (!alg) return false;
  try {
    return verifySignatureValue({
      alg,
      key: publicKeyFromSpki(issuer.spkiDer),
      data: new Uint8Array(c.cert.tbsView),
      signature: new Uint8Array(c.cert.signatureValue.valueBlock.valueHexView),
      ecdsaEncoding: 'der',
    }).valid;
  } catch {
    return false;
  }
}

function extension(c: Cert, oid: string): pkijs.Extension | undefined {
  return c.cert.extensions?.find((e) => e.extnID === oid);
}

const KEY_USAGE_BITS = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

/** Names of the key usage bits set (empty when the extension is absent). */
export function keyUsage(c: Cert): Set<string> {
  const ext = extension(c, '2.5.29.15');
  const parsed = ext?.parsedValue as unknown;
  if (!(parsed instanceof asn1js.BitString)) return new Set();
  const bytes = new Uint8Array(parsed.valueBlock.valueHexView);
  const out = new Set<string>();
  KEY_USAGE_BITS.forEach((name, i) => {
    if (((bytes[i >> 3] ?? 0) >> (7 - (i & 7))) & 1) out.add(name);
  });
  return out;
}

/** Certificate policy OIDs. */
export function policies(c: Cert): string[] {
  const parsed = extension(c, '2.5.29.32')?.parsedValue as unknown;
  return parsed instanceof pkijs.CertificatePolicies ? parsed.certificatePolicies.map((p) => p.policyIdentifier) : [];
}

/** Statement OIDs of the QcStatements extension (QcCompliance 0.4.0.1862.1.1, QcSSCD 0.4.0.1862.1.4, …). */
export function qcStatements(c: Cert): string[] {
  const ext = extension(c, '1.3.6.1.5.5.7.1.3');
  if (!ext) return [];
  const asn = asn1js.fromBER(new Uint8Array(ext.extnValue.valueBlock.valueHexView).slice().buffer);
  if (asn.offset === -1 || !(asn.result instanceof asn1js.Sequence)) return [];
  return asn.result.valueBlock.value.flatMap((s) => {
    const oid = s instanceof asn1js.Sequence ? s.valueBlock.value[0] : undefined;
    return oid instanceof asn1js.ObjectIdentifier ? [oid.valueBlock.toString()] : [];
  });
}

/** Extended key usage OIDs. */
export function extendedKeyUsage(c: Cert): string[] {
  const parsed = extension(c, '2.5.29.37')?.parsedValue as unknown;
  return parsed instanceof pkijs.ExtKeyUsage ? parsed.keyPurposes : [];
}

export const QC_COMPLIANCE = '0.4.0.1862.1.1';
export const QC_SSCD = '0.4.0.1862.1.4';
export const EKU_OCSP_SIGNING = '1.3.6.1.5.5.7.3.9';
