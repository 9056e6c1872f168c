/**
 * Test helper: plain-text extraction from PDF bytes with pdf.js (legacy Node build).
 */
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/**
 * pdfjs-dist 6 targets Node >= 22.13 and calls `Promise.withResolvers` (Node 22+);
 * the project runs on Node >= 20.9, so polyfill it before pdf.js is first loaded.
 */
function polyfillPromiseWithResolvers(): void {
  const P = Promise as unknown as { withResolvers?: unknown };
  if (typeof P.withResolvers === 'function') return;
  P.withResolvers = function withResolvers<T>() {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

let pdfjsPromise: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  polyfillPromiseWithResolvers();
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

/** Extracted text of each page, text items joined with spaces, whitespace collapsed. */
export async function extractPdfPages(bytes: Uint8Array): Promise<string[]> {
  // pdf.js may transfer (detach) the buffer it is given, so hand it a copy.
  const { getDocument } = await loadPdfJs();
  const task = getDocument({ data: bytes.slice(), verbosity: 0, disableFontFace: true, useSystemFonts: false });
  const doc = await task.promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const parts = content.items.map((item) => ('str' in item ? item.str : ''));
      pages.push(parts.join(' ').replace(/\s+/g, ' ').trim());
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** All pages' text, whitespace-normalised, pages separated by a single space. */
export async function extractPdfText(bytes: Uint8Array): Promise<string> {
  return (await extractPdfPages(bytes)).join(' ');
}
