/**
 * Unicode fonts for generated PDFs (DejaVu Sans, so Latvian diacritics render
 * and text stays extractable) and document-level metadata.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/** Absolute directory holding the bundled TTF fonts (resolved from cwd = project root, as under `next start`). */
export const PDF_FONT_DIR = path.join(process.cwd(), 'lib', 'pdf', 'fonts');

/** Raw TTF bytes for the regular and bold faces. */
export type FontBytes = { regular: Uint8Array; bold: Uint8Array };

/** The two faces embedded into one document. */
export type PdfFonts = { regular: PDFFont; bold: PDFFont };

let fontBytesPromise: Promise<FontBytes> | null = null;

/** Reads DejaVuSans regular+bold from {@link PDF_FONT_DIR} once per process; later calls reuse the same bytes. */
export function loadFontBytes(): Promise<FontBytes> {
  if (!fontBytesPromise) {
    const read = (file: string) => readFile(path.join(PDF_FONT_DIR, file)).then((b) => new Uint8Array(b));
    fontBytesPromise = Promise.all([read('DejaVuSans.ttf'), read('DejaVuSans-Bold.ttf')]).then(([regular, bold]) => ({ regular, bold }));
    // Do not cache a failure (e.g. transient fs error): let the next call retry.
    fontBytesPromise.catch(() => {
      fontBytesPromise = null;
    });
  }
  return fontBytesPromise;
}

/** Registers fontkit on `doc` and embeds both faces subset to the glyphs actually used (ToUnicode map included, so text stays extractable). */
export async function embedFonts(doc: PDFDocument): Promise<PdfFonts> {
  const bytes = await loadFontBytes();
  doc.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([doc.embedFont(bytes.regular, { subset: true }), doc.embedFont(bytes.bold, { subset: true })]);
  return { regular, bold };
}

/** Document-level metadata. */
export type DocumentMetadata = { title: string; language: string; producer?: string; creator?: string };

/** Sets Info title/producer/creator and catalog `/Lang`; the title is shown in viewer title bars. */
export function setDocumentMetadata(doc: PDFDocument, meta: DocumentMetadata): void {
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setLanguage(meta.language);
  doc.setProducer(meta.producer ?? 'Memorands');
  doc.setCreator(meta.creator ?? 'Memorands');
}
