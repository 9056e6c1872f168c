/**
 * Builds ASiC-E containers with a XAdES signature made in the test (any RSA/PSS/ECDSA encoding,
 * optional time stamp, embedded certificates and OCSP response). The XML is written already in
 * canonical form (C14N 1.0), so the signed octets are the literal text: no canonicaliser of the
 * code under test is used to make the signature.
 */
import { createHash } from 'node:crypto';
import { buildZip } from '../unit/documents/zip-helper';
import { b64, createTimestampToken, signBytes, type Encoding, type Hash, type TestCert } from './pki';

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const XADES = 'http://uri.etsi.org/01903/v1.3.2#';
const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';

const DIGEST_URI: Record<Hash, string> = {
  sha1: 'http://www.w3.org/2000/09/xmldsig#sha1',
  sha224: 'http://www.w3.org/2001/04/xmldsig-more#sha224',
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
  sha384: 'http://www.w3.org/2001/04/xmldsig-more#sha384',
  sha512: 'http://www.w3.org/2001/04/xmlenc#sha512',
};

/** XMLDSig SignatureMethod URI of an encoding (`override` to use an unsupported one). */
export function signatureMethodUri(enc: Encoding): string {
  if (enc.family === 'ecdsa') return `http://www.w3.org/2001/04/xmldsig-more#ecdsa-${enc.hash}`;
  if (enc.family === 'rsa-pss') return `http://www.w3.org/2007/05/xmldsig-more#${enc.hash}-rsa-MGF1`;
  return enc.hash === 'sha1' ? 'http://www.w3.org/2000/09/xmldsig#rsa-sha1' : `http://www.w3.org/2001/04/xmldsig-more#rsa-${enc.hash}`;
}

const digestB64 = (hash: Hash, data: string | Uint8Array) => createHash(hash).update(data).digest('base64');

export type AsiceOptions = {
  signer: TestCert;
  encoding: Encoding;
  signingTime: Date;
  dataName?: string;
  data?: string | Uint8Array;
  /** Certificates placed in xades:CertificateValues (e.g. the issuing CA). */
  extraCerts?: Uint8Array[];
  timestamp?: { tsa: TestCert; genTime: Date };
  ocsp?: Uint8Array[];
  /** Replaces the SignatureMethod URI (the signature value stays that of `encoding`). */
  methodUriOverride?: string;
};

/** The XAdES signature XML (signatures0.xml) and the container built around it. */
export function buildSignedAsice(opts: AsiceOptions): { zip: Uint8Array; xml: string; dataName: string; data: string | Uint8Array } {
  const dataName = opts.dataName ?? 'lemums.txt';
  const data = opts.data ?? 'Domes lēmums Nr. 7: pievienoties memorandam.';
  const hash = opts.encoding.hash;
  const certDigest = digestB64('sha256', opts.signer.der);
  const signedProps =
    `<xades:SignedProperties xmlns:ds="${DS}" xmlns:xades="${XADES}" Id="S0-SignedProperties">` +
    `<xades:SignedSignatureProperties><xades:SigningTime>${opts.signingTime.toISOString().replace(/\.\d{3}Z$/, 'Z')}</xades:SigningTime>` +
    `<xades:SigningCertificateV2><xades:Cert><xades:CertDigest><ds:DigestMethod Algorithm="${DIGEST_URI.sha256}"></ds:DigestMethod><ds:DigestValue>${certDigest}</ds:DigestValue></xades:CertDigest></xades:Cert></xades:SigningCertificateV2>` +
    `</xades:SignedSignatureProperties></xades:SignedProperties>`;
  const signedInfo =
    `<ds:SignedInfo xmlns:ds="${DS}"><ds:CanonicalizationMethod Algorithm="${C14N}"></ds:CanonicalizationMethod>` +
    `<ds:SignatureMethod Algorithm="${opts.methodUriOverride ?? signatureMethodUri(opts.encoding)}"></ds:SignatureMethod>` +
    `<ds:Reference Id="S0-RefId0" URI="${encodeURIComponent(dataName)}"><ds:DigestMethod Algorithm="${DIGEST_URI[hash]}"></ds:DigestMethod><ds:DigestValue>${digestB64(hash, data)}</ds:DigestValue></ds:Reference>` +
    `<ds:Reference Id="S0-RefId1" Type="http://uri.etsi.org/01903#SignedProperties" URI="#S0-SignedProperties"><ds:Transforms><ds:Transform Algorithm="${C14N}"></ds:Transform></ds:Transforms>` +
    `<ds:DigestMethod Algorithm="${DIGEST_URI[hash]}"></ds:DigestMethod><ds:DigestValue>${digestB64(hash, signedProps)}</ds:DigestValue></ds:Reference></ds:SignedInfo>`;
  const value = b64(signBytes(opts.signer.key, opts.encoding, new TextEncoder().encode(signedInfo), 'ieee-p1363'));
  const signatureValue = `<ds:SignatureValue xmlns:ds="${DS}" Id="S0-SIG">${value}</ds:SignatureValue>`;
  let unsigned = '';
  const parts: string[] = [];
  if (opts.timestamp) {
    const token = createTimestampToken({ data: new TextEncoder().encode(signatureValue), tsa: opts.timestamp.tsa, genTime: opts.timestamp.genTime });
    parts.push(
      `<xades:SignatureTimeStamp Id="S0-T0"><ds:CanonicalizationMethod Algorithm="${C14N}"></ds:CanonicalizationMethod><xades:EncapsulatedTimeStamp>${b64(token)}</xades:EncapsulatedTimeStamp></xades:SignatureTimeStamp>`,
    );
  }
  if (opts.extraCerts?.length)
    parts.push(
      `<xades:CertificateValues>${opts.extraCerts.map((c) => `<xades:EncapsulatedX509Certificate>${b64(c)}</xades:EncapsulatedX509Certificate>`).join('')}</xades:CertificateValues>`,
    );
  if (opts.ocsp?.length)
    parts.push(
      `<xades:RevocationValues><xades:OCSPValues>${opts.ocsp.map((o) => `<xades:EncapsulatedOCSPValue>${b64(o)}</xades:EncapsulatedOCSPValue>`).join('')}</xades:OCSPValues></xades:RevocationValues>`,
    );
  if (parts.length)
    unsigned = `<xades:UnsignedProperties><xades:UnsignedSignatureProperties>${parts.join('')}</xades:UnsignedSignatureProperties></xades:UnsignedProperties>`;
  // The detached SignedInfo/SignatureValue/SignedProperties literals declare xmlns:ds (and xmlns:xades)
  // themselves; in the document they sit where exactly those namespaces are in scope, so their C14N form is the literal.
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?><ds:Signature xmlns:ds="${DS}" Id="S0">` +
    signedInfo.replace(` xmlns:ds="${DS}"`, '') +
    signatureValue.replace(` xmlns:ds="${DS}"`, '') +
    `<ds:KeyInfo><ds:X509Data><ds:X509Certificate>${b64(opts.signer.der)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>` +
    `<ds:Object><xades:QualifyingProperties xmlns:xades="${XADES}" Target="#S0">` +
    signedProps.replace(` xmlns:ds="${DS}" xmlns:xades="${XADES}"`, '') +
    unsigned +
    `</xades:QualifyingProperties></ds:Object></ds:Signature>`;
  const zip = buildZip([
    { name: 'mimetype', data: 'application/vnd.etsi.asic-e+zip' },
    { name: dataName, data, deflate: true },
    {
      name: 'META-INF/manifest.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.etsi.asic-e+zip"/><manifest:file-entry manifest:full-path="${dataName}" manifest:media-type="text/plain"/></manifest:manifest>`,
      deflate: true,
    },
    { name: 'META-INF/signatures0.xml', data: xml, deflate: true },
  ]);
  return { zip, xml, dataName, data };
}
