/**
 * CMS (PKCS #7) helpers shared by the PAdES and XAdES checks: signer-info verification against the
 * certificate embedded in the SignedData, certificate names and RFC 3161 time-stamp tokens.
 *
 * Only integrity is checked. The signer certificate is NOT validated against any trust anchor
 * (no chain building, no revocation, no EU trusted list).
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { algorithmLabel, cmsSignatureAlgorithm, publicKeyFromSpki, verifySignatureValue } from './algorithms';
import { describeThrown, logContained } from './context';
import type { SignatureInfo } from './types';

const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';
/** id-aa-signatureTimeStampToken (RFC 3161 appendix A). */
export const OID_SIGNATURE_TIMESTAMP = '1.2.840.113549.1.9.16.2.14';
/** id-ct-TSTInfo: eContentType of an RFC 3161 time-stamp token. */
export const OID_TST_INFO = '1.2.840.113549.1.9.16.1.4';

/** WebCrypto hash name by digest algorithm OID. */
const HASH_BY_OID: Readonly<Record<string, HashName>> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.4': 'SHA-224',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

/** Hash algorithms the library can compute (WebCrypto names). */
export type HashName = 'SHA-1' | 'SHA-224' | 'SHA-256' | 'SHA-384' | 'SHA-512';

const NODE_HASH: Readonly<Record<HashName, string>> = {
  'SHA-1': 'sha1',
  'SHA-224': 'sha224',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

/** Synchronous digest of one or more byte chunks (node:crypto; fast on 25 MB inputs). */
export function digest(hash: HashName, ...chunks: Uint8Array[]): Uint8Array {
  const h = createHash(NODE_HASH[hash]);
  for (const c of chunks) h.update(c);
  return new Uint8Array(h.digest());
}

/** Constant-length byte comparison. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** Hash name for a digest algorithm OID, or null when unsupported. */
export function hashNameForOid(oid: string): HashName | null {
  return HASH_BY_OID[oid] ?? null;
}

/** Copies an ArrayBuffer view into a standalone ArrayBuffer (pkijs/asn1js want ArrayBuffer). */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const out = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(out).set(bytes);
  return out;
}

/** Parses a DER/BER ContentInfo holding SignedData; throws on anything else. Trailing bytes (PDF zero padding) are ignored. */
export function parseSignedData(der: Uint8Array): pkijs.SignedData {
  const asn = asn1js.fromBER(toArrayBuffer(der));
  if (asn.offset === -1) throw new Error(`CMS is not valid BER: ${asn.result.error}`);
  const contentInfo = new pkijs.ContentInfo({ schema: asn.result });
  if (contentInfo.contentType !== OID_SIGNED_DATA) throw new Error(`CMS content type ${contentInfo.contentType} is not SignedData`);
  return new pkijs.SignedData({ schema: contentInfo.content });
}

/** Names taken from a certificate for display. */
export type CertNames = { signerName: string | null; signerSubject: string | null; issuer: string | null };

/** RFC 4514 short names of common attribute types (others are rendered as dotted OIDs). */
const ATTR_NAMES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.42': 'GN',
  '2.5.4.97': 'organizationIdentifier',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
};

function attrValue(tv: pkijs.AttributeTypeAndValue): string {
  const v = tv.value.valueBlock as { value?: unknown };
  return typeof v.value === 'string' ? v.value : '';
}

function escapeRdnValue(v: string): string {
  return v
    .replace(/[\\,+"<>;=]/g, (c) => `\\${c}`)
    .replace(/^([ #])/, '\\$1')
    .replace(/ $/, '\\ ');
}

/** RFC 4514 string (last RDN first) and the first CN of a pkijs name. */
function formatName(name: pkijs.RelativeDistinguishedNames): { dn: string; cn: string | null } {
  const parts = name.typesAndValues.map((tv) => `${ATTR_NAMES[tv.type] ?? tv.type}=${escapeRdnValue(attrValue(tv))}`);
  const cn = name.typesAndValues.find((tv) => tv.type === '2.5.4.3');
  return { dn: parts.reverse().join(','), cn: cn ? attrValue(cn) : null };
}

/** Subject CN / subject / issuer CN of a DER certificate; nulls when it cannot be parsed. */
export function certNames(der: Uint8Array): CertNames {
  try {
    const cert = pkijs.Certificate.fromBER(toArrayBuffer(der));
    const subject = formatName(cert.subject);
    const issuer = formatName(cert.issuer);
    return { signerName: subject.cn ?? subject.dn, signerSubject: subject.dn, issuer: issuer.cn ?? issuer.dn };
  } catch {
    return { signerName: null, signerSubject: null, issuer: null };
  }
}

/** DER bytes of a pkijs certificate. */
export function certDer(cert: pkijs.Certificate): Uint8Array {
  return new Uint8Array(cert.toSchema().toBER(false));
}

/** Finds the certificate identified by the signer info's sid among the SignedData certificates. */
export function findSignerCertificate(sd: pkijs.SignedData, si: pkijs.SignerInfo): pkijs.Certificate | null {
  const certs = (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const sid = si.sid as unknown;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)) ?? null;
  }
  if (sid instanceof asn1js.Primitive || sid instanceof asn1js.OctetString) {
    const ski = new Uint8Array(sid.valueBlock.valueHexView);
    return (
      certs.find((c) => {
        const ext = c.extensions?.find((e) => e.extnID === '2.5.29.14');
        const parsed = ext?.parsedValue as unknown;
        return parsed instanceof asn1js.OctetString && bytesEqual(new Uint8Array(parsed.valueBlock.valueHexView), ski);
      }) ?? null
    );
  }
  return null;
}

function attribute(attrs: pkijs.SignedAndUnsignedAttributes | undefined, oid: string): pkijs.Attribute | undefined {
  return attrs?.attributes.find((a) => a.type === oid);
}

/** Date of an ASN.1 UTCTime/GeneralizedTime value, or null. */
function asn1Date(value: unknown): Date | null {
  if (value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime) return value.toDate();
  return null;
}

/** Result of verifying one CMS signer info. */
export type SignerVerification = {
  /** true only for status 'intact' (kept for the callers that need a boolean). */
  intact: boolean;
  /** intact: digest and signature value verify; mismatch: they do not; unsupported: the algorithm is not one we verify. */
  status: 'intact' | 'mismatch' | 'unsupported';
  detail: string;
  cert: pkijs.Certificate | null;
  signingTime: Date | null;
  digestAlgorithm: HashName | null;
  /** Algorithm label ("RSA PKCS#1 v1.5 / SHA-256"), or the OID when unsupported. */
  algorithm: string | null;
};

/**
 * Verifies signer info `index` of `sd` over `content` (the detached or encapsulated content):
 * messageDigest (when signed attributes are present) and the signature value with the public key
 * of the embedded signer certificate. Never throws: an unknown algorithm is `unsupported`, a
 * library failure is contained and logged (file sha256 + algorithm) and reported `unsupported`.
 */
// eslint-disable-next-line @typescript-eslint/require-await -- kept async: the signature checks are an asynchronous API (their callers await them), so a check that needs I/O or WebCrypto later changes no caller
export async function verifySignerInfo(sd: pkijs.SignedData, content: Uint8Array, index = 0): Promise<SignerVerification> {
  const si = sd.signerInfos[index];
  const base: SignerVerification = { intact: false, status: 'mismatch', detail: '', cert: null, signingTime: null, digestAlgorithm: null, algorithm: null };
  if (!si) return { ...base, detail: 'no signer info' };
  const hash = hashNameForOid(si.digestAlgorithm.algorithmId);
  const signingTime = asn1Date(attribute(si.signedAttrs, OID_SIGNING_TIME)?.values[0]);
  const cert = findSignerCertificate(sd, si);
  const sigOid = si.signatureAlgorithm.algorithmId;
  const alg = cmsSignatureAlgorithm(sigOid, si.signatureAlgorithm.algorithmParams as asn1js.AsnType | undefined, si.digestAlgorithm.algorithmId);
  const res = { ...base, cert, signingTime, digestAlgorithm: hash, algorithm: alg ? algorithmLabel(alg) : sigOid };
  if (!hash)
    return {
      ...res,
      status: 'unsupported',
      algorithm: si.digestAlgorithm.algorithmId,
      detail: `unsupported digest algorithm ${si.digestAlgorithm.algorithmId}`,
    };
  if (!alg) return { ...res, status: 'unsupported', detail: `unsupported signature algorithm ${sigOid}` };
  if (!cert) return { ...res, detail: 'signer certificate not embedded' };
  let signedBytes: Uint8Array = content;
  if (si.signedAttrs) {
    const md: unknown = attribute(si.signedAttrs, OID_MESSAGE_DIGEST)?.values[0];
    if (!(md instanceof asn1js.OctetString)) return { ...res, detail: 'messageDigest attribute missing' };
    if (!attribute(si.signedAttrs, OID_CONTENT_TYPE)) return { ...res, detail: 'contentType attribute missing' };
    if (!bytesEqual(new Uint8Array(md.valueBlock.valueHexView), digest(hash, content))) {
      return { ...res, detail: 'messageDigest does not match the signed content' };
    }
    signedBytes = new Uint8Array(si.signedAttrs.encodedValue.slice(0));
    signedBytes[0] = 0x31; // [0] IMPLICIT -> SET OF for the signature input (RFC 5652 5.4)
  }
  try {
    const spki = new Uint8Array(cert.subjectPublicKeyInfo.toSchema().toBER(false));
    const check = verifySignatureValue({
      alg,
      key: publicKeyFromSpki(spki),
      data: signedBytes,
      signature: new Uint8Array(si.signature.valueBlock.valueHexView),
      ecdsaEncoding: 'der',
    });
    return check.valid ? { ...res, intact: true, status: 'intact', detail: 'signature value verified' } : { ...res, detail: check.why };
  } catch (e) {
    logContained('cms signature value', res.algorithm, e);
    return { ...res, status: 'unsupported', detail: `signature value not verifiable: ${errorMessage(e)}` };
  }
}

/** Parsed RFC 3161 time-stamp token. */
export type TimestampToken = {
  genTime: Date | null;
  /** Message imprint matches the time-stamped data (null when not checked). */
  imprintMatches: boolean | null;
  /** TSA signature over TSTInfo verifies with the embedded TSA certificate (null when not checkable). */
  signatureValid: boolean | null;
  /** The TSA's certificate (DER) when embedded, and the other certificates of the token. */
  tsaCertificate?: Uint8Array | null;
  certificates?: Uint8Array[];
};

/** A time stamp as stored with its signature: the TSA's and the other certificates (base64), and whether imprint and TSA signature verify. */
export function timestampFacts(ts: TimestampToken | null): SignatureInfo['timestamp'] {
  const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
  return ts
    ? {
        tsaCertificate: ts.tsaCertificate ? b64(ts.tsaCertificate) : null,
        others: (ts.certificates ?? []).map(b64),
        valid: ts.imprintMatches === true && ts.signatureValid === true,
      }
    : null;
}

/**
 * Parses a time-stamp token (ContentInfo/SignedData/TSTInfo) and checks its message imprint against
 * `stampedData` (the bytes whose hash the TSA signed). Never throws.
 */
export async function inspectTimestampToken(token: Uint8Array | asn1js.AsnType, stampedData: Uint8Array | null): Promise<TimestampToken> {
  const empty: TimestampToken = { genTime: null, imprintMatches: null, signatureValid: null };
  try {
    const sd = token instanceof Uint8Array ? parseSignedData(token) : new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: token }).content });
    const eContent = sd.encapContentInfo.eContent;
    if (sd.encapContentInfo.eContentType !== OID_TST_INFO || !eContent) return { ...empty, signatureValid: false };
    const tstDer = new Uint8Array(eContent.getValue());
    const tst = pkijs.TSTInfo.fromBER(toArrayBuffer(tstDer));
    const imprintHash = hashNameForOid(tst.messageImprint.hashAlgorithm.algorithmId);
    const imprint = new Uint8Array(tst.messageImprint.hashedMessage.valueBlock.valueHexView);
    const imprintMatches = stampedData && imprintHash ? bytesEqual(imprint, digest(imprintHash, stampedData)) : null;
    const v = await verifySignerInfo(sd, tstDer);
    const signatureValid = v.cert && v.status !== 'unsupported' ? v.intact : null;
    const tsaCertificate = v.cert ? certDer(v.cert) : null;
    const certificates = (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate && c !== v.cert).map(certDer);
    return { genTime: tst.genTime, imprintMatches, signatureValid, tsaCertificate, certificates };
  } catch {
    return { ...empty, signatureValid: false };
  }
}

/** The time-stamp token carried as unsigned attribute of signer info `index`, if any. */
export function signatureTimestampAttr(sd: pkijs.SignedData, index = 0): asn1js.AsnType | null {
  const attr = attribute(sd.signerInfos[index]?.unsignedAttrs, OID_SIGNATURE_TIMESTAMP);
  return (attr?.values[0] as asn1js.AsnType | undefined) ?? null;
}

/** Raw signature value bytes of signer info `index` (the data a signature time stamp covers). */
export function signatureValueBytes(sd: pkijs.SignedData, index = 0): Uint8Array | null {
  const si = sd.signerInfos[index];
  return si ? new Uint8Array(si.signature.valueBlock.valueHexView) : null;
}

/** Message of an unknown thrown value. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : describeThrown(e);
}
