/**
 * XAdES (ASiC-E `META-INF/*signatures*.xml`) verification: data-file reference digests are computed
 * here over the container entries; SignedInfo (incl. the SignedProperties reference) and the
 * SignatureValue are verified with xmldsigjs against the X509Certificate in KeyInfo.
 * The certificate is NOT validated against a trust anchor (no chain, no revocation, no trusted list).
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { setNodeDependencies } from 'xadesjs';
import * as xmldsig from 'xmldsigjs';
import { bytesEqual, certNames, digest, errorMessage, inspectTimestampToken, toArrayBuffer, type HashName, type TimestampToken } from './cms';
import { InspectRejection, type SignatureInfo } from './types';

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const XADES_PREFIX = 'http://uri.etsi.org/01903/';
const C14N11 = 'http://www.w3.org/2006/12/xml-c14n11';
const C14N11_WITH_COMMENTS = 'http://www.w3.org/2006/12/xml-c14n11#WithComments';

const HASH_BY_URI: Readonly<Record<string, HashName>> = {
  'http://www.w3.org/2000/09/xmldsig#sha1': 'SHA-1',
  'http://www.w3.org/2001/04/xmlenc#sha256': 'SHA-256',
  'http://www.w3.org/2001/04/xmldsig-more#sha384': 'SHA-384',
  'http://www.w3.org/2001/04/xmlenc#sha384': 'SHA-384',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'SHA-512',
};

let engineReady = false;

/** One-time xmldsigjs setup: Node DOM implementation, WebCrypto, C14N 1.1 (same output as 1.0 without xml:id/xml:base). */
function ensureXmlEngine(): void {
  if (engineReady) return;
  setNodeDependencies({ DOMParser, XMLSerializer });
  // setEngine mutates the object it gets (adds `name`): hand it a wrapper, not globalThis.crypto.
  const webcrypto = globalThis.crypto;
  const wrapper = {
    subtle: webcrypto.subtle,
    getRandomValues: webcrypto.getRandomValues.bind(webcrypto),
    randomUUID: webcrypto.randomUUID.bind(webcrypto),
  } satisfies Crypto;
  xmldsig.Application.setEngine('NodeJS', wrapper);
  xmldsig.CryptoConfig.RegisterTransform(C14N11, xmldsig.XmlDsigC14NTransform);
  xmldsig.CryptoConfig.RegisterTransform(C14N11_WITH_COMMENTS, xmldsig.XmlDsigC14NWithCommentsTransform);
  engineReady = true;
}

/** Result for one ds:Signature. */
export type XadesSignatureResult = {
  info: SignatureInfo;
  /** Referenced data files that are not in the container. */
  missingFiles: string[];
  timestampInvalid: boolean;
};

function children(el: Element, ns: string, local: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === local && (n as Element).namespaceURI === ns) out.push(n as Element);
  }
  return out;
}

function child(el: Element | undefined, ns: string, local: string): Element | undefined {
  return el ? children(el, ns, local)[0] : undefined;
}

/** Descendants in any XAdES namespace version (1.3.2 / 1.4.1). */
function xadesDescendants(el: Element, local: string): Element[] {
  const out: Element[] = [];
  const list = el.getElementsByTagNameNS('*', local);
  for (let i = 0; i < list.length; i++) {
    const e = list.item(i);
    if (e?.namespaceURI?.startsWith(XADES_PREFIX)) out.push(e);
  }
  return out;
}

function base64Bytes(text: string | null | undefined): Uint8Array {
  return new Uint8Array(Buffer.from((text ?? '').replace(/\s+/g, ''), 'base64'));
}

function parseXml(xml: string): Document {
  const parser = new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') throw new Error(msg);
    },
  });
  try {
    return parser.parseFromString(xml.replace(/^\uFEFF/, ''), 'application/xml') as unknown as Document;
  } catch (e) {
    throw new InspectRejection('container_malformed', `signature XML not well-formed: ${errorMessage(e)}`);
  }
}

/** A ds:Reference of SignedInfo. */
type Ref = { uri: string; hash: HashName | null; digestValue: Uint8Array; hasTransforms: boolean };

function referencesOf(sig: Element): Ref[] {
  const signedInfo = child(sig, DS, 'SignedInfo');
  return (signedInfo ? children(signedInfo, DS, 'Reference') : []).map((r) => ({
    uri: r.getAttribute('URI') ?? '',
    hash: HASH_BY_URI[child(r, DS, 'DigestMethod')?.getAttribute('Algorithm') ?? ''] ?? null,
    digestValue: base64Bytes(child(r, DS, 'DigestValue')?.textContent),
    hasTransforms: child(r, DS, 'Transforms') !== undefined,
  }));
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
  const match = certs.find((c) => wanted.some((w) => w.hash !== null && bytesEqual(digest(w.hash, c), w.value)));
  return match ?? certs[0] ?? null;
}

/** xmldsigjs SignedXml that verifies with one given certificate instead of every KeyInfo key. */
class PinnedCertSignedXml extends xmldsig.SignedXml {
  constructor(
    doc: Document,
    private readonly certDer: Uint8Array,
  ) {
    super(doc);
  }

  protected override async GetPublicKeys(): Promise<CryptoKey[]> {
    const alg = xmldsig.CryptoConfig.CreateSignatureAlgorithm(this.XmlSignature.SignedInfo.SignatureMethod);
    const key = await new xmldsig.X509Certificate(toArrayBuffer(this.certDer)).exportKey(alg.algorithm);
    if (!alg.algorithm.name.startsWith('RSA')) return [key];
    const spki = await globalThis.crypto.subtle.exportKey('spki', key);
    return [await globalThis.crypto.subtle.importKey('spki', spki, alg.algorithm, true, ['verify'])];
  }
}

/** Verifies SignedInfo references (via the content handler for data files) and the SignatureValue. */
async function verifySignedInfo(doc: Document, sig: Element, cert: Uint8Array, files: ReadonlyMap<string, Uint8Array>): Promise<string | null> {
  const signed = new PinnedCertSignedXml(doc, cert);
  signed.LoadXml(sig);
  signed.contentHandler = async (ref) => {
    const name = dataFileName(ref.Uri ?? '');
    const data = name ? files.get(name) : undefined;
    return data ? toArrayBuffer(data) : null;
  };
  try {
    return (await signed.Verify()) ? null : 'SignatureValue does not verify';
  } catch (e) {
    return `XMLDSig verification failed: ${errorMessage(e)}`;
  }
}

const XMLNS = 'http://www.w3.org/2000/xmlns/';

/**
 * Detached copy of `el` carrying every namespace declaration in scope from its ancestors: inclusive
 * C14N of a subtree must render them on the apex element, which xmldsigjs does not do by itself.
 */
function withInScopeNamespaces(el: Element): Element {
  const clone = el.cloneNode(true) as Element;
  for (let p = el.parentNode; p && p.nodeType === 1; p = p.parentNode) {
    const attrs = (p as Element).attributes;
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs.item(i);
      if (!a || !(a.name === 'xmlns' || a.name.startsWith('xmlns:'))) continue;
      if (a.value !== '' && !clone.hasAttribute(a.name)) clone.setAttributeNS(XMLNS, a.name, a.value);
    }
  }
  return clone;
}

/** Canonical form of one element with the given C14N algorithm URI (1.0, 1.1, exclusive; +/- comments). */
function canonicalize(el: Element, algorithm: string): string {
  const comments = algorithm.endsWith('WithComments');
  if (/exc-c14n/.test(algorithm)) {
    const t = comments ? new xmldsig.XmlDsigExcC14NWithCommentsTransform() : new xmldsig.XmlDsigExcC14NTransform();
    t.LoadInnerXml(el);
    return t.GetOutput();
  }
  const t = comments ? new xmldsig.XmlDsigC14NWithCommentsTransform() : new xmldsig.XmlDsigC14NTransform();
  t.LoadInnerXml(withInScopeNamespaces(el));
  return t.GetOutput();
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

/** Digest problems of data-file references; fills `covered` and `missing`. */
function checkDataReferences(refs: Ref[], files: ReadonlyMap<string, Uint8Array>, covered: string[], missing: string[]): string | null {
  let problem: string | null = null;
  for (const ref of refs) {
    const name = dataFileName(ref.uri);
    if (!name) continue;
    const data = files.get(name);
    if (!data) {
      missing.push(name);
      problem ??= `referenced data file "${name}" is not in the container`;
    } else if (!ref.hash) problem ??= `unsupported digest algorithm for "${name}"`;
    else if (ref.hasTransforms) problem ??= `transforms on data file reference "${name}" are not supported`;
    else if (!bytesEqual(digest(ref.hash, data), ref.digestValue)) problem ??= `digest of "${name}" does not match`;
    else covered.push(name);
  }
  return problem;
}

async function verifyOne(doc: Document, sig: Element, files: ReadonlyMap<string, Uint8Array>, dataFiles: readonly string[]): Promise<XadesSignatureResult> {
  const covered: string[] = [];
  const missing: string[] = [];
  const cert = signerCertificate(sig);
  let problem = checkDataReferences(referencesOf(sig), files, covered, missing);
  if (!cert) problem ??= 'no X509Certificate in KeyInfo';
  if (!problem && cert) problem = await verifySignedInfo(doc, sig, cert, files);
  const ts = await signatureTimestamp(sig);
  const info: SignatureInfo = {
    format: 'xades',
    ...(cert ? certNames(cert) : { signerName: null, signerSubject: null, issuer: null }),
    signingTime: signingTimeOf(sig),
    hasTimestamp: ts !== null,
    timestampTime: ts?.genTime?.toISOString() ?? null,
    integrity: problem ? 'mismatch' : 'intact',
    coversWholeDocument: dataFiles.every((f) => covered.includes(f)),
    coveredFiles: covered,
    detail: problem ?? `${sig.getAttribute('Id') ?? 'signature'}: references and SignatureValue verified`,
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
  for (const sig of sigs) out.push(await verifyOne(doc, sig, files, dataFiles));
  return out;
}
