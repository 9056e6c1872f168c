/**
 * XAdES (ASiC-E `META-INF/*signatures*.xml`) verification: data-file reference digests are computed
 * here over the container entries; same-document references (SignedProperties) and SignedInfo are
 * canonicalised with xmldsigjs' C14N transforms and digested/verified here (lib/documents/algorithms:
 * every RSA/ECDSA/PSS encoding and SHA-1…SHA-512, so an algorithm xmldsigjs lacks is not "damaged").
 * Trust (chain, trusted list, revocation) is evaluated afterwards by lib/trust from the facts
 * collected here (certificates, time stamp, embedded OCSP responses).
 */
import { algorithmLabel, hashBytes, HASH_BY_XML_URI, publicKeyFromSpki, verifySignatureValue, xmlSignatureAlgorithm, type HashAlg } from './algorithms';
import { bytesEqual, certNames, errorMessage, inspectTimestampToken, timestampFacts, type TimestampToken } from './cms';
import { logContained } from './context';
import * as pkijs from 'pkijs';
import { InspectRejection, type SignatureInfo } from './types';
import { base64Bytes, C14N_ALGORITHMS, canonicalize, child, children, elementById, ensureXmlEngine, parseXml, xadesDescendants } from './xml-dsig';

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const HASH_BY_URI = HASH_BY_XML_URI;
/** Result for one ds:Signature. */
export type XadesSignatureResult = {
  info: SignatureInfo;
  /** Referenced data files that are not in the container. */
  missingFiles: string[];
  timestampInvalid: boolean;
};

/** A ds:Reference of SignedInfo. */
type Ref = { uri: string; hash: HashAlg | null; hashUri: string; digestValue: Uint8Array; transforms: string[] };

function referencesOf(sig: Element): Ref[] {
  const signedInfo = child(sig, DS, 'SignedInfo');
  return (signedInfo ? children(signedInfo, DS, 'Reference') : []).map((r) => {
    const hashUri = child(r, DS, 'DigestMethod')?.getAttribute('Algorithm') ?? '';
    const transforms = child(r, DS, 'Transforms');
    return {
      uri: r.getAttribute('URI') ?? '',
      hash: HASH_BY_URI[hashUri] ?? null,
      hashUri,
      digestValue: base64Bytes(child(r, DS, 'DigestValue')?.textContent),
      transforms: transforms ? children(transforms, DS, 'Transform').map((t) => t.getAttribute('Algorithm') ?? '') : [],
    };
  });
}

/** Container entry name a data-object reference URI points to ('' for same-document references). */
export function dataFileName(uri: string): string {
  if (uri === '' || uri.startsWith('#')) return '';
  let name = uri;
  try {
    name = decodeURIComponent(uri);
  } catch {
    /* keep raw */
  }
  return name.replace(/^\.\//, '');
}

/** The signer certificate: the KeyInfo certificate matching xades:SigningCertificate(V2), else the first one. */
function signerCertificate(sig: Element): Uint8Array | null {
  const x509Data = children(child(sig, DS, 'KeyInfo') ?? sig, DS, 'X509Data');
  const certs = x509Data.flatMap((d) => children(d, DS, 'X509Certificate')).map((c) => base64Bytes(c.textContent));
  const wanted = xadesDescendants(sig, 'CertDigest').map((cd) => ({
    hash: HASH_BY_URI[child(cd, DS, 'DigestMethod')?.getAttribute('Algorithm') ?? ''] ?? null,
    value: base64Bytes(child(cd, DS, 'DigestValue')?.textContent),
  }));
  const match = certs.find((c) => wanted.some((w) => w.hash !== null && bytesEqual(hashBytes(w.hash, c), w.value)));
  return match ?? certs[0] ?? null;
}

/** Every certificate the signature carries besides the signer's: KeyInfo and xades:CertificateValues. */
function otherCertificates(sig: Element, signer: Uint8Array | null): Uint8Array[] {
  const keyInfo = children(child(sig, DS, 'KeyInfo') ?? sig, DS, 'X509Data').flatMap((d) => children(d, DS, 'X509Certificate'));
  const values = xadesDescendants(sig, 'CertificateValues').flatMap((v) => xadesDescendants(v, 'EncapsulatedX509Certificate'));
  return [...keyInfo, ...values].map((c) => base64Bytes(c.textContent)).filter((c) => c.length > 0 && !(signer && bytesEqual(c, signer)));
}

/** Embedded OCSP responses (xades:RevocationValues/OCSPValues, XAdES-LT). */
function ocspResponses(sig: Element): Uint8Array[] {
  return xadesDescendants(sig, 'EncapsulatedOCSPValue')
    .map((e) => base64Bytes(e.textContent))
    .filter((b) => b.length > 0);
}

/** Outcome of one signature's cryptographic checks. */
type Check = { status: 'intact' } | { status: 'mismatch'; why: string } | { status: 'unsupported'; algorithm: string; why: string };

/** Digest check of one same-document reference (e.g. xades:SignedProperties). */
function checkSameDocumentReference(sig: Element, ref: Ref): Check {
  if (!ref.hash) return { status: 'unsupported', algorithm: ref.hashUri, why: `unsupported digest algorithm ${ref.hashUri}` };
  const target = elementById(sig, ref.uri.slice(1));
  if (!target) return { status: 'mismatch', why: `reference ${ref.uri} does not point at exactly one element` };
  const c14n = ref.transforms.filter((t) => C14N_ALGORITHMS.has(t));
  const other = ref.transforms.find((t) => !C14N_ALGORITHMS.has(t));
  if (other) return { status: 'unsupported', algorithm: other, why: `unsupported transform ${other}` };
  const octets = new TextEncoder().encode(canonicalize(target, c14n.at(-1) ?? 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315'));
  return bytesEqual(hashBytes(ref.hash, octets), ref.digestValue)
    ? { status: 'intact' }
    : { status: 'mismatch', why: `digest of ${ref.uri} does not match (signed properties changed)` };
}

/** Verifies the same-document references and the SignatureValue over the canonical SignedInfo. */
function verifySignedInfo(sig: Element, refs: Ref[], cert: Uint8Array): Check & { algorithm: string } {
  const signedInfo = child(sig, DS, 'SignedInfo');
  const methodUri = child(signedInfo, DS, 'SignatureMethod')?.getAttribute('Algorithm') ?? '';
  const alg = xmlSignatureAlgorithm(methodUri);
  if (!signedInfo || !alg) return { status: 'unsupported', algorithm: methodUri, why: `unsupported signature algorithm ${methodUri || '(none)'}` };
  const label = algorithmLabel(alg);
  const c14nUri = child(signedInfo, DS, 'CanonicalizationMethod')?.getAttribute('Algorithm') ?? '';
  if (!C14N_ALGORITHMS.has(c14nUri)) return { status: 'unsupported', algorithm: c14nUri, why: `unsupported canonicalization ${c14nUri}` };
  for (const ref of refs.filter((r) => r.uri.startsWith('#'))) {
    const r = checkSameDocumentReference(sig, ref);
    if (r.status !== 'intact') return { ...r, algorithm: r.status === 'unsupported' ? r.algorithm : label };
  }
  try {
    const spki = new Uint8Array(pkijs.Certificate.fromBER(cert.slice().buffer).subjectPublicKeyInfo.toSchema().toBER(false));
    const value = base64Bytes(child(sig, DS, 'SignatureValue')?.textContent);
    const data = new TextEncoder().encode(canonicalize(signedInfo, c14nUri));
    const check = verifySignatureValue({ alg, key: publicKeyFromSpki(spki), data, signature: value, ecdsaEncoding: 'ieee-p1363' });
    return check.valid ? { status: 'intact', algorithm: label } : { status: 'mismatch', why: check.why, algorithm: label };
  } catch (e) {
    logContained('xades signature value', label, e);
    return { status: 'unsupported', algorithm: label, why: `signature value not verifiable: ${errorMessage(e)}` };
  }
}

/** Parses xades:SignatureTimeStamp; its imprint covers the canonicalised ds:SignatureValue element. */
async function signatureTimestamp(sig: Element): Promise<TimestampToken | null> {
  const stamp = xadesDescendants(sig, 'SignatureTimeStamp')[0];
  if (!stamp) return null;
  const token = xadesDescendants(stamp, 'EncapsulatedTimeStamp')[0];
  const sv = child(sig, DS, 'SignatureValue');
  if (!token) return { genTime: null, imprintMatches: null, signatureValid: null };
  const c14nAlg = child(stamp, DS, 'CanonicalizationMethod')?.getAttribute('Algorithm') ?? 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
  let stamped: Uint8Array | null = null;
  try {
    stamped = sv ? new TextEncoder().encode(canonicalize(sv, c14nAlg)) : null;
  } catch {
    stamped = null;
  }
  return inspectTimestampToken(base64Bytes(token.textContent), stamped);
}

function signingTimeOf(sig: Element): string | null {
  const text = xadesDescendants(sig, 'SigningTime')[0]?.textContent?.trim();
  const d = text ? new Date(text) : null;
  return d && !Number.isNaN(d.getTime()) ? d.toISOString() : null;
}

/** Digest check of the data-file references; fills `covered` and `missing`. */
function checkDataReferences(refs: Ref[], files: ReadonlyMap<string, Uint8Array>, covered: string[], missing: string[]): Check {
  let result: Check = { status: 'intact' };
  for (const ref of refs) {
    const name = dataFileName(ref.uri);
    if (!name) continue;
    const data = files.get(name);
    const other = ref.transforms[0];
    if (!data) {
      missing.push(name);
      if (result.status !== 'mismatch') result = { status: 'mismatch', why: `referenced data file "${name}" is not in the container` };
    } else if (!ref.hash) {
      if (result.status === 'intact')
        result = { status: 'unsupported', algorithm: ref.hashUri, why: `unsupported digest algorithm ${ref.hashUri} for "${name}"` };
    } else if (other) {
      if (result.status === 'intact')
        result = { status: 'unsupported', algorithm: other, why: `transform ${other} on data file reference "${name}" is not supported` };
    } else if (!bytesEqual(hashBytes(ref.hash, data), ref.digestValue)) {
      if (result.status !== 'mismatch') result = { status: 'mismatch', why: `digest of "${name}" does not match` };
    } else covered.push(name);
  }
  return result;
}

const toB64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

async function verifyOne(sig: Element, files: ReadonlyMap<string, Uint8Array>, dataFiles: readonly string[]): Promise<XadesSignatureResult> {
  const covered: string[] = [];
  const missing: string[] = [];
  const cert = signerCertificate(sig);
  const refs = referencesOf(sig);
  let check: Check & { algorithm?: string } = checkDataReferences(refs, files, covered, missing);
  let algorithm: string | null = null;
  if (!cert && check.status !== 'mismatch') check = { status: 'mismatch', why: 'no X509Certificate in KeyInfo' };
  if (cert && check.status !== 'mismatch') {
    const value = verifySignedInfo(sig, refs, cert);
    algorithm = value.algorithm;
    // A broken signature value outranks an unsupported data-file digest; an unsupported one never hides a mismatch.
    if (value.status === 'mismatch' || check.status === 'intact') check = value;
  }
  let ts: TimestampToken | null = null;
  try {
    ts = await signatureTimestamp(sig);
  } catch (e) {
    logContained('xades time stamp', algorithm, e);
  }
  const why = check.status === 'intact' ? null : check.why;
  const info: SignatureInfo = {
    format: 'xades',
    ...(cert ? certNames(cert) : { signerName: null, signerSubject: null, issuer: null }),
    signingTime: signingTimeOf(sig),
    hasTimestamp: xadesDescendants(sig, 'SignatureTimeStamp').length > 0,
    timestampTime: ts?.genTime?.toISOString() ?? null,
    integrity: check.status === 'intact' ? 'intact' : check.status === 'mismatch' ? 'mismatch' : 'unknown',
    algorithm: check.status === 'unsupported' ? check.algorithm : algorithm,
    ...(check.status === 'unsupported' ? { unsupportedAlgorithm: check.algorithm } : {}),
    coversWholeDocument: dataFiles.every((f) => covered.includes(f)),
    coveredFiles: covered,
    certificates: { signer: cert ? toB64(cert) : null, others: otherCertificates(sig, cert).map(toB64) },
    timestamp: timestampFacts(ts),
    ocspResponses: ocspResponses(sig).map(toB64),
    detail: why ?? `${sig.getAttribute('Id') ?? 'signature'}: references and SignatureValue verified (${algorithm ?? '?'})`,
  };
  return { info, missingFiles: missing, timestampInvalid: ts ? ts.imprintMatches === false || ts.signatureValid === false : false };
}

/**
 * Verifies every ds:Signature of one ASiC-E signature file against the container's data files.
 * Throws InspectRejection('container_malformed') for XML that is not well-formed or holds no
 * signature; otherwise integrity problems are reported per signature.
 */
export async function verifyXadesFile(xml: string, files: ReadonlyMap<string, Uint8Array>, dataFiles: readonly string[]): Promise<XadesSignatureResult[]> {
  ensureXmlEngine();
  const doc = parseXml(xml);
  const list = doc.getElementsByTagNameNS(DS, 'Signature');
  const sigs: Element[] = [];
  for (let i = 0; i < list.length; i++) {
    const s = list.item(i);
    if (s) sigs.push(s);
  }
  if (sigs.length === 0) throw new InspectRejection('container_malformed', 'signature file contains no ds:Signature');
  const out: XadesSignatureResult[] = [];
  for (const sig of sigs) out.push(await verifyOne(sig, files, dataFiles));
  return out;
}
