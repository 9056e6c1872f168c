/**
 * Signature-value verification for every encoding eParaksts and other signing software produce,
 * independent of WebCrypto and of the XML/CMS libraries (which refuse some correct encodings):
 *
 * - RSA PKCS#1 v1.5: the signature is opened with the public key (`publicDecrypt`, type-1 padding)
 *   and the DigestInfo inside is parsed with asn1js; the digest algorithm's parameters may be NULL
 *   or absent (RFC 8017 9.2 note 1: both occur in the field; E-ME SI (CA1) era signing software
 *   wrote them absent, which OpenSSL's and Node's `verify` refuse while Java validators accept).
 * - RSA-PSS (MGF1 with the same hash; XML `…#sha256-rsa-MGF1`, CMS `RSASSA-PSS` with parameters).
 * - ECDSA on P-256/P-384/P-521: XAdES carries raw r‖s (IEEE P1363), CMS a DER SEQUENCE.
 * - SHA-1, SHA-224, SHA-256, SHA-384, SHA-512.
 *
 * An algorithm not listed here is reported as unsupported (never as a broken signature).
 */
import { constants, createHash, createPublicKey, publicDecrypt, verify as nodeVerify, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';

/** Digest algorithms we compute (node:crypto names). */
export type HashAlg = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

/** A signature algorithm we can verify. */
export type SignatureAlgorithm =
  { family: 'rsa-pkcs1'; hash: HashAlg } | { family: 'rsa-pss'; hash: HashAlg; saltLength: number } | { family: 'ecdsa'; hash: HashAlg };

export const HASH_LENGTH: Readonly<Record<HashAlg, number>> = { sha1: 20, sha224: 28, sha256: 32, sha384: 48, sha512: 64 };

/** Digest algorithm OIDs (NIST / OIW). */
export const HASH_OID: Readonly<Record<HashAlg, string>> = {
  sha1: '1.3.14.3.2.26',
  sha224: '2.16.840.1.101.3.4.2.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
};

const HASH_BY_OID: Readonly<Record<string, HashAlg>> = Object.fromEntries(Object.entries(HASH_OID).map(([k, v]) => [v, k as HashAlg]));

/** XML digest method URIs (RFC 3275, RFC 4051, RFC 6931, XML Encryption). */
export const HASH_BY_XML_URI: Readonly<Record<string, HashAlg>> = {
  'http://www.w3.org/2000/09/xmldsig#sha1': 'sha1',
  'http://www.w3.org/2001/04/xmldsig-more#sha224': 'sha224',
  'http://www.w3.org/2001/04/xmlenc#sha256': 'sha256',
  'http://www.w3.org/2001/04/xmldsig-more#sha384': 'sha384',
  'http://www.w3.org/2001/04/xmlenc#sha384': 'sha384',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'sha512',
};

/** Hash for a digest algorithm OID, or null. */
export function hashForOid(oid: string): HashAlg | null {
  return HASH_BY_OID[oid] ?? null;
}

/** Digest of one or more chunks. */
export function hashBytes(hash: HashAlg, ...chunks: Uint8Array[]): Uint8Array {
  const h = createHash(hash);
  for (const c of chunks) h.update(c);
  return new Uint8Array(h.digest());
}

const XML_SIG: Readonly<Record<string, SignatureAlgorithm>> = (() => {
  const out: Record<string, SignatureAlgorithm> = {
    'http://www.w3.org/2000/09/xmldsig#rsa-sha1': { family: 'rsa-pkcs1', hash: 'sha1' },
  };
  for (const h of ['sha1', 'sha224', 'sha256', 'sha384', 'sha512'] as const) {
    if (h !== 'sha1') out[`http://www.w3.org/2001/04/xmldsig-more#rsa-${h}`] = { family: 'rsa-pkcs1', hash: h };
    out[`http://www.w3.org/2001/04/xmldsig-more#ecdsa-${h}`] = { family: 'ecdsa', hash: h };
    out[`http://www.w3.org/2007/05/xmldsig-more#${h}-rsa-MGF1`] = { family: 'rsa-pss', hash: h, saltLength: HASH_LENGTH[h] };
  }
  return out;
})();

/** XAdES/XMLDSig SignatureMethod URI → algorithm, or null when unsupported. */
export function xmlSignatureAlgorithm(uri: string): SignatureAlgorithm | null {
  return XML_SIG[uri] ?? null;
}

const OID_RSA = '1.2.840.113549.1.1.1';
const OID_RSA_PSS = '1.2.840.113549.1.1.10';
const OID_MGF1 = '1.2.840.113549.1.1.8';
const RSA_WITH: Readonly<Record<string, HashAlg>> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.14': 'sha224',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
};
const ECDSA_WITH: Readonly<Record<string, HashAlg>> = {
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.1': 'sha224',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};

/** The hash of an AlgorithmIdentifier SEQUENCE { OID, params } (for PSS parameters), or null. */
function algIdHash(node: asn1js.AsnType | undefined): HashAlg | null {
  if (!(node instanceof asn1js.Sequence)) return null;
  const oid = node.valueBlock.value[0];
  return oid instanceof asn1js.ObjectIdentifier ? hashForOid(oid.valueBlock.toString()) : null;
}

/** RSASSA-PSS-params (RFC 4055): defaults SHA-1, MGF1(SHA-1), salt 20. Null when MGF or hashes differ. */
function pssParams(params: asn1js.AsnType | undefined): SignatureAlgorithm | null {
  let hash: HashAlg | null = 'sha1';
  let mgfHash: HashAlg | null = 'sha1';
  let saltLength = 20;
  if (params instanceof asn1js.Sequence) {
    for (const item of params.valueBlock.value) {
      const tag = item.idBlock.tagNumber;
      const inner = (item as asn1js.Constructed).valueBlock?.value?.[0];
      if (item.idBlock.tagClass !== 3) continue;
      if (tag === 0) hash = algIdHash(inner);
      else if (tag === 1) {
        const mgf = inner instanceof asn1js.Sequence ? inner.valueBlock.value : [];
        const mgfOid = mgf[0] instanceof asn1js.ObjectIdentifier ? mgf[0].valueBlock.toString() : '';
        mgfHash = mgfOid === OID_MGF1 ? algIdHash(mgf[1]) : null;
      } else if (tag === 2 && inner instanceof asn1js.Integer) saltLength = inner.valueBlock.valueDec;
    }
  }
  if (!hash || hash !== mgfHash || saltLength < 0) return null;
  return { family: 'rsa-pss', hash, saltLength };
}

/**
 * CMS SignerInfo signatureAlgorithm (+ digestAlgorithm for plain `rsaEncryption` / `ecPublicKey`)
 * → algorithm, or null when unsupported.
 */
export function cmsSignatureAlgorithm(oid: string, params: asn1js.AsnType | undefined, digestOid: string): SignatureAlgorithm | null {
  const digestHash = hashForOid(digestOid);
  if (oid === OID_RSA) return digestHash ? { family: 'rsa-pkcs1', hash: digestHash } : null;
  if (oid === '1.2.840.10045.2.1') return digestHash ? { family: 'ecdsa', hash: digestHash } : null;
  if (oid === OID_RSA_PSS) return pssParams(params);
  const rsa = RSA_WITH[oid];
  if (rsa) return { family: 'rsa-pkcs1', hash: rsa };
  const ec = ECDSA_WITH[oid];
  if (ec) return { family: 'ecdsa', hash: ec };
  return null;
}

/** Human-readable name for logs and facts, e.g. "RSA PKCS#1 v1.5 / SHA-256". */
export function algorithmLabel(alg: SignatureAlgorithm): string {
  const family = alg.family === 'rsa-pkcs1' ? 'RSA PKCS#1 v1.5' : alg.family === 'rsa-pss' ? 'RSA-PSS' : 'ECDSA';
  return `${family} / ${alg.hash.toUpperCase().replace('SHA', 'SHA-')}`;
}

/** Parses DigestInfo ::= SEQUENCE { SEQUENCE { OID, NULL OPTIONAL }, OCTET STRING } exactly (no trailing bytes). */
function parseDigestInfo(der: Uint8Array): { oid: string; digest: Uint8Array } | null {
  const asn = asn1js.fromBER(der.slice().buffer);
  if (asn.offset !== der.byteLength || !(asn.result instanceof asn1js.Sequence)) return null;
  const [algId, octets, extra] = asn.result.valueBlock.value;
  if (extra || !(algId instanceof asn1js.Sequence) || !(octets instanceof asn1js.OctetString)) return null;
  const [oid, params, more] = algId.valueBlock.value;
  if (more || !(oid instanceof asn1js.ObjectIdentifier)) return null;
  if (params !== undefined && !(params instanceof asn1js.Null)) return null;
  return { oid: oid.valueBlock.toString(), digest: new Uint8Array(octets.valueBlock.valueHexView) };
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return d === 0;
}

/** Public key of a SubjectPublicKeyInfo (DER). */
export function publicKeyFromSpki(spki: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
}

/** Result of one signature-value check. */
export type ValueCheck = { valid: true } | { valid: false; why: string };

/**
 * Verifies `signature` over `data` with `key`. `ecdsaEncoding` is 'ieee-p1363' for XMLDSig (r‖s)
 * and 'der' for CMS. Throws only on a key that does not fit the algorithm family (caller contains it).
 */
export function verifySignatureValue(opts: {
  alg: SignatureAlgorithm;
  key: KeyObject;
  data: Uint8Array;
  signature: Uint8Array;
  ecdsaEncoding: 'ieee-p1363' | 'der';
}): ValueCheck {
  const { alg, key, data, signature } = opts;
  const keyType = key.asymmetricKeyType;
  if (alg.family === 'ecdsa') {
    if (keyType !== 'ec') return { valid: false, why: `ECDSA signature but the certificate holds a ${keyType} key` };
    const ok = nodeVerify(alg.hash, data, { key, dsaEncoding: opts.ecdsaEncoding }, signature);
    return ok ? { valid: true } : { valid: false, why: 'ECDSA signature value does not verify' };
  }
  if (keyType !== 'rsa' && keyType !== 'rsa-pss') return { valid: false, why: `RSA signature but the certificate holds a ${keyType} key` };
  if (alg.family === 'rsa-pss') {
    const ok = nodeVerify(alg.hash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: alg.saltLength }, signature);
    return ok ? { valid: true } : { valid: false, why: 'RSA-PSS signature value does not verify' };
  }
  let opened: Uint8Array;
  try {
    opened = new Uint8Array(publicDecrypt({ key, padding: constants.RSA_PKCS1_PADDING }, signature));
  } catch {
    return { valid: false, why: 'RSA signature value does not open with the certificate key (padding)' };
  }
  const info = parseDigestInfo(opened);
  if (!info) return { valid: false, why: 'RSA signature value holds no well-formed DigestInfo' };
  if (info.oid !== HASH_OID[alg.hash]) return { valid: false, why: `DigestInfo names ${info.oid}, the signature declares ${alg.hash}` };
  return equalBytes(info.digest, hashBytes(alg.hash, data)) ? { valid: true } : { valid: false, why: 'RSA signature value does not verify (digest differs)' };
}
