import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { findMemorandum, memorandumDocument } from '@/lib/memorandum/queries';
import { buildSigningSheet } from '@/lib/accessions/signing-sheet';
import { extractPdfText } from '../unit/pdf/extract-text';
import { memorandumPageResponse } from '@/lib/site/public-pages';
import { buildStylesheet } from '../../scripts/build-stylesheet';
import { actorOf, createUser, resetDatabase } from './db-utils';

/**
 * The commitments are read from one stored row (ADR 0190): the memorandum's text, seeded from
 * prisma/data/memorandum.{lv,en}.md. The memorandum page (findMemorandum) and the signing sheet show the same
 * sentences, and a change of that row changes both; no other column holds them.
 */
const words = (s: string) => s.replace(/\s+/g, ' ').trim();

async function signingSheetText(): Promise<string> {
  const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' }));
  const { bytes } = await buildSigningSheet({ actor: secretary, municipalitySlug: 'liepaja' });
  return words(await extractPdfText(bytes));
}

describe('the commitments come from the memorandum text in the database', () => {
  beforeEach(resetDatabase);

  it('the page and the signing sheet show the sentences of the stored text, and no other column has them', async () => {
    const memo = (await findMemorandum())!;
    const document = memorandumDocument(memo.textLv);
    expect(memo.commitments.map((c) => c.key)).toEqual(['resources', 'staff', 'cooperation']);
    expect(memo.commitments.map((c) => c.textLv)).toEqual(document.commitments.map((item) => item.replace(/[,.]$/, '')));
    expect(memo.commitments[0]!.textLv).toMatch(/^atvēlēt sociālajam dienestam pietiekamus administratīvos, .* plānošanā$/);
    expect(memo.commitments[0]!.textEn).toMatch(/^to allocate sufficient administrative, .* service planning$/);

    const sheet = await signingSheetText();
    for (const c of memo.commitments) expect(sheet).toContain(words(c.textLv));

    const columns = await db().$queryRaw<{ column_name: string }[]>`
      SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'Commitment'`;
    expect(columns.map((c) => c.column_name).sort()).toEqual(['id', 'key', 'memorandumId', 'position', 'shortEn', 'shortLv']);
  });

  it('a corrected memorandum row changes the page and the signing sheet alike', async () => {
    const before = (await findMemorandum())!;
    const original = before.commitments[1]!.textLv;
    const corrected = original.replace('rūpēties par mūsdienīgu darba vidi', 'rūpēties par mūsdienīgu un drošu darba vidi');
    expect(corrected).not.toBe(original);
    await db().memorandum.update({ where: { version: before.version }, data: { textLv: before.textLv.replace(original, corrected) } });

    const after = (await findMemorandum())!;
    expect(after.commitments[1]!.textLv).toBe(corrected);
    const sheet = await signingSheetText();
    expect(sheet).toContain(words(corrected));
    expect(sheet).not.toContain(words(original));
  });
});

describe('the associations on the signing sheet and the memorandum page (QA s13 M6, ADR 0222)', () => {
  beforeEach(resetDatabase);

  it('the sheet names each association with blank lines for name, position, signature and date, never the 2021 signatories', async () => {
    const sheet = await signingSheetText();
    for (const heading of ['Latvijas Pašvaldību sociālo dienestu vadītāju apvienības vārdā', 'Latvijas sociālo darbinieku biedrības vārdā']) {
      expect(sheet).toContain(`${heading} paraksts vārds, uzvārds amats datums`);
    }
    expect(sheet).not.toMatch(/Behmane|Lapskalna|valdes priekšsēdētāja/);
  });

  it('the memorandum page keeps the 2021 signatories as a cited historical fact', async () => {
    await buildStylesheet(process.cwd());
    for (const [locale, text] of [
      ['lv', '2021. gadā parakstīja Ina Behmane, valdes priekšsēdētāja (Liepājas valstspilsētas domes 2021. gada 22. jūlija lēmuma Nr. 271/9 pielikums).'],
      ['en', 'Signed in 2021 by Una Lapskalna, Chair of the Board (annex to Liepāja state city council decision No. 271/9 of 22 July 2021).'],
    ] as const) {
      const html = await (await memorandumPageResponse({ locale, pathname: `/${locale}/memorandum` })).text();
      expect(words(html.replace(/<[^>]+>/g, ' '))).toContain(text);
    }
  });
});
