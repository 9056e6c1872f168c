/**
 * PAdES / PDF CMS signature checks: ByteRange digest, messageDigest and signature value against the
 * certificate embedded in the CMS. The certificate is NOT validated against a trust anchor.
 */
import { decodePDFRawStream, PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFString, PDFHexString, type PDFDocument, type PDFObject } from 'pdf-lib';
import {
  bytesEqual,
  certDer,
  certNames,
  digest,
  errorMessage,
  inspectTimestampToken,
  OID_TST_INFO,
  parseSignedData,
  signatureTimestampAttr,
  signatureValueBytes,
  timestampFacts,
  verifySignerInfo,
  type TimestampToken,
} from './cms';
import * as pkijs from 'pkijs';
import { logContained } from './context';
import type { SignatureInfo } from './types';

const toB64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

/** Certificates of a SignedData besides the signer's (base64 DER). */
function otherCerts(sd: pkijs.SignedData, signer: pkijs.Certificate | null): string[] {
  return (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate && c !== signer).map((c) => toB64(certDer(c)));
}

/** Integrity value of a verification status. */
function integrityOf(status: 'intact' | 'mismatch' | 'unsupported', extraProblem: boolean): SignatureInfo['integrity'] {
  if (extraProblem || status === 'mismatch') return 'mismatch';
  return status === 'intact' ? 'intact' : 'unknown';
}

/** One PDF signature with its time-stamp verdict. */
export type PdfSignatureResult = { info: SignatureInfo; timestampInvalid: boolean };

type SigDict = { byteRange: number[]; subFilter: string | null; m: string | null };

function byteRangeOf(dict: PDFDict): number[] | null {
  const br = dict.get(PDFName.of('ByteRange'));
  if (!(br instanceof PDFArray) || !dict.has(PDFName.of('Contents'))) return null;
  const nums = br.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN));
  return nums;
}

function textOf(obj: PDFObject | undefined): string | null {
  if (obj instanceof PDFName) return obj.decodeText();
  if (obj instanceof PDFString || obj instanceof PDFHexString) return obj.decodeText();
  return null;
}

function asSigDict(obj: PDFObject | undefined): SigDict | null {
  if (!(obj instanceof PDFDict)) return null;
  const byteRange = byteRangeOf(obj);
  if (!byteRange) return null;
  return { byteRange, subFilter: textOf(obj.get(PDFName.of('SubFilter'))), m: textOf(obj.get(PDFName.of('M'))) };
}

const RAW_BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/**
 * All signature dictionaries, in file order: those pdf-lib parsed (indirect, or direct /V of a
 * signature field) plus any numeric /ByteRange found in the raw bytes, so that damaging a signature
 * dictionary cannot make a signed file look unsigned.
 */
export function findSignatureDicts(doc: PDFDocument, text: string): SigDict[] {
  const seen = new Map<string, SigDict>();
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    const candidates = [obj, obj instanceof PDFDict ? obj.get(PDFName.of('V')) : undefined];
    for (const c of candidates) {
      const sig = asSigDict(c);
      if (sig) seen.set(sig.byteRange.join(' '), sig);
    }
  }
  for (const m of text.matchAll(RAW_BYTE_RANGE)) {
    const byteRange = [m[1], m[2], m[3], m[4]].map(Number);
    const key = byteRange.join(' ');
    if (!seen.has(key)) seen.set(key, { byteRange, subFilter: null, m: null });
  }
  return [...seen.values()].sort((a, b) => (a.byteRange[2] ?? 0) - (b.byteRange[2] ?? 0));
}

/** Parses a PDF date (D:YYYYMMDDHHmmSSOHH'mm') to ISO 8601, or null. */
export function pdfDateToIso(s: string | null): string | null {
  const m = s ? /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?/.exec(s) : null;
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', tz, tzh = '00', tzm = '00'] = m;
  const offset = !tz || tz === 'Z' || tz === 'z' ? 'Z' : `${tz}${tzh}:${tzm}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${se}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

type GapCheck = { ok: true; contents: Uint8Array; signed: Uint8Array } | { ok: false; detail: string };

/** Validates the ByteRange shape, extracts the hex /Contents from the gap and the signed bytes. */
function splitByteRange(bytes: Uint8Array, br: number[]): GapCheck {
  const [s0, a, b, c] = br;
  const valid =
    br.length === 4 &&
    br.every((n) => Number.isSafeInteger(n) && n >= 0) &&
    s0 === 0 &&
    a !== undefined &&
    b !== undefined &&
    c !== undefined &&
    a < b &&
    b + c <= bytes.length;
  if (!valid || a === undefined || b === undefined || c === undefined) return { ok: false, detail: `malformed ByteRange [${br.join(' ')}]` };
  const gap = Buffer.from(bytes.buffer, bytes.byteOffset + a, b - a).toString('latin1');
  const hex = /^<([0-9A-Fa-f\s]*)>$/.exec(gap);
  if (!hex?.[1]) return { ok: false, detail: 'ByteRange gap is not exactly the /Contents hex string' };
  const clean = hex[1].replace(/\s+/g, '');
  const contents = new Uint8Array(Buffer.from(clean.length % 2 ? `${clean}0` : clean, 'hex'));
  const signed = new Uint8Array(a + c);
  signed.set(bytes.subarray(0, a), 0);
  signed.set(bytes.subarray(b, b + c), a);
  return { ok: true, contents, signed };
}

function baseInfo(coversWholeDocument: boolean): SignatureInfo {
  return {
    format: 'pades',
    signerName: null,
    signerSubject: null,
    issuer: null,
    signingTime: null,
    hasTimestamp: false,
    timestampTime: null,
    integrity: 'mismatch',
    coversWholeDocument,
  };
}

function tsInvalid(ts: TimestampToken): boolean {
  return ts.imprintMatches === false || ts.signatureValid === false;
}

/** Document time stamp (/SubFilter /ETSI.RFC3161): the CMS is itself a time-stamp token over the ByteRange. */
async function checkDocTimestamp(info: SignatureInfo, contents: Uint8Array, signed: Uint8Array): Promise<PdfSignatureResult> {
  const ts = await inspectTimestampToken(contents, signed);
  const sd = parseSignedData(contents);
  const v = await verifySignerInfo(sd, new Uint8Array(sd.encapContentInfo.eContent?.getValue() ?? new ArrayBuffer(0)));
  const integrity = integrityOf(v.status, ts.imprintMatches !== true);
  return {
    info: {
      ...info,
      ...(v.cert ? certNames(certDer(v.cert)) : {}),
      signingTime: ts.genTime?.toISOString() ?? null,
      hasTimestamp: true,
      timestampTime: ts.genTime?.toISOString() ?? null,
      integrity,
      algorithm: v.algorithm,
      ...(integrity === 'unknown' && v.algorithm ? { unsupportedAlgorithm: v.algorithm } : {}),
      certificates: { signer: v.cert ? toB64(certDer(v.cert)) : null, others: otherCerts(sd, v.cert) },
      timestamp: { tsaCertificate: v.cert ? toB64(certDer(v.cert)) : null, others: otherCerts(sd, v.cert), valid: integrity === 'intact' },
      ocspResponses: [],
      detail: integrity === 'intact' ? 'document time stamp verified' : `document time stamp: ${ts.imprintMatches ? v.detail : 'imprint mismatch'}`,
    },
    timestampInvalid: false,
  };
}

/** Content the signer info signs: detached ByteRange bytes, or (adbe.pkcs7.sha1) the encapsulated SHA-1 digest of them. */
function signedContent(sd: ReturnType<typeof parseSignedData>, signed: Uint8Array): { content: Uint8Array; problem: string | null } {
  const e = sd.encapContentInfo.eContent;
  if (!e) return { content: signed, problem: null };
  const content = new Uint8Array(e.getValue());
  const ok = bytesEqual(content, digest('SHA-1', signed));
  return { content, problem: ok ? null : 'encapsulated SHA-1 digest does not match the ByteRange' };
}

async function checkCmsSignature(info: SignatureInfo, sig: SigDict, contents: Uint8Array, signed: Uint8Array): Promise<PdfSignatureResult> {
  const sd = parseSignedData(contents);
  const { content, problem } = signedContent(sd, signed);
  const v = await verifySignerInfo(sd, content);
  const tsAttr = signatureTimestampAttr(sd);
  const ts = tsAttr ? await inspectTimestampToken(tsAttr, signatureValueBytes(sd)) : null;
  const integrity = integrityOf(v.status, problem !== null);
  return {
    info: {
      ...info,
      ...(v.cert ? certNames(certDer(v.cert)) : {}),
      signingTime: v.signingTime?.toISOString() ?? pdfDateToIso(sig.m),
      hasTimestamp: tsAttr !== null,
      timestampTime: ts?.genTime?.toISOString() ?? null,
      integrity,
      algorithm: v.algorithm,
      ...(integrity === 'unknown' && v.algorithm ? { unsupportedAlgorithm: v.algorithm } : {}),
      certificates: { signer: v.cert ? toB64(certDer(v.cert)) : null, others: otherCerts(sd, v.cert) },
      timestamp: timestampFacts(ts),
      ocspResponses: [],
      detail: `${sig.subFilter ?? 'unknown SubFilter'}: ${problem ?? v.detail}`,
    },
    timestampInvalid: ts ? tsInvalid(ts) : false,
  };
}

/** True when the CMS encapsulates a TSTInfo, i.e. it is a (document) time-stamp token. */
function isTimestampToken(contents: Uint8Array): boolean {
  try {
    return parseSignedData(contents).encapContentInfo.eContentType === OID_TST_INFO;
  } catch {
    return false;
  }
}

async function checkOne(bytes: Uint8Array, sig: SigDict): Promise<PdfSignatureResult | null> {
  const split = splitByteRange(bytes, sig.byteRange);
  const lastByte = (sig.byteRange[2] ?? 0) + (sig.byteRange[3] ?? 0);
  const info = baseInfo(lastByte === bytes.length);
  if (!split.ok) return { info: { ...info, detail: split.detail }, timestampInvalid: false };
  if (split.contents.every((x) => x === 0)) return null; // unsigned placeholder: nothing was signed
  try {
    if (sig.subFilter === 'ETSI.RFC3161' || isTimestampToken(split.contents)) return await checkDocTimestamp(info, split.contents, split.signed);
    return await checkCmsSignature(info, sig, split.contents, split.signed);
  } catch (e) {
    logContained('pdf cms', null, e);
    return { info: { ...info, detail: `CMS not parseable: ${errorMessage(e)}` }, timestampInvalid: false };
  }
}

/** Decoded bytes of each stream in a /DSS array (/OCSPs, /Certs). */
function dssStreams(doc: PDFDocument, dss: PDFDict, key: string): string[] {
  const arr = dss.lookup(PDFName.of(key));
  if (!(arr instanceof PDFArray)) return [];
  const out: string[] = [];
  for (let i = 0; i < arr.size(); i++) {
    const stream = doc.context.lookup(arr.get(i));
    if (!(stream instanceof PDFRawStream)) continue;
    try {
      out.push(toB64(decodePDFRawStream(stream).decode()));
    } catch (e) {
      logContained('pdf dss stream', null, e);
    }
  }
  return out;
}

/** PAdES Document Security Store (ETSI EN 319 142-1 5.4): OCSP responses and certificates for the trust check. */
export function readDss(doc: PDFDocument): { ocsp: string[]; certs: string[] } {
  try {
    const dss = doc.catalog.lookup(PDFName.of('DSS'));
    if (!(dss instanceof PDFDict)) return { ocsp: [], certs: [] };
    return { ocsp: dssStreams(doc, dss, 'OCSPs'), certs: dssStreams(doc, dss, 'Certs') };
  } catch (e) {
    logContained('pdf dss', null, e);
    return { ocsp: [], certs: [] };
  }
}

/**
 * Checks every signature dictionary of the document. A signature whose ByteRange does not reach the
 * end of the file (a later revision was appended) is reported with `coversWholeDocument: false`.
 * Never throws.
 */
export async function checkPdfSignatures(bytes: Uint8Array, text: string, doc: PDFDocument): Promise<PdfSignatureResult[]> {
  const out: PdfSignatureResult[] = [];
  for (const sig of findSignatureDicts(doc, text)) {
    const r = await checkOne(bytes, sig);
    if (r) out.push(r);
  }
  if (out.length === 0) return out;
  const dss = readDss(doc);
  if (dss.ocsp.length === 0 && dss.certs.length === 0) return out;
  return out.map((r) => ({
    ...r,
    info: {
      ...r.info,
      ocspResponses: [...(r.info.ocspResponses ?? []), ...dss.ocsp],
      certificates: r.info.certificates ? { signer: r.info.certificates.signer, others: [...r.info.certificates.others, ...dss.certs] } : r.info.certificates,
    },
  }));
}
