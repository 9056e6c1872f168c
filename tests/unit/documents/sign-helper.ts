/**
 * Test helper: produces PDFs carrying a real detached CMS (adbe.pkcs7.detached) signature made with a
 * throw-away self-signed RSA certificate. Reusable by other tests (e.g. an end-to-end upload test):
 *
 *   const { bytes } = await createSignedPdf();            // in memory
 *   await writeSignedPdfFile('/tmp/signed.pdf');          // on disk
 *
 * Certificates are built with pkijs (the installed @peculiar/x509 needs a reflect-metadata polyfill
 * that is not a dependency of this project).
 */
import { writeFile } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString, StandardFonts } from 'pdf-lib';

/** A private pkijs engine (pkijs' global engine slot is shared with other pkijs copies). */
const engine = new pkijs.CryptoEngine({ name: 'test-signer', crypto: globalThis.crypto });

const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  country: '2.5.4.6',
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
} as const;

/** Key pair plus self-signed certificate. */
export type TestSigner = { privateKey: CryptoKey; certificate: pkijs.Certificate; certificateDer: Uint8Array; commonName: string };

function name(commonName: string): pkijs.RelativeDistinguishedNames {
  return new pkijs.RelativeDistinguishedNames({
    typesAndValues: [
      new pkijs.AttributeTypeAndValue({ type: OID.country, value: new asn1js.PrintableString({ value: 'LV' }) }),
      new pkijs.AttributeTypeAndValue({ type: OID.organization, value: new asn1js.Utf8String({ value: 'Memorands tests' }) }),
      new pkijs.AttributeTypeAndValue({ type: OID.commonName, value: new asn1js.Utf8String({ value: commonName }) }),
    ],
  });
}

/** Generates an RSA-2048 key and a self-signed certificate with the given CN. */
export async function createTestSigner(commonName = 'Jānis Bērziņš (test)'): Promise<TestSigner> {
  const keys = await globalThis.crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  );
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ value: Date.now() % 2_000_000_000 });
  cert.subject = name(commonName);
  cert.issuer = name(commonName);
  const now = Date.now();
  cert.notBefore.value = new Date(now - 24 * 3600_000);
  cert.notAfter.value = new Date(now + 365 * 24 * 3600_000);
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey, engine);
  await cert.sign(keys.privateKey, 'SHA-256', engine);
  return { privateKey: keys.privateKey, certificate: cert, certificateDer: new Uint8Array(cert.toSchema().toBER(false)), commonName };
}

/** Detached CMS SignedData (DER) over `content` with contentType, messageDigest and signingTime signed attributes. */
export async function createDetachedCms(content: Uint8Array, signer: TestSigner, signingTime: Date): Promise<Uint8Array> {
  const md = createHash('sha256').update(content).digest();
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: md })] }),
      new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: signingTime })] }),
    ],
  });
  const cert = signer.certificate;
  const sd = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        signedAttrs,
      }),
    ],
    certificates: [cert],
  });
  await sd.sign(signer.privateKey, 0, 'SHA-256', undefined, engine);
  const ci = new pkijs.ContentInfo({ contentType: OID.signedData, content: sd.toSchema(true) });
  return new Uint8Array(ci.toSchema().toBER(false));
}

/** A small one-page PDF without any signature. */
export async function buildUnsignedPdf(text = 'Domes lēmums Nr. 1 (test)'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText(text.normalize('NFD').replace(/[^\x20-\x7e]/g, ''), { x: 72, y: 760, size: 14, font });
  return doc.save({ useObjectStreams: false });
}

const BYTE_RANGE_PLACEHOLDER = '/ByteRange [ 0 /********** /********** /********** ]';

/** PDF with a signature field whose /V has a zero-filled /Contents of `contentsBytes` bytes and a placeholder /ByteRange. */
async function buildPlaceholderPdf(
  text: string,
  contentsBytes: number,
  signingTime: Date,
  padBytes = 0,
  dss?: { ocsp?: Uint8Array[]; certs?: Uint8Array[] },
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  if (padBytes > 0) doc.context.register(doc.context.stream(randomBytes(padBytes)));
  if (dss) {
    const refs = (list: Uint8Array[] = []) => list.map((b) => doc.context.register(doc.context.flateStream(b)));
    doc.catalog.set(PDFName.of('DSS'), doc.context.obj({ OCSPs: refs(dss.ocsp), Certs: refs(dss.certs) }));
  }
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText(text, { x: 72, y: 760, size: 14, font });
  const ctx = doc.context;
  const placeholder = PDFName.of('**********');
  const byteRange = PDFArray.withContext(ctx);
  byteRange.push(PDFNumber.of(0));
  byteRange.push(placeholder);
  byteRange.push(placeholder);
  byteRange.push(placeholder);
  const sigRef = ctx.register(
    ctx.obj({
      Type: 'Sig',
      Filter: 'Adobe.PPKLite',
      SubFilter: 'adbe.pkcs7.detached',
      ByteRange: byteRange,
      Contents: PDFHexString.of('0'.repeat(contentsBytes * 2)),
      M: PDFString.fromDate(signingTime),
      Reason: PDFString.of('Memorands test signature'),
    }),
  );
  const widgetRef = ctx.register(
    ctx.obj({ Type: 'Annot', Subtype: 'Widget', FT: 'Sig', T: PDFString.of('Signature1'), V: sigRef, Rect: [0, 0, 0, 0], F: 132, P: page.ref }),
  );
  page.node.set(PDFName.of('Annots'), ctx.obj([widgetRef]));
  doc.catalog.set(PDFName.of('AcroForm'), ctx.obj({ Fields: [widgetRef], SigFlags: 3 }));
  return doc.save({ useObjectStreams: false });
}

/** Result of {@link createSignedPdf}. */
export type SignedPdf = { bytes: Uint8Array; signer: TestSigner; signingTime: Date; byteRange: [number, number, number, number] };

/**
 * Builds a one-page PDF and signs it (detached CMS over the ByteRange, SHA-256, RSA PKCS#1 v1.5).
 * The whole file is covered by the signature.
 */
export async function createSignedPdf(
  opts: {
    signer?: TestSigner;
    signingTime?: Date;
    text?: string;
    contentsBytes?: number;
    cms?: (signedBytes: Uint8Array) => Uint8Array;
    padBytes?: number;
    dss?: { ocsp?: Uint8Array[]; certs?: Uint8Array[] };
  } = {},
): Promise<SignedPdf> {
  const signer = opts.signer ?? (await createTestSigner());
  const signingTime = opts.signingTime ?? new Date(Math.floor(Date.now() / 1000) * 1000);
  const contentsBytes = opts.contentsBytes ?? 8192;
  const pdf = await buildPlaceholderPdf(opts.text ?? 'Domes lemums Nr. 1 (test)', contentsBytes, signingTime, opts.padBytes, opts.dss);
  const text = Buffer.from(pdf).toString('latin1');
  const brAt = text.indexOf(BYTE_RANGE_PLACEHOLDER);
  const contentsAt = text.indexOf(`<${'0'.repeat(contentsBytes * 2)}>`);
  if (brAt < 0 || contentsAt < 0) throw new Error('signature placeholder not found in the generated PDF');
  const a = contentsAt;
  const b = contentsAt + contentsBytes * 2 + 2;
  const byteRange: [number, number, number, number] = [0, a, b, pdf.length - b];
  const brText = `/ByteRange [0 ${a} ${b} ${pdf.length - b}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ');
  const bytes = new Uint8Array(pdf);
  bytes.set(Buffer.from(brText, 'latin1'), brAt);
  const signed = Buffer.concat([bytes.subarray(0, a), bytes.subarray(b)]);
  const cms = opts.cms ? opts.cms(new Uint8Array(signed)) : await createDetachedCms(new Uint8Array(signed), signer, signingTime);
  if (cms.length > contentsBytes) throw new Error(`CMS (${cms.length} bytes) does not fit into /Contents (${contentsBytes})`);
  bytes.set(Buffer.from(Buffer.from(cms).toString('hex').toUpperCase(), 'latin1'), a + 1);
  return { bytes, signer, signingTime, byteRange };
}

/** Writes a freshly signed PDF to `filePath` and returns its details. */
export async function writeSignedPdfFile(filePath: string, opts?: Parameters<typeof createSignedPdf>[0]): Promise<SignedPdf> {
  const signed = await createSignedPdf(opts);
  await writeFile(filePath, signed.bytes);
  return signed;
}
