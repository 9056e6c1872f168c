/**
 * Active-content / attachment detection over the parsed PDF object graph (including objects that
 * lived in compressed object streams, which a raw byte scan would miss).
 */
import { PDFArray, PDFDict, PDFName, PDFStream, type PDFDocument, type PDFObject } from 'pdf-lib';
import type { UploadWarning } from './types';

type FeatureWarning = Extract<UploadWarning, 'javascript' | 'launch_action' | 'embedded_file'>;

const MAX_DEPTH = 32;

function nameOf(obj: PDFObject | undefined): string | null {
  return obj instanceof PDFName ? obj.decodeText() : null;
}

/** Flags raised by one dictionary's own keys and values (not its children). */
function dictFlags(dict: PDFDict, out: Set<FeatureWarning>): void {
  for (const [key, value] of dict.entries()) {
    const k = key.decodeText();
    if (k === 'JS' || k === 'JavaScript') out.add('javascript');
    else if (k === 'EmbeddedFiles' || k === 'EF') out.add('embedded_file');
    else if (k === 'S') {
      const s = nameOf(value);
      if (s === 'JavaScript') out.add('javascript');
      else if (s === 'Launch') out.add('launch_action');
    } else if (k === 'Type' && nameOf(value) === 'EmbeddedFile') out.add('embedded_file');
    else if (k === 'Subtype' && nameOf(value) === 'FileAttachment') out.add('embedded_file');
  }
}

/** Walks direct (non-reference) children; indirect ones are visited by the top-level enumeration. */
function walk(obj: PDFObject, out: Set<FeatureWarning>, depth: number): void {
  if (depth > MAX_DEPTH) return;
  const dict = obj instanceof PDFStream ? obj.dict : obj instanceof PDFDict ? obj : null;
  if (dict) {
    dictFlags(dict, out);
    for (const [, v] of dict.entries()) walk(v, out, depth + 1);
  } else if (obj instanceof PDFArray) {
    for (let i = 0; i < obj.size(); i++) {
      const v = obj.get(i);
      if (v) walk(v, out, depth + 1);
    }
  }
}

/**
 * Warnings for JavaScript (name tree, /JS, /S /JavaScript actions), launch actions and embedded
 * files (EmbeddedFiles name tree, file specs with /EF, embedded file streams, FileAttachment
 * annotations), in a stable order. Objects of an encrypted document whose object streams could
 * not be decoded are not seen (best effort).
 */
export function scanActiveContent(doc: PDFDocument): UploadWarning[] {
  const found = new Set<FeatureWarning>();
  for (const [, obj] of doc.context.enumerateIndirectObjects()) walk(obj, found, 0);
  const order: FeatureWarning[] = ['javascript', 'launch_action', 'embedded_file'];
  return order.filter((w) => found.has(w));
}
