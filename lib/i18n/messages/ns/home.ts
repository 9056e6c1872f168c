import type { Widen } from '../lv';

/** UI strings of the home page's paged municipality list (issue 14: 10 000 bodies); en must have every key of lv. */
const lv = {
  listPages: 'Pašvaldību saraksta lapas',
  /** The link before the map's 42 tab stops (QA s13). */
  skipMap: 'Pāriet uz pašvaldību sarakstu',
};

const en: Widen<typeof lv> = {
  listPages: 'Pages of the municipality list',
  skipMap: 'Skip to the list of municipalities',
};

export const homeMessages = { lv, en };
