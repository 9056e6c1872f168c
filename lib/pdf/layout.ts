/**
 * Reusable pdf-lib layout primitives (fonts and document metadata are in
 * lib/pdf/fonts.ts): greedy word wrapping measured with the real font
 * metrics, a page-break-aware cursor and a "page i/n + note" footer.
 *
 * Coordinates follow PDF conventions: origin bottom-left, y grows upwards; the
 * cursor's `y` is the top of the next line to draw.
 */
import { PDFDocument, PDFFont, PDFPage, rgb, type RGB } from 'pdf-lib';
import type { PdfFonts } from './fonts';

/** A4 portrait page size in PDF points. */
export const A4: { readonly width: number; readonly height: number } = { width: 595.28, height: 841.89 };

/** Collapses breakable whitespace (spaces, tabs, newlines) to single spaces and trims; NBSP (U+00A0) is kept so it never breaks. */
export function normaliseSpaces(text: string): string {
  return text.replace(/[ \t\r\n\f\v]+/g, ' ').trim();
}

/** Splits one over-long word into chunks each no wider than `maxWidth` (at least one character per chunk). */
function breakLongWord(word: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const ch of Array.from(word)) {
    const candidate = current + ch;
    if (current !== '' && font.widthOfTextAtSize(candidate, size) > maxWidth) {
      chunks.push(current);
      current = ch;
    } else {
      current = candidate;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/**
 * Greedy word wrap: every returned line measures ≤ `maxWidth` at `size` with `font`
 * (words wider than a line are split by character). Empty/blank text yields `[]`.
 */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const words = normaliseSpaces(text)
    .split(' ')
    .filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (font.widthOfTextAtSize(candidate, size) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    if (font.widthOfTextAtSize(word, size) <= maxWidth) {
      line = word;
    } else {
      const chunks = breakLongWord(word, font, size, maxWidth);
      line = chunks.pop() ?? '';
      lines.push(...chunks);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Page box margins in points. */
export type Margins = { top: number; right: number; bottom: number; left: number };

/** Options for {@link LayoutCursor}. */
export type CursorOptions = {
  pageSize?: { width: number; height: number };
  margins: Margins;
  /** Extra space kept free above the bottom margin for the footer. */
  footerReserve?: number;
  /** Called after each new page is added (e.g. to draw a running header). */
  onNewPage?: (page: PDFPage) => void;
};

/** Horizontal alignment for {@link LayoutCursor.drawParagraph}. */
export type Align = 'left' | 'center' | 'right';

/** Text style for paragraph drawing. */
export type TextStyle = {
  font: PDFFont;
  size: number;
  /** Line height as a multiple of `size` (default 1.35). */
  leading?: number;
  color?: RGB;
  align?: Align;
  /** Left offset from the content box's left edge (default 0). */
  indent?: number;
  /** Width available; defaults to content width minus indent. */
  width?: number;
};

/** Default body text colour (near-black). */
export const TEXT_COLOR: RGB = rgb(0.1, 0.1, 0.1);
/** Muted colour for notes and footers. */
export const MUTED_COLOR: RGB = rgb(0.4, 0.4, 0.4);

/**
 * Top-down flow cursor over a growing list of pages. Guarantees that any drawn
 * line lies within the margins (minus footer reserve): when the next block
 * would overflow, a new page is started first.
 */
export class LayoutCursor {
  readonly doc: PDFDocument;
  readonly pageSize: { width: number; height: number };
  readonly margins: Margins;
  private readonly footerReserve: number;
  private readonly onNewPage: ((page: PDFPage) => void) | undefined;
  private currentPage: PDFPage;
  /** Top of the next line, in PDF points from the page bottom. */
  y: number;

  constructor(doc: PDFDocument, opts: CursorOptions) {
    this.doc = doc;
    this.pageSize = opts.pageSize ?? A4;
    this.margins = opts.margins;
    this.footerReserve = opts.footerReserve ?? 0;
    this.onNewPage = opts.onNewPage;
    this.currentPage = this.addPage();
    this.y = this.top;
  }

  /** The page currently being filled. */
  get page(): PDFPage {
    return this.currentPage;
  }

  /** Left edge of the content box. */
  get left(): number {
    return this.margins.left;
  }

  /** Width of the content box. */
  get contentWidth(): number {
    return this.pageSize.width - this.margins.left - this.margins.right;
  }

  /** Highest y of the content box. */
  get top(): number {
    return this.pageSize.height - this.margins.top;
  }

  /** Lowest y any content may reach. */
  get bottom(): number {
    return this.margins.bottom + this.footerReserve;
  }

  /** Vertical space left on the current page. */
  get remaining(): number {
    return this.y - this.bottom;
  }

  private addPage(): PDFPage {
    const page = this.doc.addPage([this.pageSize.width, this.pageSize.height]);
    this.onNewPage?.(page);
    return page;
  }

  /** Starts a new page and resets the cursor to its top. */
  newPage(): void {
    this.currentPage = this.addPage();
    this.y = this.top;
  }

  /** Ensures `height` points fit below the cursor, breaking the page if not (a block taller than a page just starts on a fresh page). */
  ensureSpace(height: number): void {
    if (height > this.remaining && this.y < this.top) this.newPage();
  }

  /** Moves down by `dy`; never past the bottom (breaks the page instead at the next draw). */
  moveDown(dy: number): void {
    this.y = Math.max(this.y - dy, this.bottom);
  }

  /** Height a single line of `style` occupies. */
  static lineHeight(style: Pick<TextStyle, 'size' | 'leading'>): number {
    return style.size * (style.leading ?? 1.35);
  }

  /** Baseline y for a line of `style` whose top is at `top` (text vertically centred in its line box). */
  static baselineFor(top: number, style: Pick<TextStyle, 'size' | 'leading'>): number {
    // ~0.8·size approximates DejaVu's ascent above the baseline.
    return top - style.size * 0.8 - (LayoutCursor.lineHeight(style) - style.size) / 2;
  }

  /** Draws one pre-wrapped line at the cursor (page-breaking if needed) and advances. */
  drawLine(text: string, style: TextStyle): void {
    const lh = LayoutCursor.lineHeight(style);
    this.ensureSpace(lh);
    const indent = style.indent ?? 0;
    const width = style.width ?? this.contentWidth - indent;
    const textWidth = style.font.widthOfTextAtSize(text, style.size);
    const x0 = this.left + indent;
    const x = style.align === 'center' ? x0 + (width - textWidth) / 2 : style.align === 'right' ? x0 + width - textWidth : x0;
    const baseline = LayoutCursor.baselineFor(this.y, style);
    if (text !== '') {
      this.currentPage.drawText(text, { x, y: baseline, font: style.font, size: style.size, color: style.color ?? TEXT_COLOR });
    }
    this.y -= lh;
  }

  /** Wraps `text` to the style's width and draws it line by line (lines may flow onto following pages). Returns the lines drawn. */
  drawParagraph(text: string, style: TextStyle): string[] {
    const width = style.width ?? this.contentWidth - (style.indent ?? 0);
    const lines = wrapText(text, style.font, style.size, width);
    for (const line of lines) this.drawLine(line, style);
    return lines;
  }

  /** Draws a horizontal rule from `x` spanning `width` at `y` (absolute, current page). */
  drawRule(x: number, y: number, width: number, thickness = 0.6, color: RGB = TEXT_COLOR): void {
    this.currentPage.drawLine({ start: { x, y }, end: { x: x + width, y }, thickness, color });
  }
}

/** Footer configuration. */
export type FooterOptions = {
  fonts: PdfFonts;
  margins: Margins;
  /** Small note drawn bottom-left (wrapped; anything beyond 2 lines is dropped). */
  note?: string;
  size?: number;
};

/** Height the footer needs above the bottom margin, for `CursorOptions.footerReserve`. */
export function footerReserve(size = 8): number {
  return size * 1.3 * 2 + 12;
}

/** Stamps "i/n" (bottom-right) and the optional note (bottom-left) on every page; call after all content is laid out. */
export function drawFooters(doc: PDFDocument, opts: FooterOptions): void {
  const pages = doc.getPages();
  const size = opts.size ?? 8;
  const font = opts.fonts.regular;
  const total = pages.length;
  pages.forEach((page, index) => {
    const { width } = page.getSize();
    const label = `${index + 1}/${total}`;
    const labelWidth = font.widthOfTextAtSize(label, size);
    const right = width - opts.margins.right;
    const baseY = opts.margins.bottom;
    page.drawText(label, { x: right - labelWidth, y: baseY, font, size, color: MUTED_COLOR });
    page.drawLine({
      start: { x: opts.margins.left, y: baseY + size * 1.3 * 2 + 4 },
      end: { x: right, y: baseY + size * 1.3 * 2 + 4 },
      thickness: 0.4,
      color: MUTED_COLOR,
    });
    if (!opts.note) return;
    const noteWidth = right - opts.margins.left - labelWidth - 16;
    const lines = wrapText(opts.note, font, size, noteWidth).slice(0, 2);
    lines.forEach((line, i) => {
      const y = baseY + (lines.length - 1 - i) * size * 1.3;
      page.drawText(line, { x: opts.margins.left, y, font, size, color: MUTED_COLOR });
    });
  });
}
