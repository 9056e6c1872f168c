/**
 * Signing sheet for the "Memorandum on the Development of Social Work in
 * Municipalities": the memorandum text laid out like the annex of a council
 * decision (cf. Liepāja decision No. 271/9), followed by signature blocks.
 * All UI words come from the caller (`labels`); this module hard-codes no language.
 */
import { PDFDocument, type PDFPage } from 'pdf-lib';
import { A4, LayoutCursor, MUTED_COLOR, TEXT_COLOR, drawFooters, footerReserve, wrapText, type Margins, type TextStyle } from './layout';
import { embedFonts, setDocumentMetadata, type PdfFonts } from './fonts';

/** Input for {@link renderSigningSheet}; every visible string is supplied by the caller. */
export type SigningSheetInput = {
  title: string;
  paragraphs: string[];
  commitmentsIntro: string;
  commitments: string[];
  closingParagraphs: string[];
  municipalityName: string;
  councilBody: string | null;
  /** Preformatted by the caller, e.g. "Domes lēmums Nr. 271/9, 2021. gada 22. jūlijs". */
  decisionLine: string;
  /** `name: null` renders a blank line to write the name on (and, with `role: null`, one for the position). */
  signatureBlocks: SignatureBlock[];
  labels: SigningSheetLabels;
};

/** One signatory: heading ("… vārdā"), optional printed name and role; both null = blank lines for both, filled in by hand. */
export type SignatureBlock = { heading: string; name: string | null; role: string | null };

/** Caller-provided (i18n) words used by the layout. */
export type SigningSheetLabels = {
  annex: string;
  signature: string;
  nameAndSurname: string;
  position: string;
  date: string;
  generatedNote: string;
};

/** PDF `/Lang` of the produced document (the memorandum text is Latvian). */
export const SIGNING_SHEET_LANG = 'lv';

const MARGINS: Margins = { top: 56, right: 56, bottom: 40, left: 56 };
const BODY_SIZE = 10.5;
const PARAGRAPH_GAP = 6;
const LIST_NUMBER_INDENT = 8;
const LIST_TEXT_INDENT = 26;
const COLUMN_GUTTER = 28;
const SIGN_LINE_WIDTH = 190;

/**
 * Renders the signing sheet as an A4 PDF. Guarantees: text is real (extractable)
 * Unicode text in embedded DejaVu Sans subsets, content flows onto as many pages as
 * needed, each page carries "i/n" + `labels.generatedNote`, and the document has
 * Info title = `input.title`, producer "Memorands" and catalog `/Lang lv`.
 */
export async function renderSigningSheet(input: SigningSheetInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  setDocumentMetadata(doc, { title: input.title, language: SIGNING_SHEET_LANG });
  const fonts = await embedFonts(doc);
  const cursor = new LayoutCursor(doc, { pageSize: A4, margins: MARGINS, footerReserve: footerReserve() });

  drawAnnexHeader(cursor, fonts, input);
  drawTitle(cursor, fonts, input.title);
  drawBody(cursor, fonts, input);
  drawSignatureBlocks(cursor, fonts, input.signatureBlocks, input.labels);

  drawFooters(doc, { fonts, margins: MARGINS, note: input.labels.generatedNote });
  return doc.save();
}

function body(fonts: PdfFonts, extra: Partial<TextStyle> = {}): TextStyle {
  return { font: fonts.regular, size: BODY_SIZE, leading: 1.4, ...extra };
}

/** Right-aligned annex label block: "PIELIKUMS", municipality, council body, decision line. */
function drawAnnexHeader(cursor: LayoutCursor, fonts: PdfFonts, input: SigningSheetInput): void {
  const width = cursor.contentWidth * 0.6;
  const indent = cursor.contentWidth - width;
  const small = { size: 9, leading: 1.35, align: 'right' as const, indent, width };
  cursor.drawParagraph(input.labels.annex, { ...small, font: fonts.bold });
  cursor.drawParagraph(input.municipalityName, { ...small, font: fonts.regular });
  if (input.councilBody) cursor.drawParagraph(input.councilBody, { ...small, font: fonts.regular });
  cursor.drawParagraph(input.decisionLine, { ...small, font: fonts.regular });
  cursor.moveDown(26);
}

function drawTitle(cursor: LayoutCursor, fonts: PdfFonts, title: string): void {
  cursor.drawParagraph(title, { font: fonts.bold, size: 14, leading: 1.3, align: 'center' });
  cursor.moveDown(14);
}

function drawParagraphs(cursor: LayoutCursor, fonts: PdfFonts, paragraphs: string[]): void {
  for (const text of paragraphs) {
    cursor.drawParagraph(text, body(fonts));
    cursor.moveDown(PARAGRAPH_GAP);
  }
}

/** Numbered list with hanging indent: the number sits left, wrapped lines align with the text start. */
function drawNumberedList(cursor: LayoutCursor, fonts: PdfFonts, items: string[]): void {
  const textStyle = body(fonts, { indent: LIST_TEXT_INDENT });
  const width = cursor.contentWidth - LIST_TEXT_INDENT;
  items.forEach((item, i) => {
    const lines = wrapText(item, fonts.regular, BODY_SIZE, width);
    // Keep the number with at least the first two lines of its item.
    cursor.ensureSpace(LayoutCursor.lineHeight(textStyle) * Math.min(2, lines.length));
    // Draw the number first so extraction/reading order is "1. text…".
    cursor.page.drawText(`${i + 1}.`, {
      x: cursor.left + LIST_NUMBER_INDENT,
      y: LayoutCursor.baselineFor(cursor.y, textStyle),
      font: fonts.regular,
      size: BODY_SIZE,
      color: TEXT_COLOR,
    });
    lines.forEach((line) => cursor.drawLine(line, textStyle));
    cursor.moveDown(PARAGRAPH_GAP);
  });
}

function drawBody(cursor: LayoutCursor, fonts: PdfFonts, input: SigningSheetInput): void {
  drawParagraphs(cursor, fonts, input.paragraphs);
  cursor.drawParagraph(input.commitmentsIntro, body(fonts));
  cursor.moveDown(PARAGRAPH_GAP);
  drawNumberedList(cursor, fonts, input.commitments);
  drawParagraphs(cursor, fonts, input.closingParagraphs);
}

type BlockOp =
  | { kind: 'text'; text: string; dx: number; dy: number; size: number; bold?: boolean; muted?: boolean }
  | { kind: 'rule'; dx: number; dy: number; width: number };

/** A signature block measured in advance so it can be kept on one page. */
type MeasuredBlock = { height: number; ops: BlockOp[] };

/** Builds the drawing ops of one signature block for a column of `width`; dx/dy are offsets from the block's top-left. */
function measureBlock(block: SignatureBlock, labels: SigningSheetLabels, fonts: PdfFonts, width: number): MeasuredBlock {
  const ops: BlockOp[] = [];
  const ruleWidth = Math.min(width, SIGN_LINE_WIDTH);
  let dy = 0;
  const text = (t: string, size: number, opts: { bold?: boolean; muted?: boolean } = {}) => {
    const font = opts.bold ? fonts.bold : fonts.regular;
    for (const line of wrapText(t, font, size, width)) {
      ops.push({ kind: 'text', text: line, dx: 0, dy: dy + size * 0.8, size, ...opts });
      dy += size * 1.35;
    }
  };
  const signLine = (label: string) => {
    ops.push({ kind: 'rule', dx: 0, dy, width: ruleWidth });
    dy += 3;
    text(label, 7.5, { muted: true });
  };

  text(block.heading, 10, { bold: true });
  dy += 30;
  signLine(labels.signature);
  dy += 8;
  if (block.name) {
    text(block.name, 10);
  } else {
    dy += 18;
    signLine(labels.nameAndSurname);
    if (!block.role) {
      dy += 18;
      signLine(labels.position);
    }
  }
  if (block.role) text(block.role, 9, { muted: true });
  dy += 22;
  // "Date ________": label, then a rule starting right after it.
  const labelWidth = fonts.regular.widthOfTextAtSize(`${labels.date} `, 9);
  ops.push({ kind: 'text', text: labels.date, dx: 0, dy: dy - 1, size: 9 });
  ops.push({ kind: 'rule', dx: labelWidth, dy, width: Math.max(ruleWidth - labelWidth, 40) });
  dy += 4;
  return { height: dy, ops };
}

function drawBlock(page: PDFPage, fonts: PdfFonts, block: MeasuredBlock, x: number, top: number): void {
  for (const op of block.ops) {
    const ox = x + op.dx;
    const oy = top - op.dy;
    if (op.kind === 'rule') {
      page.drawLine({ start: { x: ox, y: oy }, end: { x: ox + op.width, y: oy }, thickness: 0.6, color: TEXT_COLOR });
    } else {
      page.drawText(op.text, {
        x: ox,
        y: oy,
        font: op.bold ? fonts.bold : fonts.regular,
        size: op.size,
        color: op.muted ? MUTED_COLOR : TEXT_COLOR,
      });
    }
  }
}

/** Rows: the first signatory (the council) alone, the rest two per row. */
function toRows<T>(items: T[]): T[][] {
  const [first, ...rest] = items;
  const rows: T[][] = first === undefined ? [] : [[first]];
  for (let i = 0; i < rest.length; i += 2) rows.push(rest.slice(i, i + 2));
  return rows;
}

function drawSignatureBlocks(cursor: LayoutCursor, fonts: PdfFonts, blocks: SignatureBlock[], labels: SigningSheetLabels): void {
  const colWidth = (cursor.contentWidth - COLUMN_GUTTER) / 2;
  cursor.moveDown(18);
  for (const row of toRows(blocks)) {
    const measured = row.map((b) => measureBlock(b, labels, fonts, colWidth));
    const height = Math.max(...measured.map((m) => m.height));
    cursor.ensureSpace(height);
    measured.forEach((m, col) => drawBlock(cursor.page, fonts, m, cursor.left + col * (colWidth + COLUMN_GUTTER), cursor.y));
    cursor.moveDown(height + 22);
  }
}
