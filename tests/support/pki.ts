/**
 * Test PKI: generated keys, CA / end-entity / TSA / OCSP-responder certificates, RFC 3161 time-stamp
 * tokens and OCSP responses, all built here with node:crypto + pkijs/asn1js (no fixtures), so the
 * signature and trust tests control every byte and every date.
 */
import { constants, createHash, generateKeyPairSync, sign as nodeSign, privateEncrypt, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export type KeyKind = 'rsa' | 'p256' | 'p384';
export type Hash = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';
export type TestKey = { kind: KeyKind; privateKey: KeyObject; publicKey: KeyObject; spki: Uint8Array };

const keyCache = new Map<string, TestKey>();

/** A fresh key pair (RSA 2048 or ECDSA P-256/P-384). `label` reuses one key per label within a test file. */
export function generateKey(kind: KeyKind, label?: string): TestKey {
  const cacheKey = label ? `${kind}:${label}` : null;
  const cached = cacheKey ? keyCache.get(cacheKey) : undefined;
  if (cached) return cached;
  const pair =
    kind === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ec', { namedCurve: kind === 'p256' ? 'P-256' : 'P-384' });
  const key: TestKey = {
    kind,
    privateKey: pair.privateKey,
    publicKey: pair.publicKey,
    spki: new Uint8Array(pair.publicKey.export({ type: 'spki', format: 'der' })),
  };
  if (cacheKey) keyCache.set(cacheKey, key);
  return key;
}

export const HASH_OID: Record<Hash, string> = {
  sha1: '1.3.14.3.2.26',
  sha224: '2.16.840.1.101.3.4.2.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
};
const RSA_WITH: Record<Hash, string> = {
  sha1: '1.2.840.113549.1.1.5',
  sha224: '1.2.840.113549.1.1.14',
  sha256: '1.2.840.113549.1.1.11',
  sha384: '1.2.840.113549.1.1.12',
  sha512: '1.2.840.113549.1.1.13',
};
const ECDSA_WITH: Record<Hash, string> = {
  sha1: '1.2.840.10045.4.1',
  sha224: '1.2.840.10045.4.3.1',
  sha256: '1.2.840.10045.4.3.2',
  sha384: '1.2.840.10045.4.3.3',
  sha512: '1.2.840.10045.4.3.4',
};

export const HASH_LEN: Record<Hash, number> = { sha1: 20, sha224: 28, sha256: 32, sha384: 48, sha512: 64 };

/** How to encode a signature value. */
export type Encoding = { family: 'rsa-pkcs1'; hash: Hash; digestInfoNull?: boolean } | { family: 'rsa-pss'; hash: Hash } | { family: 'ecdsa'; hash: Hash };

/** DigestInfo DER with or without the NULL parameters. */
export function digestInfo(hash: Hash, digest: Uint8Array, withNull: boolean): Uint8Array {
  const algId = new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: HASH_OID[hash] }), ...(withNull ? [new asn1js.Null()] : [])] });
  return new Uint8Array(new asn1js.Sequence({ value: [algId, new asn1js.OctetString({ valueHex: digest })] }).toBER(false));
}

/** Signs `data` with `key` in the given encoding. ECDSA: `ecdsaEncoding` raw r‖s (XML) or DER (CMS, X.509). */
export function signBytes(key: TestKey, enc: Encoding, data: Uint8Array, ecdsaEncoding: 'ieee-p1363' | 'der' = 'der'): Uint8Array {
  if (enc.family === 'ecdsa') return new Uint8Array(nodeSign(enc.hash, data, { key: key.privateKey, dsaEncoding: ecdsaEncoding }));
  if (enc.family === 'rsa-pss')
    return new Uint8Array(nodeSign(enc.hash, data, { key: key.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: HASH_LEN[enc.hash] }));
  const d = new Uint8Array(createHash(enc.hash).update(data).digest());
  return new Uint8Array(privateEncrypt({ key: key.privateKey, padding: constants.RSA_PKCS1_PADDING }, digestInfo(enc.hash, d, enc.digestInfoNull !== false)));
}

/** AlgorithmIdentifier for a CMS/X.509 signature in this encoding. */
export function signatureAlgorithmId(enc: Encoding): pkijs.AlgorithmIdentifier {
  if (enc.family === 'ecdsa') return new pkijs.AlgorithmIdentifier({ algorithmId: ECDSA_WITH[enc.hash] });
  if (enc.family === 'rsa-pkcs1') return new pkijs.AlgorithmIdentifier({ algorithmId: RSA_WITH[enc.hash], algorithmParams: new asn1js.Null() });
  const hashAlg = new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: HASH_OID[enc.hash] }), new asn1js.Null()] });
  const params = new asn1js.Sequence({
    value: [
      new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [hashAlg] }),
      new asn1js.Constructed({
        idBlock: { tagClass: 3, tagNumber: 1 },
        value: [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.1.8' }), hashAlg] })],
      }),
      new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 2 }, value: [new asn1js.Integer({ value: HASH_LEN[enc.hash] })] }),
    ],
  });
  return new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.840.113549.1.1.10', algorithmParams: params });
}

/** Default encoding for a key (RSA PKCS#1 SHA-256 or ECDSA SHA-256). */
export function defaultEncoding(key: TestKey, hash: Hash = 'sha256'): Encoding {
  return key.kind === 'rsa' ? { family: 'rsa-pkcs1', hash } : { family: 'ecdsa', hash };
}

export type NameSpec = { cn: string; o?: string; c?: string; serialNumber?: string };

export function rdn(n: NameSpec): pkijs.RelativeDistinguishedNames {
  const tv = (type: string, value: asn1js.BaseStringBlock | asn1js.PrintableString | asn1js.Utf8String) => new pkijs.AttributeTypeAndValue({ type, value });
  return new pkijs.RelativeDistinguishedNames({
    typesAndValues: [
      tv('2.5.4.6', new asn1js.PrintableString({ value: n.c ?? 'LV' })),
      ...(n.o ? [tv('2.5.4.10', new asn1js.Utf8String({ value: n.o }))] : []),
      ...(n.serialNumber ? [tv('2.5.4.5', new asn1js.PrintableString({ value: n.serialNumber }))] : []),
      tv('2.5.4.3', new asn1js.Utf8String({ value: n.cn })),
    ],
  });
}

/** A certificate with its key, for issuing further certificates. */
export type TestCert = { der: Uint8Array; key: TestKey; name: NameSpec; cert: pkijs.Certificate };

let serial = 1000;

/**
 * Issues a certificate. `issuer` undefined = self-signed. `qc` adds QcStatements (QcCompliance,
 * QcSSCD); `eku` adds an extended key usage (time stamping / OCSP signing).
 */
export function issueCertificate(opts: {
  subject: NameSpec;
  key: TestKey;
  issuer?: TestCert;
  notBefore: Date;
  notAfter: Date;
  ca?: boolean;
  qc?: { compliance?: boolean; sscd?: boolean };
  eku?: 'timeStamping' | 'ocspSigning';
  signatureHash?: Hash;
  /** Key usage bits (digitalSignature = bit 0, nonRepudiation = bit 1). */
  keyUsage?: ('digitalSignature' | 'nonRepudiation')[];
}): TestCert {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ value: serial++ });
  cert.subject = rdn(opts.subject);
  cert.issuer = rdn(opts.issuer?.name ?? opts.subject);
  cert.notBefore.value = opts.notBefore;
  cert.notAfter.value = opts.notAfter;
  cert.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(opts.key.spki.slice().buffer);
  const extensions: pkijs.Extension[] = [
    new pkijs.Extension({ extnID: '2.5.29.19', critical: true, extnValue: new pkijs.BasicConstraints({ cA: opts.ca ?? false }).toSchema().toBER(false) }),
  ];
  if (opts.eku) {
    const oid = opts.eku === 'timeStamping' ? '1.3.6.1.5.5.7.3.8' : '1.3.6.1.5.5.7.3.9';
    extensions.push(
      new pkijs.Extension({ extnID: '2.5.29.37', critical: true, extnValue: new pkijs.ExtKeyUsage({ keyPurposes: [oid] }).toSchema().toBER(false) }),
    );
  }
  if (opts.keyUsage?.length) {
    const bits = (opts.keyUsage.includes('digitalSignature') ? 0x80 : 0) | (opts.keyUsage.includes('nonRepudiation') ? 0x40 : 0);
    extensions.push(
      new pkijs.Extension({
        extnID: '2.5.29.15',
        critical: true,
        extnValue: new asn1js.BitString({ valueHex: new Uint8Array([bits]), unusedBits: 6 }).toBER(false),
      }),
    );
  }
  if (opts.qc) {
    const statements = [
      ...(opts.qc.compliance ? [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: '0.4.0.1862.1.1' })] })] : []),
      ...(opts.qc.sscd ? [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: '0.4.0.1862.1.4' })] })] : []),
    ];
    extensions.push(new pkijs.Extension({ extnID: '1.3.6.1.5.5.7.1.3', extnValue: new asn1js.Sequence({ value: statements }).toBER(false) }));
  }
  cert.extensions = extensions;
  const signerKey = opts.issuer?.key ?? opts.key;
  const enc = defaultEncoding(signerKey, opts.signatureHash ?? 'sha256');
  cert.signature = signatureAlgorithmId(enc);
  cert.signatureAlgorithm = signatureAlgorithmId(enc);
  const tbs = new Uint8Array(cert.encodeTBS().toBER(false));
  cert.tbsView = tbs;
  cert.signatureValue = new asn1js.BitString({ valueHex: signBytes(signerKey, enc, tbs, 'der') });
  const der = new Uint8Array(cert.toSchema(false).toBER(false));
  return { der, key: opts.key, name: opts.subject, cert: pkijs.Certificate.fromBER(der.slice().buffer) };
}

/** RFC 3161 time-stamp token (ContentInfo DER) over `data`, by `tsa` at `genTime`. */
export function createTimestampToken(opts: { data: Uint8Array; tsa: TestCert; genTime: Date; hash?: Hash }): Uint8Array {
  const hash = opts.hash ?? 'sha256';
  const tst = new pkijs.TSTInfo({
    version: 1,
    policy: '1.2.3.4.1',
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: HASH_OID[hash] }),
      hashedMessage: new asn1js.OctetString({ valueHex: createHash(hash).update(opts.data).digest() }),
    }),
    serialNumber: new asn1js.Integer({ value: serial++ }),
    genTime: opts.genTime,
  });
  const tstDer = new Uint8Array(tst.toSchema().toBER(false));
  return signedData({ content: tstDer, eContentType: '1.2.840.113549.1.9.16.1.4', signer: opts.tsa, encapsulate: true, signingTime: opts.genTime });
}

/** CMS SignedData (ContentInfo DER) over `content` (detached unless `encapsulate`). */
export function signedData(opts: {
  content: Uint8Array;
  eContentType?: string;
  signer: TestCert;
  encoding?: Encoding;
  encapsulate?: boolean;
  signingTime: Date;
  extraCerts?: Uint8Array[];
}): Uint8Array {
  const enc = opts.encoding ?? defaultEncoding(opts.signer.key);
  const eContentType = opts.eContentType ?? '1.2.840.113549.1.7.1';
  const md = createHash(enc.hash).update(opts.content).digest();
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: '1.2.840.113549.1.9.3', values: [new asn1js.ObjectIdentifier({ value: eContentType })] }),
      new pkijs.Attribute({ type: '1.2.840.113549.1.9.4', values: [new asn1js.OctetString({ valueHex: md })] }),
      new pkijs.Attribute({ type: '1.2.840.113549.1.9.5', values: [new asn1js.UTCTime({ valueDate: opts.signingTime })] }),
    ],
  });
  const attrsDer = new Uint8Array(new asn1js.Set({ value: signedAttrs.attributes.map((a) => a.toSchema()) }).toBER(false));
  const si = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: opts.signer.cert.issuer, serialNumber: opts.signer.cert.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: HASH_OID[enc.hash] }),
    signedAttrs,
    signatureAlgorithm: signatureAlgorithmId(enc),
    signature: new asn1js.OctetString({ valueHex: signBytes(opts.signer.key, enc, attrsDer, 'der') }),
  });
  const sd = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: HASH_OID[enc.hash] })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType,
      ...(opts.encapsulate ? { eContent: new asn1js.OctetString({ valueHex: opts.content }) } : {}),
    }),
    signerInfos: [si],
    certificates: [opts.signer.cert, ...(opts.extraCerts ?? []).map((d) => pkijs.Certificate.fromBER(d.slice().buffer))],
  });
  return new Uint8Array(new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: sd.toSchema(true) }).toSchema().toBER(false));
}

/** OCSPResponse (DER) saying `status` for `cert` (issued by `issuer`), signed by `responder`. */
export function createOcspResponse(opts: {
  cert: TestCert;
  issuer: TestCert;
  responder: TestCert;
  status: 'good' | 'revoked';
  producedAt: Date;
  revokedAt?: Date;
}): Uint8Array {
  const issuerNameHash = createHash('sha1')
    .update(new Uint8Array(opts.issuer.cert.subject.toSchema().toBER(false)))
    .digest();
  const issuerKeyHash = createHash('sha1').update(new Uint8Array(opts.issuer.cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)).digest();
  const certId = new pkijs.CertID({
    hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: HASH_OID.sha1, algorithmParams: new asn1js.Null() }),
    issuerNameHash: new asn1js.OctetString({ valueHex: issuerNameHash }),
    issuerKeyHash: new asn1js.OctetString({ valueHex: issuerKeyHash }),
    serialNumber: opts.cert.cert.serialNumber,
  });
  const certStatus =
    opts.status === 'good'
      ? new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 } })
      : new asn1js.Constructed({
          idBlock: { tagClass: 3, tagNumber: 1 },
          value: [new asn1js.GeneralizedTime({ valueDate: opts.revokedAt ?? opts.producedAt })],
        });
  const single = new pkijs.SingleResponse({ certID: certId, certStatus, thisUpdate: opts.producedAt });
  const tbs = new pkijs.ResponseData({
    responderID: opts.responder.cert.subject,
    producedAt: opts.producedAt,
    responses: [single],
  });
  const tbsDer = new Uint8Array(tbs.toSchema(true).toBER(false));
  const enc = defaultEncoding(opts.responder.key);
  const basic = new pkijs.BasicOCSPResponse({
    tbsResponseData: pkijs.ResponseData.fromBER(tbsDer.slice().buffer),
    signatureAlgorithm: signatureAlgorithmId(enc),
    signature: new asn1js.BitString({ valueHex: signBytes(opts.responder.key, enc, tbsDer, 'der') }),
    certs: [opts.responder.cert],
  });
  const resp = new pkijs.OCSPResponse({
    responseStatus: new asn1js.Enumerated({ value: 0 }),
    responseBytes: new pkijs.ResponseBytes({
      responseType: '1.3.6.1.5.5.7.48.1.1',
      response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER(false) }),
    }),
  });
  return new Uint8Array(resp.toSchema().toBER(false));
}

export const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
