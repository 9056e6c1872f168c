import type { Widen } from '../lv';

/** UI strings of the home page's paged municipality list (issue 14: 10 000 bodies); en must have every key of lv. */
const lv = {
  listPages: 'Pašvaldību saraksta lapas',
};

const en: Widen<typeof lv> = {
  listPages: 'Pages of the municipality list',
};

export const homeMessages = { lv, en };
