/**
 * The trusted list's own enveloped XML signature (XAdES-B over the whole list), verified against
 * the scheme operator's certificate(s) pinned in the repository — never against the certificate
 * the list carries in its KeyInfo (anyone can put a certificate there).
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { setNodeDependencies } from 'xadesjs';
import * as xmldsig from 'xmldsigjs';
import { X509Certificate } from 'node:crypto';

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

let ready = false;
function ensureEngine(): void {
  if (ready) return;
  setNodeDependencies({ DOMParser, XMLSerializer });
  const c = globalThis.crypto;
  xmldsig.Application.setEngine('NodeJS', { subtle: c.subtle, getRandomValues: c.getRandomValues.bind(c), randomUUID: c.randomUUID.bind(c) } satisfies Crypto);
  ready = true;
}

/** DER certificates of a PEM bundle (comment lines allowed). */
export function certificatesFromPem(pem: string): Uint8Array[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map(
    (m) => new Uint8Array(Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64')),
  );
}

export type ListSignatureCheck = { valid: true; signerSubject: string } | { valid: false; why: string };

/**
 * Verifies that `xml` carries exactly one enveloped signature over the whole document (Reference
 * URI="" with the enveloped-signature transform) that verifies with one of `pinned`.
 */
export async function verifyListSignature(xml: string, pinned: Uint8Array[]): Promise<ListSignatureCheck> {
  ensureEngine();
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, msg) => {
        if (level !== 'warning') throw new Error(msg);
      },
    }).parseFromString(xml, 'application/xml') as unknown as Document;
  } catch (e) {
    return { valid: false, why: `not well-formed XML: ${e instanceof Error ? e.message : String(e)}` };
  }
  const sigs = doc.getElementsByTagNameNS(DS, 'Signature');
  if (sigs.length !== 1) return { valid: false, why: `expected one ds:Signature, found ${sigs.length}` };
  const sigEl = sigs.item(0)!;
  if (sigEl.parentNode !== doc.documentElement) return { valid: false, why: 'the signature is not a child of the list element' };
  const refs = sigEl.getElementsByTagNameNS(DS, 'Reference');
  let wholeDocument = false;
  for (let i = 0; i < refs.length; i++) {
    const r = refs.item(i)!;
    const transforms = r.getElementsByTagNameNS(DS, 'Transform');
    const algs = Array.from({ length: transforms.length }, (_, j) => transforms.item(j)?.getAttribute('Algorithm'));
    if (r.getAttribute('URI') === '' && algs.includes(ENVELOPED)) wholeDocument = true;
  }
  if (!wholeDocument) return { valid: false, why: 'the signature does not cover the whole list' };
  for (const der of pinned) {
    try {
      const signed = new xmldsig.SignedXml(doc);
      signed.LoadXml(sigEl);
      const alg = xmldsig.CryptoConfig.CreateSignatureAlgorithm(signed.XmlSignature.SignedInfo.SignatureMethod);
      const key = await new xmldsig.X509Certificate(der.slice().buffer).exportKey(alg.algorithm);
      if (await signed.Verify(key)) return { valid: true, signerSubject: new X509Certificate(Buffer.from(der)).subject.replace(/\n/g, ', ') };
    } catch {
      /* try the next pinned certificate */
    }
  }
  return { valid: false, why: 'the list signature does not verify with the pinned scheme-operator certificate' };
}
