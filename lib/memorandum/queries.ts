import 'server-only';
import { db } from '@/lib/db/client';

export type Issuer = { nameLv: string; nameEn: string; signedBy: string; roleLv: string; roleEn: string };

/** The current memorandum version with its commitments in order, or null before seeding. */
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
      commitments: { orderBy: { position: 'asc' }, select: { key: true, position: true, shortLv: true, shortEn: true, textLv: true, textEn: true } },
    },
  });
  return m ? { ...m, issuers: m.issuers as Issuer[] } : null;
}

/** "1. Resursi" etc. keyed by commitment key, in the page's language. */
export function commitmentTitles(
  memo: { commitments: { key: string; position: number; shortLv: string; shortEn: string }[] } | null,
  locale: 'lv' | 'en',
): Record<string, string> {
  return Object.fromEntries((memo?.commitments ?? []).map((c) => [c.key, `${c.position}. ${locale === 'lv' ? c.shortLv : c.shortEn}`]));
}

/** Splits the memorandum's Markdown into paragraphs and list items (the text has no other syntax). */
export function parseMemorandumText(markdown: string): { title: string; blocks: ({ type: 'p'; text: string } | { type: 'ul'; items: string[] })[] } {
  const lines = markdown.split(/\r?\n/);
  let title = '';
  const blocks: ({ type: 'p'; text: string } | { type: 'ul'; items: string[] })[] = [];
  for (const line of lines) {
    const text = line.trim();
    if (!text) continue;
    if (text.startsWith('# ')) {
      title = text.slice(2);
      continue;
    }
    if (text.startsWith('- ')) {
      const last = blocks[blocks.length - 1];
      if (last?.type === 'ul') last.items.push(text.slice(2));
      else blocks.push({ type: 'ul', items: [text.slice(2)] });
      continue;
    }
    blocks.push({ type: 'p', text });
  }
  return { title, blocks };
}
