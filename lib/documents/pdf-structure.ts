/**
 * Byte-level PDF structure checks that pdf-lib does not do (pdf-lib parses objects sequentially and
 * never consults the cross-reference table, so it silently "repairs" everything).
 */

/** Latin-1 view of the bytes, so that byte offsets equal string indices. */
export function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

const WS = /[\0\t\n\f\r ]/;

/**
 * True when the file ends properly: a `%%EOF` marker exists and nothing but whitespace, or at most
 * some trailing junk without PDF object syntax, follows it. A half-written incremental update
 * (objects after the last `%%EOF`) counts as truncated.
 */
export function hasProperEnd(text: string): boolean {
  const eof = text.lastIndexOf('%%EOF');
  if (eof === -1) return false;
  const after = text.slice(eof + 5);
  return !/\bobj\b|\bstream\b|\bxref\b|\btrailer\b/.test(after);
}

/** True when the file holds any cross-reference data: a `startxref`, an `xref` table or an /XRef stream. */
export function hasXrefData(text: string): boolean {
  return /startxref|\bxref\b|\/Type\s*\/XRef\b/.test(text);
}

/**
 * How the file ends, as three distinct findings: `proper` (a `%%EOF` with no object after it),
 * `cut_off` (no `%%EOF`: the file stops, often inside an object or stream), `no_xref` (complete
 * objects but no cross-reference data at all: the producing program never wrote it), `unreadable`
 * (no PDF object at all behind the header).
 */
export function endState(text: string): 'proper' | 'cut_off' | 'no_xref' | 'unreadable' {
  const lastObj = lastObjectStart(text);
  const proper = hasProperEnd(text);
  if (lastObj === -1 && !hasXrefData(text)) return proper ? 'unreadable' : text.length < 64 ? 'cut_off' : 'unreadable';
  if (proper) return hasXrefData(text) ? 'proper' : 'no_xref';
  const endsInsideObject = lastObj !== -1 && text.lastIndexOf('endobj') < lastObj;
  if (endsInsideObject || hasXrefData(text)) return 'cut_off';
  return 'no_xref';
}

/** Index of the last `N G obj` header (searching backwards; linear). */
function lastObjectStart(text: string): number {
  for (let i = text.lastIndexOf('obj'); i > 0; i = text.lastIndexOf('obj', i - 1)) {
    if (text.startsWith('endobj', i - 3)) continue;
    if (/\d+\s+\d+\s+$/.test(text.slice(Math.max(0, i - 24), i))) return i;
  }
  return -1;
}

/** Index of the first non-whitespace character at or after `pos`. */
function skipWs(text: string, pos: number): number {
  let p = pos;
  while (p < text.length && WS.test(text[p] ?? '')) p++;
  return p;
}

/**
 * True when the last `startxref` points at a cross-reference table whose in-use entries point at
 * the objects they name, or at an xref stream object. False means a reader must reconstruct the
 * cross-reference data (qpdf/pdf.js "repair").
 */
export function xrefIsConsistent(text: string): boolean {
  const eof = text.lastIndexOf('%%EOF');
  const sx = text.lastIndexOf('startxref', eof === -1 ? undefined : eof);
  if (sx === -1) return false;
  const m = /^startxref\s+(\d+)/.exec(text.slice(sx, sx + 40));
  if (!m?.[1]) return false;
  const offset = Number(m[1]);
  if (!Number.isSafeInteger(offset) || offset >= text.length) return false;
  const at = skipWs(text, offset);
  if (text.startsWith('xref', at)) return xrefTableEntriesValid(text, at + 4);
  return /^\d+\s+\d+\s+obj\b/.test(text.slice(at, at + 40));
}

const MAX_CHECKED_ENTRIES = 20_000;

/** Checks the in-use entries of one classic xref section (the newest one). */
function xrefTableEntriesValid(text: string, start: number): boolean {
  const re = /\s*(\d+)\s+(\d+)\s*[\r\n]+|\s*(\d{10})\s(\d{5})\s([nf])\s*(?:\r\n|\r|\n| \r| \n)?/y;
  re.lastIndex = start;
  let objNum = 0;
  let checked = 0;
  for (;;) {
    const pos = re.lastIndex;
    const m = re.exec(text);
    if (!m) return text.slice(skipWs(text, pos), skipWs(text, pos) + 7) === 'trailer';
    if (m[1] !== undefined) {
      objNum = Number(m[1]);
      continue;
    }
    if (m[5] === 'n' && checked < MAX_CHECKED_ENTRIES) {
      checked++;
      const off = Number(m[3]);
      const head = new RegExp(`^${objNum}\\s+${Number(m[4])}\\s+obj\\b`);
      if (objNum !== 0 && !head.test(text.slice(skipWs(text, off), skipWs(text, off) + 30))) return false;
    }
    objNum++;
  }
}
