/**
 * The memorandum's text, read one way (ADR 0190): the Markdown stored in
 * `Memorandum.textLv`/`textEn` (seeded from prisma/data/memorandum.{lv,en}.md:
 * the annex of Liepāja decision No. 271/9, verbatim, and our translation).
 * The commitments are that text's one list; their sentences exist nowhere
 * else (tests/unit/memorandum/one-source.test.ts). Pure: no database here.
 */

export type MemorandumBlock = { type: 'p'; text: string } | { type: 'ul'; items: string[] };

/** Splits the memorandum's Markdown into paragraphs and list items (the text has no other syntax). */
export function parseMemorandumText(markdown: string): { title: string; blocks: MemorandumBlock[] } {
  let title = '';
  const blocks: MemorandumBlock[] = [];
  for (const line of markdown.split(/\r?\n/)) {
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

/** The memorandum laid out as the annex is: paragraphs, the sentence introducing the commitments, the commitments as listed, the closing. */
export type MemorandumDocument = {
  title: string;
  paragraphs: string[];
  commitmentsIntro: string;
  /** The list items verbatim, with the list's own punctuation ("…plānošanā,"). */
  commitments: string[];
  closingParagraphs: string[];
};

/** The memorandum's parts; throws when the text has no list of commitments (the seed refuses such a file). */
export function memorandumDocument(markdown: string): MemorandumDocument {
  const { title, blocks } = parseMemorandumText(markdown);
  const listIndex = blocks.findIndex((b) => b.type === 'ul');
  const list = blocks[listIndex];
  if (list?.type !== 'ul') throw new Error('The memorandum text has no list of commitments');
  const paragraphsOf = (bs: MemorandumBlock[]) => bs.flatMap((b) => (b.type === 'p' ? [b.text] : []));
  const before = paragraphsOf(blocks.slice(0, listIndex));
  return {
    title,
    paragraphs: before.slice(0, -1),
    commitmentsIntro: before[before.length - 1] ?? '',
    commitments: list.items,
    closingParagraphs: paragraphsOf(blocks.slice(listIndex + 1)),
  };
}

/** A commitment on its own: the list item without the list's punctuation at its end (",", ";", "."). */
export function commitmentSentence(item: string): string {
  return item.replace(/\s*[,;.]\s*$/, '');
}

/** The commitments' sentences in their order in the text (position 1, 2, 3). */
export function commitmentSentences(markdown: string): string[] {
  return memorandumDocument(markdown).commitments.map(commitmentSentence);
}
