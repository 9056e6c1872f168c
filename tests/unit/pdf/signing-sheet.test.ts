import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, PDFHexString, PDFString } from 'pdf-lib';
import { renderSigningSheet, type SigningSheetInput } from '@/lib/pdf/signing-sheet';
import { A4 } from '@/lib/pdf/layout';
import { extractPdfPages, extractPdfText } from './extract-text';
import { memorandumDocument } from '@/lib/memorandum/text';
import { readFileSync } from 'node:fs';
import path from 'node:path';

// Real memorandum text (prisma/data/memorandum.lv.md, laid out by the product's own lib/memorandum) and the Liepāja annex signatories.
function loadMemorandumLv(): Pick<SigningSheetInput, 'title' | 'paragraphs' | 'commitmentsIntro' | 'commitments' | 'closingParagraphs'> {
  return memorandumDocument(readFileSync(path.join(process.cwd(), 'prisma/data/memorandum.lv.md'), 'utf8'));
}

/** A complete, realistic input (Liepāja, decision No. 271/9). */
function liepajaInput(overrides: Partial<SigningSheetInput> = {}): SigningSheetInput {
  return {
    ...loadMemorandumLv(),
    municipalityName: 'Liepājas valstspilsēta',
    councilBody: 'Liepājas valstspilsētas pašvaldības dome',
    decisionLine: 'Domes lēmums Nr. 271/9, 2021. gada 22. jūlijs',
    signatureBlocks: [
      { heading: 'Liepājas pilsētas domes vārdā', name: null, role: null },
      {
        heading: 'Latvijas Pašvaldību sociālo dienestu vadītāju apvienības vārdā',
        name: 'Ina Behmane',
        role: 'valdes priekšsēdētāja',
      },
      { heading: 'Latvijas sociālo darbinieku biedrības vārdā', name: 'Una Lapskalna', role: 'valdes priekšsēdētāja' },
    ],
    labels: {
      annex: 'PIELIKUMS',
      signature: 'paraksts',
      nameAndSurname: 'vārds, uzvārds',
      position: 'amats',
      date: 'Datums',
      generatedNote: 'Sagatavots portālā “Memorands”. Dokuments ir derīgs ar parakstiem.',
    },
    ...overrides,
  };
}

const ALPHABET = 'ŽŪŠĶĻŅĢĒČĀĪ žūšķļņģēčāī';
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

async function timedRender(label: string, input: SigningSheetInput): Promise<Uint8Array> {
  const t0 = performance.now();
  const bytes = await renderSigningSheet(input);
  const ms = performance.now() - t0;
  console.info(`[signing-sheet] ${label}: ${ms.toFixed(1)} ms, ${bytes.length} bytes`);
  return bytes;
}

describe('renderSigningSheet', () => {
  it('renders Latvian text (all diacritics) that pdf.js extracts verbatim', async () => {
    const liepaja = liepajaInput({ paragraphs: [...liepajaInput().paragraphs, `Burti: ${ALPHABET}.`] });
    const jekabpils = liepajaInput({
      municipalityName: 'Jēkabpils novads',
      councilBody: null,
      decisionLine: 'Domes lēmums Nr. 12/3, 2021. gada 26. augusts',
      signatureBlocks: [{ heading: 'Jēkabpils novada domes vārdā', name: null, role: null }],
    });
    const [a, b] = [await timedRender('first (cold font cache)', liepaja), await timedRender('second (warm)', jekabpils)];
    const textA = await extractPdfText(a);
    const textB = await extractPdfText(b);

    expect(textA).toContain('Liepājas valstspilsēta');
    expect(textA).toContain('Liepājas valstspilsētas pašvaldības dome');
    expect(textA).toContain(ALPHABET);
    expect(textA).toContain('Domes lēmums Nr. 271/9, 2021. gada 22. jūlijs');
    expect(textA).toContain(norm(liepaja.title));
    expect(textA).toContain(norm(liepaja.commitmentsIntro));
    expect(liepaja.commitments).toHaveLength(3);
    for (const c of liepaja.commitments) expect(textA).toContain(norm(c));
    for (const p of [...liepaja.paragraphs, ...liepaja.closingParagraphs]) expect(textA).toContain(norm(p));
    for (const s of ['Ina Behmane', 'Una Lapskalna', 'valdes priekšsēdētāja', 'Liepājas pilsētas domes vārdā']) {
      expect(textA).toContain(s);
    }

    expect(textB).toContain('Jēkabpils novads');
    expect(textB).toContain('Domes lēmums Nr. 12/3, 2021. gada 26. augusts');
    expect(textB).not.toContain('Liepājas valstspilsēta');
  });

  it('numbers the commitments 1., 2., 3. in reading order', async () => {
    const input = liepajaInput();
    const text = await extractPdfText(await renderSigningSheet(input));
    input.commitments.forEach((c, i) => expect(text).toContain(`${i + 1}. ${norm(c)}`));
  });

  it('sets title, producer and catalog /Lang lv, and embeds subset fonts', async () => {
    const input = liepajaInput();
    const bytes = await renderSigningSheet(input);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe(input.title);
    expect(doc.getProducer()).toBe('Memorands');
    const lang = doc.catalog.lookup(PDFName.of('Lang'));
    expect(lang instanceof PDFString || lang instanceof PDFHexString).toBe(true);
    expect((lang as PDFString | PDFHexString).decodeText()).toBe('lv');
    // Full DejaVu Sans regular+bold are ~1.4 MB; subsets keep the sheet small.
    expect(bytes.length).toBeLessThan(150_000);
    for (const page of doc.getPages()) {
      expect(page.getWidth()).toBeCloseTo(A4.width, 1);
      expect(page.getHeight()).toBeCloseTo(A4.height, 1);
    }
  });

  it('takes every visible word from the caller (no hard-coded Latvian UI words)', async () => {
    const input = liepajaInput({
      labels: {
        annex: 'ANNEX',
        signature: 'signature',
        nameAndSurname: 'name, surname',
        position: 'position',
        date: 'Date',
        generatedNote: 'Generated by Memorands',
      },
    });
    const text = await extractPdfText(await renderSigningSheet(input));
    for (const s of ['ANNEX', 'signature', 'name, surname', 'Date', 'Generated by Memorands']) expect(text).toContain(s);
    for (const s of ['PIELIKUMS', 'paraksts', 'vārds, uzvārds', 'Datums']) expect(text).not.toContain(s);
  });

  it('flows long text onto several pages with an i/n footer and note on each', async () => {
    const base = liepajaInput();
    const long = Array.from({ length: 12 }, (_, i) => `Rindkopa ${i + 1}. ${base.paragraphs.join(' ')}`);
    const marker = `Pēdējā rindkopa ${ALPHABET}.`;
    const input = liepajaInput({ paragraphs: long, closingParagraphs: [...base.closingParagraphs, marker] });
    const bytes = await timedRender('long (multi-page)', input);
    const pages = await extractPdfPages(bytes);

    expect(pages.length).toBeGreaterThanOrEqual(4);
    pages.forEach((text, i) => {
      expect(text).toContain(`${i + 1}/${pages.length}`);
      expect(text).toContain(norm(input.labels.generatedNote));
    });
    const all = pages.join(' ');
    for (const p of long) expect(all).toContain(norm(p).slice(-80));
    expect(all).toContain(marker);
    for (const c of input.commitments) expect(all).toContain(norm(c));
    expect(pages.at(-1)).toContain('Una Lapskalna');
  });

  it('keeps every text item inside the page margins', async () => {
    const base = liepajaInput();
    const input = liepajaInput({ paragraphs: [...base.paragraphs, ...base.paragraphs, 'X'.repeat(300)] });
    const bytes = await renderSigningSheet(input);
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const task = getDocument({ data: bytes.slice(), verbosity: 0 });
    const doc = await task.promise;
    try {
      for (let n = 1; n <= doc.numPages; n++) {
        const content = await (await doc.getPage(n)).getTextContent();
        for (const item of content.items) {
          if (!('str' in item) || item.str.trim() === '') continue;
          const [, , , , x, y] = item.transform as number[];
          expect(x).toBeGreaterThanOrEqual(56 - 0.5);
          expect((x ?? 0) + item.width).toBeLessThanOrEqual(A4.width - 56 + 0.5);
          expect(y).toBeGreaterThanOrEqual(30);
          expect(y).toBeLessThanOrEqual(A4.height - 56);
        }
      }
    } finally {
      await task.destroy();
    }
  });

  it('renders blank name lines when the signatory name is unknown', async () => {
    const input = liepajaInput({
      signatureBlocks: [{ heading: 'Domes vārdā', name: null, role: 'domes priekšsēdētājs' }],
    });
    const text = await extractPdfText(await renderSigningSheet(input));
    expect(text).toContain('Domes vārdā paraksts vārds, uzvārds domes priekšsēdētājs Datums');
  });

  it('renders blank lines for name and position when neither is known (an association without a current, sourced signatory)', async () => {
    const input = liepajaInput({
      signatureBlocks: [{ heading: 'Latvijas sociālo darbinieku biedrības vārdā', name: null, role: null }],
    });
    const text = norm(await extractPdfText(await renderSigningSheet(input)));
    expect(text).toContain('Latvijas sociālo darbinieku biedrības vārdā paraksts vārds, uzvārds amats Datums');
  });
});
