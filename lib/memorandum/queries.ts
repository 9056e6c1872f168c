import 'server-only';
import { db } from '@/lib/db/client';
import { commitmentSentences } from './text';

export { memorandumDocument, parseMemorandumText } from './text';

export type Issuer = { nameLv: string; nameEn: string; signedBy: string; roleLv: string; roleEn: string };

/**
 * The current memorandum version with its commitments in order, or null before seeding: the one way pages, PDFs,
 * exports and the signing sheet read it. Each commitment's `textLv`/`textEn` is the sentence at its position in the
 * memorandum's text (the text's list, ADR 0190), never a copy kept beside it.
 */
export async function findMemorandum() {
  const m = await db().memorandum.findFirst({
    orderBy: { version: 'desc' },
    select: {
      version: true,
      titleLv: true,
      titleEn: true,
      textLv: true,
      textEn: true,
      issuers: true,
      sourceNote: true,
      commitments: { orderBy: { position: 'asc' }, select: { key: true, position: true, shortLv: true, shortEn: true } },
    },
  });
  if (!m) return null;
  const [lv, en] = [commitmentSentences(m.textLv), commitmentSentences(m.textEn)];
  const commitments = m.commitments.map((c) => ({ ...c, textLv: lv[c.position - 1] ?? '', textEn: en[c.position - 1] ?? '' }));
  return { ...m, commitments, issuers: m.issuers as Issuer[] };
}

/** "1. Resursi" etc. keyed by commitment key, in the page's language. */
export function commitmentTitles(
  memo: { commitments: { key: string; position: number; shortLv: string; shortEn: string }[] } | null,
  locale: 'lv' | 'en',
): Record<string, string> {
  return Object.fromEntries((memo?.commitments ?? []).map((c) => [c.key, `${c.position}. ${locale === 'lv' ? c.shortLv : c.shortEn}`]));
}
