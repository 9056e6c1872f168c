/**
 * PDF standard security handler: decides whether an encrypted PDF opens with the empty user
 * password (owner-password-only "permissions" encryption) or needs a password to be read.
 * Implements ISO 32000-1 algorithms 4/5/6 (R2-R4, RC4/AES-128) and ISO 32000-2 algorithm 2.A/2.B
 * (R5/R6, AES-256).
 */
import { createCipheriv, createHash } from 'node:crypto';
import { PDFArray, PDFBool, PDFDict, PDFHexString, PDFName, PDFNumber, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';
import { bytesEqual } from './cms';

/** Encryption dictionary values needed for the user password test. */
export type StandardEncryption = {
  filter: string;
  v: number;
  r: number;
  lengthBits: number;
  o: Uint8Array;
  u: Uint8Array;
  p: number;
  encryptMetadata: boolean;
  id0: Uint8Array;
};

const PAD = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c,
  0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

function stringBytes(obj: PDFObject | undefined): Uint8Array {
  if (obj instanceof PDFString || obj instanceof PDFHexString) return obj.asBytes();
  return new Uint8Array(0);
}

function numberValue(obj: PDFObject | undefined, fallback: number): number {
  return obj instanceof PDFNumber ? obj.asNumber() : fallback;
}

/** Reads the /Encrypt dictionary of a document loaded with `ignoreEncryption`, or null when not encrypted. */
export function readEncryption(doc: PDFDocument): StandardEncryption | null {
  const { Encrypt, ID } = doc.context.trailerInfo;
  if (!Encrypt) return null;
  const dict = doc.context.lookup(Encrypt);
  if (!(dict instanceof PDFDict)) return null;
  const filter = dict.get(PDFName.of('Filter'));
  const idArr = ID ? doc.context.lookup(ID) : undefined;
  const em = dict.get(PDFName.of('EncryptMetadata'));
  return {
    filter: filter instanceof PDFName ? filter.decodeText() : '',
    v: numberValue(dict.get(PDFName.of('V')), 0),
    r: numberValue(dict.get(PDFName.of('R')), 0),
    lengthBits: numberValue(dict.get(PDFName.of('Length')), 40),
    o: stringBytes(dict.get(PDFName.of('O'))),
    u: stringBytes(dict.get(PDFName.of('U'))),
    p: numberValue(dict.get(PDFName.of('P')), 0),
    encryptMetadata: !(em instanceof PDFBool) || em.asBoolean(),
    id0: idArr instanceof PDFArray ? stringBytes(idArr.get(0)) : new Uint8Array(0),
  };
}

/** RC4 stream cipher (tiny; node:crypto under OpenSSL 3 no longer ships it by default). */
function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + (s[i] ?? 0) + (key[i % key.length] ?? 0)) & 0xff;
    [s[i], s[j]] = [s[j] ?? 0, s[i] ?? 0];
  }
  const out = new Uint8Array(data.length);
  let a = 0;
  let b = 0;
  for (let n = 0; n < data.length; n++) {
    a = (a + 1) & 0xff;
    b = (b + (s[a] ?? 0)) & 0xff;
    [s[a], s[b]] = [s[b] ?? 0, s[a] ?? 0];
    out[n] = (data[n] ?? 0) ^ (s[((s[a] ?? 0) + (s[b] ?? 0)) & 0xff] ?? 0);
  }
  return out;
}

function md5(...chunks: Uint8Array[]): Uint8Array {
  const h = createHash('md5');
  for (const c of chunks) h.update(c);
  return new Uint8Array(h.digest());
}

/** Algorithm 2 (R2-R4) with the empty password, then algorithm 4/5 to recompute /U. */
function emptyPasswordOpensRc4(enc: StandardEncryption): boolean {
  const p = new Uint8Array(4);
  new DataView(p.buffer).setInt32(0, enc.p, true);
  const tail = enc.r >= 4 && !enc.encryptMetadata ? Uint8Array.from([0xff, 0xff, 0xff, 0xff]) : new Uint8Array(0);
  const n = enc.r === 2 ? 5 : Math.min(16, Math.max(5, Math.floor(enc.lengthBits / 8)));
  let key = md5(PAD, enc.o.subarray(0, 32), p, enc.id0, tail);
  if (enc.r >= 3) for (let i = 0; i < 50; i++) key = md5(key.subarray(0, n));
  key = key.subarray(0, n);
  if (enc.r === 2) return bytesEqual(rc4(key, PAD), enc.u.subarray(0, 32));
  let x = rc4(key, md5(PAD, enc.id0));
  for (let i = 1; i <= 19; i++)
    x = rc4(
      key.map((k) => k ^ i),
      x,
    );
  return bytesEqual(x, enc.u.subarray(0, 16));
}

/** ISO 32000-2 algorithm 2.B (R6 hash) for a given password, salt and optional user key. */
export function hashR6(password: Uint8Array, salt: Uint8Array, userKey: Uint8Array): Uint8Array {
  let k = new Uint8Array(createHash('sha256').update(password).update(salt).update(userKey).digest());
  for (let round = 0; ; round++) {
    const unit = new Uint8Array(password.length + k.length + userKey.length);
    unit.set(password, 0);
    unit.set(k, password.length);
    unit.set(userKey, password.length + k.length);
    const k1 = new Uint8Array(unit.length * 64);
    for (let i = 0; i < 64; i++) k1.set(unit, i * unit.length);
    const cipher = createCipheriv('aes-128-cbc', k.subarray(0, 16), k.subarray(16, 32));
    cipher.setAutoPadding(false);
    const e = new Uint8Array(Buffer.concat([cipher.update(k1), cipher.final()]));
    let sum = 0;
    for (let i = 0; i < 16; i++) sum += e[i] ?? 0;
    const alg = ['sha256', 'sha384', 'sha512'][sum % 3] ?? 'sha256';
    k = new Uint8Array(createHash(alg).update(e).digest());
    if (round >= 63 && (e[e.length - 1] ?? 0) <= round + 1 - 32) break;
  }
  return k.subarray(0, 32);
}

/** R5/R6: user password validation (algorithm 11 / 2.A step a) with the empty password. */
function emptyPasswordOpensAes256(enc: StandardEncryption): boolean {
  if (enc.u.length < 48) return false;
  const validationSalt = enc.u.subarray(32, 40);
  const empty = new Uint8Array(0);
  const hash = enc.r === 5 ? new Uint8Array(createHash('sha256').update(empty).update(validationSalt).digest()) : hashR6(empty, validationSalt, empty);
  return bytesEqual(hash, enc.u.subarray(0, 32));
}

/**
 * True when the standard security handler accepts the empty user password, i.e. anyone can open and
 * read the document (only permissions are restricted). Unknown handlers/revisions return false.
 */
export function opensWithEmptyUserPassword(enc: StandardEncryption): boolean {
  if (enc.filter !== 'Standard') return false;
  if (enc.r >= 2 && enc.r <= 4) return emptyPasswordOpensRc4(enc);
  if (enc.r === 5 || enc.r === 6) return emptyPasswordOpensAes256(enc);
  return false;
}
