/**
 * The XML plumbing of XML signatures: the xmldsigjs engine set up once, namespace-aware element
 * lookups, a parser that refuses malformed XML as a damaged container, and canonicalisation
 * (C14N 1.0, 1.1 and exclusive, with or without comments). lib/documents/xades.ts uses it to
 * check XAdES signatures.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { setNodeDependencies } from 'xadesjs';
import * as xmldsig from 'xmldsigjs';
import { errorMessage } from './cms';
import { InspectRejection } from './types';

const XADES_PREFIX = 'http://uri.etsi.org/01903/';
const C14N11 = 'http://www.w3.org/2006/12/xml-c14n11';
const C14N11_WITH_COMMENTS = 'http://www.w3.org/2006/12/xml-c14n11#WithComments';

export const C14N_ALGORITHMS = new Set([
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
  'http://www.w3.org/2001/10/xml-exc-c14n#',
  'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
  C14N11,
  C14N11_WITH_COMMENTS,
]);

let engineReady = false;

/** One-time xmldsigjs setup: Node DOM implementation, WebCrypto, C14N 1.1 (same output as 1.0 without xml:id/xml:base). */
export function ensureXmlEngine(): void {
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

export function children(el: Element, ns: string, local: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === local && (n as Element).namespaceURI === ns) out.push(n as Element);
  }
  return out;
}

export function child(el: Element | undefined, ns: string, local: string): Element | undefined {
  return el ? children(el, ns, local)[0] : undefined;
}

/** Descendants in any XAdES namespace version (1.3.2 / 1.4.1). */
export function xadesDescendants(el: Element, local: string): Element[] {
  const out: Element[] = [];
  const list = el.getElementsByTagNameNS('*', local);
  for (let i = 0; i < list.length; i++) {
    const e = list.item(i);
    if (e?.namespaceURI?.startsWith(XADES_PREFIX)) out.push(e);
  }
  return out;
}

export function base64Bytes(text: string | null | undefined): Uint8Array {
  return new Uint8Array(Buffer.from((text ?? '').replace(/\s+/g, ''), 'base64'));
}

export function parseXml(xml: string): Document {
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
export function canonicalize(el: Element, algorithm: string): string {
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

/** The element with this Id (Id/ID/id) in the signature, if exactly one. */
export function elementById(sig: Element, id: string): Element | null {
  const found: Element[] = [];
  const all = sig.getElementsByTagNameNS('*', '*');
  for (let i = 0; i < all.length; i++) {
    const e = all.item(i);
    if (e && (e.getAttribute('Id') === id || e.getAttribute('ID') === id || e.getAttribute('id') === id)) found.push(e);
  }
  return found.length === 1 ? (found[0] ?? null) : null;
}
