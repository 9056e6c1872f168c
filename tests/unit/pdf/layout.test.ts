import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { LayoutCursor, normaliseSpaces, wrapText } from '@/lib/pdf/layout';
import { PDF_FONT_DIR, embedFonts, loadFontBytes } from '@/lib/pdf/fonts';
import path from 'node:path';

async function fonts() {
  return embedFonts(await PDFDocument.create());
}

describe('pdf layout helpers', () => {
  it('resolves fonts under <cwd>/lib/pdf/fonts and caches the bytes', async () => {
    expect(PDF_FONT_DIR).toBe(path.join(process.cwd(), 'lib', 'pdf', 'fonts'));
    const a = await loadFontBytes();
    const b = await loadFontBytes();
    expect(a).toBe(b);
    expect(a.regular.length).toBeGreaterThan(100_000);
    expect(a.bold.length).toBeGreaterThan(100_000);
  });

  it('wraps text so each line fits and no words are lost', async () => {
    const { regular } = await fonts();
    const text = 'Latvijas  pašvaldībām šogad ir divkāršs izaicinājums –\n gan vietvaru vēlēšanas, gan reforma. '.repeat(8);
    const lines = wrapText(text, regular, 11, 200);
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(regular.widthOfTextAtSize(line, 11)).toBeLessThanOrEqual(200);
    expect(lines.join(' ')).toBe(normaliseSpaces(text));
  });

  it('splits words wider than the line and returns [] for blank text', async () => {
    const { regular } = await fonts();
    const word = 'Ž'.repeat(80);
    const lines = wrapText(`a ${word} b`, regular, 10, 100);
    for (const line of lines) expect(regular.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(100);
    expect(lines.join('').replace(/ /g, '')).toBe(`a${word}b`);
    expect(wrapText('   \n ', regular, 10, 100)).toEqual([]);
  });

  it('never breaks at a no-break space', async () => {
    const { regular } = await fonts();
    const text = 'Domes lēmums Nr.\u00a0271/9 '.repeat(20);
    const lines = wrapText(text, regular, 10, 120);
    for (const line of lines) {
      expect(line.startsWith('271/9')).toBe(false);
      expect(line.endsWith('Nr.')).toBe(false);
    }
  });

  it('breaks pages when the cursor runs out of space', async () => {
    const doc = await PDFDocument.create();
    const f = await embedFonts(doc);
    let headers = 0;
    const cursor = new LayoutCursor(doc, {
      margins: { top: 50, right: 50, bottom: 50, left: 50 },
      footerReserve: 20,
      onNewPage: () => headers++,
    });
    for (let i = 0; i < 200; i++) {
      cursor.drawLine(`Rinda ${i}`, { font: f.regular, size: 12 });
      expect(cursor.y).toBeGreaterThanOrEqual(cursor.bottom - 1e-9);
    }
    expect(doc.getPageCount()).toBeGreaterThan(3);
    expect(headers).toBe(doc.getPageCount());
  });
});
