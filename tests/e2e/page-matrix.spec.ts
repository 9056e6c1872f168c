import type { APIRequestContext, BrowserContext } from '@playwright/test';
import { test, expect, signInApi } from './support/fixtures';
import { createUser, municipalityIdOf, resetReport, sql, type TestUser } from './support/db';
import { discoverPages } from './support/routes';

/**
 * Every page under app/ × who is asking → what they get, declared in one
 * table: the page (200), the 403 page, a redirect to sign-in that returns
 * to the page, another redirect, or the not-found page. Rows are written
 * for Latvian; each is also checked in English (`/en`, redirects to `/en/…`). A page without a
 * row fails the first test (pages are discovered from the file system, as
 * the API matrix discovers route handlers). Real server, real database.
 *
 * "own" is Mārupes novads (a verified signatory with a submitted 2022
 * report, made here: no other spec uses it); the other secretary is
 * Salaspils novads' (no data of it is touched).
 */
type Who = 'public' | 'secretaryOwn' | 'secretaryOther' | 'staff' | 'admin';
const WHO: Who[] = ['public', 'secretaryOwn', 'secretaryOther', 'staff', 'admin'];
/** 'redirect:/lv/x' = a redirect to exactly that path. */
type Outcome = 'page' | 'forbidden' | 'signin' | 'not-found' | `redirect:${string}`;
/** What no row may expect: a sign-in that returns elsewhere, or another status. */
type Unexpected = `signin with next=${string}` | `status ${number}`;
type Row = { path: () => string; expect: Record<Who, Outcome> };

const OWN = 'marupes-novads';
const OTHER = 'salaspils-novads';
const ids = { accession: '', report: '' };

const everyone = (outcome: Outcome): Record<Who, Outcome> => ({
  public: outcome,
  secretaryOwn: outcome,
  secretaryOther: outcome,
  staff: outcome,
  admin: outcome,
});
/** Signed-in only; staff and admins. */
const staffOnly: Record<Who, Outcome> = { public: 'signin', secretaryOwn: 'forbidden', secretaryOther: 'forbidden', staff: 'page', admin: 'page' };
const adminOnly: Record<Who, Outcome> = { ...staffOnly, staff: 'forbidden' };
/** The municipality's own secretary and staff (read-only for staff); not another municipality's secretary. */
const ownSecretaryOrStaff: Record<Who, Outcome> = { public: 'signin', secretaryOwn: 'page', secretaryOther: 'forbidden', staff: 'page', admin: 'page' };

export const PAGES: Record<string, Row> = {
  '/[locale]': { path: () => '/lv', expect: everyone('page') },
  '/[locale]/[...missing]': { path: () => '/lv/no-such-page/here', expect: everyone('not-found') },
  '/[locale]/memorandum': { path: () => '/lv/memorandum', expect: everyone('page') },
  '/[locale]/data': { path: () => '/lv/data', expect: everyone('page') },
  '/[locale]/municipalities/[slug]': { path: () => `/lv/municipalities/${OWN}`, expect: everyone('page') },
  '/[locale]/forgot-password': { path: () => '/lv/forgot-password', expect: everyone('page') },
  // An unknown token is a page saying the link is not valid (for anyone: the link is the credential).
  '/[locale]/invite/[token]': { path: () => '/lv/invite/not-a-real-token', expect: everyone('page') },
  '/[locale]/reset-password/[token]': { path: () => '/lv/reset-password/not-a-real-token', expect: everyone('page') },
  '/[locale]/signin': {
    path: () => '/lv/signin',
    expect: {
      public: 'page',
      secretaryOwn: 'redirect:/lv/account',
      secretaryOther: 'redirect:/lv/account',
      staff: 'redirect:/lv/account',
      admin: 'redirect:/lv/account',
    },
  },
  '/[locale]/account': {
    path: () => '/lv/account',
    expect: {
      public: 'signin',
      secretaryOwn: `redirect:/lv/secretary/${OWN}`,
      secretaryOther: `redirect:/lv/secretary/${OTHER}`,
      staff: 'redirect:/lv/staff',
      admin: 'redirect:/lv/staff',
    },
  },
  '/[locale]/secretary': { path: () => '/lv/secretary', expect: everyone('redirect:/lv/account') },
  '/[locale]/secretary/[slug]': { path: () => `/lv/secretary/${OWN}`, expect: ownSecretaryOrStaff },
  // ADR 0215: a report's address is its term and year; the year alone redirects to the one period it names.
  '/[locale]/secretary/[slug]/reports/[term]': {
    path: () => `/lv/secretary/${OWN}/reports/2022`,
    expect: {
      public: 'signin',
      secretaryOwn: `redirect:/lv/secretary/${OWN}/reports/2021-2025/2022`,
      secretaryOther: 'forbidden',
      staff: `redirect:/lv/secretary/${OWN}/reports/2021-2025/2022`,
      admin: `redirect:/lv/secretary/${OWN}/reports/2021-2025/2022`,
    },
  },
  '/[locale]/secretary/[slug]/reports/[term]/[year]': { path: () => `/lv/secretary/${OWN}/reports/2021-2025/2022`, expect: ownSecretaryOrStaff },
  '/[locale]/staff': { path: () => '/lv/staff', expect: staffOnly },
  '/[locale]/staff/accessions/[id]': { path: () => `/lv/staff/accessions/${ids.accession}`, expect: staffOnly },
  '/[locale]/staff/reports/[id]': { path: () => `/lv/staff/reports/${ids.report}`, expect: staffOnly },
  '/[locale]/staff/audit': { path: () => '/lv/staff/audit', expect: staffOnly },
  '/[locale]/staff/reporting': { path: () => '/lv/staff/reporting', expect: staffOnly },
  '/[locale]/staff/terms': { path: () => '/lv/staff/terms', expect: staffOnly },
  '/[locale]/staff/official-data': { path: () => '/lv/staff/official-data', expect: staffOnly },
  '/[locale]/staff/users': { path: () => '/lv/staff/users', expect: staffOnly },
  '/[locale]/staff/outbox': { path: () => '/lv/staff/outbox', expect: adminOnly },
};

test('every page has a row in the page authorization matrix', () => {
  const pages = discoverPages();
  expect(pages.length).toBeGreaterThan(0);
  expect(pages.filter((p) => !(p in PAGES))).toEqual([]);
  expect(Object.keys(PAGES).filter((k) => !pages.includes(k))).toEqual([]);
});

const contexts: Partial<Record<Who, BrowserContext>> = {};
test.beforeAll(async ({ browser }) => {
  const report = await resetReport(OWN, 2022, 'SUBMITTED');
  ids.report = report.id;
  const { rows } = await sql().query<{ id: string }>(`SELECT "id" FROM "Accession" WHERE "municipalityId" = $1 AND "status" = 'VERIFIED'`, [
    await municipalityIdOf(OWN),
  ]);
  ids.accession = rows[0]!.id;
  const users: Record<Exclude<Who, 'public'>, TestUser> = {
    secretaryOwn: await createUser('SECRETARY', OWN),
    secretaryOther: await createUser('SECRETARY', OTHER),
    staff: await createUser('STAFF'),
    admin: await createUser('ADMIN'),
  };
  for (const who of WHO) {
    const context = await browser.newContext();
    if (who !== 'public') await signInApi(context.request, users[who]);
    contexts[who] = context;
  }
});
test.afterAll(async () => {
  for (const context of Object.values(contexts)) await context?.close();
});

/** What `path` gives `request`, in the matrix's terms (with the evidence for a failure message). */
async function outcomeOf(request: APIRequestContext, path: string): Promise<{ outcome: Outcome | Unexpected; detail: string }> {
  const res = await request.get(path, { maxRedirects: 0 });
  const status = res.status();
  const location = res.headers()['location'];
  if (status >= 300 && status < 400 && location) {
    const target = new URL(location, 'http://x.invalid');
    if (target.pathname === `${path.slice(0, 3)}/signin`) {
      // The sign-in redirect returns to the page afterwards (the outbox adds its page number).
      const next = target.searchParams.get('next') ?? '';
      return { outcome: new URL(next, 'http://x.invalid').pathname === path ? 'signin' : `signin with next=${next}`, detail: location };
    }
    return { outcome: `redirect:${target.pathname}${target.search}`, detail: `${status} ${location}` };
  }
  const body = await res.text();
  // Note: Next renders the 403 page into the document from its flight data, so the marker may be JSON-escaped there.
  const isForbiddenPage = body.includes('data-testid="forbidden"') || body.includes('\\"data-testid\\":\\"forbidden\\"');
  if (status === 403 && isForbiddenPage) return { outcome: 'forbidden', detail: '' };
  if (status === 404) return { outcome: 'not-found', detail: '' };
  if (status === 200 && !body.includes('id="__next_error__"') && /<h1[\s>]/.test(body)) return { outcome: 'page', detail: '' };
  return { outcome: `status ${status}`, detail: body.slice(0, 300) };
}

/** The row's path and outcomes in `locale` (rows are written for /lv). */
const inLocale = (row: Row, locale: 'lv' | 'en') => ({
  path: row.path().replace(/^\/lv\b/, `/${locale}`),
  expect: Object.fromEntries(WHO.map((who) => [who, row.expect[who].replace(/^redirect:\/lv\b/, `redirect:/${locale}`)])) as Record<Who, Outcome>,
});

for (const [route, row] of Object.entries(PAGES)) {
  test(`page authz: ${route}`, async () => {
    for (const locale of ['lv', 'en'] as const) {
      const { path, expect: expected } = inLocale(row, locale);
      const seen: Record<string, string> = {};
      for (const who of WHO) {
        const { outcome, detail } = await outcomeOf(contexts[who]!.request, path);
        seen[who] = outcome === expected[who] ? outcome : `${outcome} (${detail})`;
      }
      expect(seen, path).toEqual(expected);
    }
  });
}
