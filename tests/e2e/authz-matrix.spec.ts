import { randomBytes, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, signInApi } from './support/fixtures';
import { PDFDocument } from 'pdf-lib';
import { auditActionsSince, createUser, lastAuditId, insertDocument, municipalityIdOf, resetAccession, resetReport, sql, type TestUser } from './support/db';
import { discoverHandlers, discoverServerActions } from './support/routes';
import { ROOT } from '../support/run-script';

/**
 * Every route handler (and server action, should one appear) × role ×
 * own/other municipality, with the expected HTTP status. A handler without
 * a row fails the first test. "own" is Tukuma novads; the other secretary is Rīga's.
 */
type Who = 'public' | 'secretaryOwn' | 'secretaryOther' | 'staff' | 'admin';
const WHO: Who[] = ['public', 'secretaryOwn', 'secretaryOther', 'staff', 'admin'];
type Prepared = {
  path?: string;
  body?: unknown;
  raw?: Buffer;
  /** The subject the call's audit row names, when the caller is not its actor (accepting an invitation, resetting a password). */
  auditSubjectId?: string;
};
type Row = {
  path: string;
  /** Per call: puts the data in the state the call needs; may give the path and body. */
  prepare?: (who: Who) => Promise<Prepared>;
  body?: (who: Who) => unknown;
  headers?: (who: Who) => Record<string, string>;
  expect: Record<Who, number>;
  /**
   * The audit action a successful call writes, exactly once, for this request (by its actor, or by its
   * `auditSubjectId`); null = none. Every successful call that is not a GET must declare it; GETs default to none.
   */
  audit?: (who: Who) => string | null;
};

const all = (status: number): Record<Who, number> => ({ public: status, secretaryOwn: status, secretaryOther: status, staff: status, admin: status });
let seq = 0;
const uniqueIp = () => `198.51.100.${(seq += 1) % 250}`;

async function freshInvitation(): Promise<{ id: string; token: string }> {
  const token = randomBytes(32).toString('base64url');
  const hash = createHash('sha256').update(token).digest('hex');
  const id = `inv${Date.now()}${(seq += 1)}`;
  await sql().query(
    `INSERT INTO "Invitation" ("id", "tokenHash", "email", "role", "municipalityId", "expiresAt") VALUES ($1, $2, $3, 'SECRETARY', $4, now() + interval '1 hour')`,
    [id, hash, `matrix-${Date.now()}-${(seq += 1)}@e2e.test`, await municipalityIdOf('liepaja')],
  );
  return { id, token };
}

/** Own municipality of the matrix secretary (no accession in the seed); the other secretary is Rīga's. */
const OWN = 'tukuma-novads';
/** Municipalities for staff actions, one per call so that every call finds its own submission. */
const POOL = [
  'aizkraukles-novads',
  'aluksnes-novads',
  'balvu-novads',
  'bauskas-novads',
  'cesu-novads',
  'dobeles-novads',
  'gulbenes-novads',
  'jelgavas-novads',
  'kraslavas-novads',
  'kuldigas-novads',
  'limbazu-novads',
  'ludzas-novads',
  'olaines-novads',
  'preilu-novads',
  'ropazu-novads',
];
let poolIndex = 0;
const nextPooled = () => POOL[poolIndex++ % POOL.length]!;
let tinyPdf: Buffer | undefined;
async function pdfBytes(): Promise<Buffer> {
  if (!tinyPdf) {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('Lemums');
    tinyPdf = Buffer.from(await doc.save());
  }
  return tinyPdf;
}
const staffOnly = (ok: number): Record<Who, number> => ({ public: 401, secretaryOwn: 403, secretaryOther: 403, staff: ok, admin: ok });
const ownSecretaryOnly = (ok: number): Record<Who, number> => ({ public: 401, secretaryOwn: ok, secretaryOther: 403, staff: 403, admin: 403 });

export const MATRIX: Record<string, Row> = {
  // Opening a real term would change the current term for every other test; an earlier, unopened
  // term reaches the domain check (409: terms open in order only), which proves authorization passed.
  'POST /api/staff/terms/[slug]/open': {
    path: '',
    prepare: async () => {
      const slug = `matrix-${Date.now()}-${(seq += 1)}`;
      await sql().query(
        `INSERT INTO "CouncilTerm" ("id", "slug", "startYear", "endYear", "startsOn", "endsOn") VALUES ($1, $2, 1990, 1994, '1990-07-01', '1994-06-30')`,
        [slug.replace(/-/g, ''), slug],
      );
      return { path: `/api/staff/terms/${slug}/open`, body: { confirm: 'on' } };
    },
    expect: staffOnly(409),
  },
  'PUT /api/staff/terms/[slug]/periods': {
    path: '/api/staff/terms/2021-2025/periods',
    body: () => ({ year: 2024, dueOn: '2025-03-31' }),
    expect: staffOnly(200),
    audit: () => 'reporting.period',
  },
  // Staff reach the importer; the file names a unit the registry does not know, so it is refused and the shared database keeps "unknown".
  'POST /api/staff/official-data/population': {
    path: `/api/staff/official-data/population?${new URLSearchParams({ fileName: 'IRS051-unknown-unit.csv', tableCode: 'IRS051', retrievedOn: '2026-12-03', url: 'https://data.stat.gov.lv/pxweb/lv/OSP_PUB/START__POP__IR__IRS/IRS051/' })}`,
    prepare: () => Promise.resolve({ raw: readFileSync(path.join(ROOT, 'tests', 'fixtures', 'official-data', 'IRS051-unknown-unit.csv')) }),
    expect: staffOnly(422),
  },
  'POST /api/staff/official-data/atvk': {
    path: `/api/staff/official-data/atvk?${new URLSearchParams({ fileName: 'atu_nuts_codes-missing-unit.csv', tableCode: 'ATVK', retrievedOn: '2026-12-03', url: 'https://data.gov.lv/dati/lv/dataset/atvk' })}`,
    prepare: () => Promise.resolve({ raw: readFileSync(path.join(ROOT, 'tests', 'fixtures', 'official-data', 'atu_nuts_codes-missing-unit.csv')) }),
    expect: staffOnly(422),
  },
  'POST /api/staff/norms': {
    path: '/api/staff/norms',
    body: () => ({ validFrom: '2030-01-01', value: 1, citation: 'e2e test fixture', sourceUrl: 'https://example.test/norm' }),
    expect: staffOnly(201),
    audit: () => 'reporting.norm',
  },
  'POST /api/progress/reports/[id]/documents': {
    path: '',
    prepare: async () => {
      const r = await resetReport(OWN, 2022, 'DRAFT');
      return { path: `/api/progress/reports/${r.id}/documents?name=evidence.pdf`, raw: await pdfBytes() };
    },
    expect: ownSecretaryOnly(201),
    audit: () => 'document.upload',
  },
  'GET /api/municipalities/[slug]/progress.csv': { path: '/api/municipalities/liepaja/progress.csv', expect: all(200) },
  'GET /api/municipalities/[slug]/progress.pdf': { path: '/api/municipalities/liepaja/progress.pdf?lang=lv', expect: all(200) },
  'POST /api/progress/[slug]/[year]': {
    path: `/api/progress/${OWN}/2022`,
    prepare: async () => {
      await resetReport(OWN, 2023, 'DRAFT');
      return {};
    },
    expect: ownSecretaryOnly(200),
    audit: () => 'progress.open',
  },
  'PUT /api/progress/reports/[id]': {
    path: '',
    prepare: async () => {
      const r = await resetReport(OWN, 2022, 'DRAFT');
      const section = { status: 'IN_PROGRESS', narrative: 'x', actions: [] };
      return {
        path: `/api/progress/reports/${r.id}`,
        body: { version: r.version, commitments: { resources: section, staff: section, cooperation: section }, indicators: { service_budget_eur: '1000' } },
      };
    },
    expect: ownSecretaryOnly(200),
    audit: () => 'progress.save',
  },
  'DELETE /api/progress/reports/[id]/documents/[documentId]': {
    path: '',
    prepare: async () => {
      const r = await resetReport(OWN, 2022, 'DRAFT');
      const { rows } = await sql().query<{ id: string }>(`SELECT "id" FROM "Accession" WHERE "municipalityId" = $1 LIMIT 1`, [await municipalityIdOf(OWN)]);
      const doc = await insertDocument(rows[0]!.id, await pdfBytes());
      await sql().query(`UPDATE "Document" SET "accessionId" = NULL, "reportId" = $1, "kind" = 'EVIDENCE' WHERE "id" = $2`, [r.id, doc]);
      return { path: `/api/progress/reports/${r.id}/documents/${doc}` };
    },
    expect: ownSecretaryOnly(200),
    audit: () => 'progress.evidence.remove',
  },
  'GET /api/progress/reports/[id]/pdf': {
    path: '',
    prepare: async () => {
      const r = await resetReport(OWN, 2022, 'SUBMITTED');
      return { path: `/api/progress/reports/${r.id}/pdf?lang=lv` };
    },
    expect: { public: 401, secretaryOwn: 200, secretaryOther: 403, staff: 200, admin: 200 },
  },
  'POST /api/progress/reports/[id]/submit': {
    path: '',
    prepare: async () => {
      const r = await resetReport(OWN, 2022, 'DRAFT');
      return { path: `/api/progress/reports/${r.id}/submit`, body: { version: r.version } };
    },
    expect: ownSecretaryOnly(200),
    audit: () => 'progress.submit',
  },
  'POST /api/staff/progress/[id]/return': {
    path: '',
    prepare: async () => {
      const r = await resetReport(OWN, 2022, 'SUBMITTED');
      return { path: `/api/staff/progress/${r.id}/return`, body: { version: r.version, reason: 'Lūdzu precizējiet.' } };
    },
    expect: staffOnly(200),
    audit: () => 'progress.return',
  },
  'POST /api/staff/progress/[id]/accept': {
    path: '',
    prepare: async () => {
      const r = await resetReport(OWN, 2022, 'SUBMITTED');
      return { path: `/api/staff/progress/${r.id}/accept`, body: { version: r.version } };
    },
    expect: staffOnly(200),
    audit: () => 'progress.accept',
  },
  'GET /api/v1/municipalities': { path: '/api/v1/municipalities', expect: all(200) },
  'GET /api/v1/municipalities.csv': { path: '/api/v1/municipalities.csv', expect: all(200) },
  'GET /api/v1/municipalities.geojson': { path: '/api/v1/municipalities.geojson', expect: all(200) },
  'GET /api/v1/accessions': { path: '/api/v1/accessions', expect: all(200) },
  'GET /api/v1/accessions.csv': { path: '/api/v1/accessions.csv', expect: all(200) },
  'GET /api/v1/accessions.geojson': { path: '/api/v1/accessions.geojson', expect: all(200) },
  'GET /api/v1/openapi.json': { path: '/api/v1/openapi.json', expect: all(200) },
  'GET /api/health': { path: '/api/health', expect: all(200) },
  'GET /api/v1/dcat.jsonld': { path: '/api/v1/dcat.jsonld', expect: all(200) },
  'GET /api/v1/progress': { path: '/api/v1/progress', expect: all(200) },
  'GET /api/v1/progress.csv': { path: '/api/v1/progress.csv', expect: all(200) },
  'GET /api/v1/progress-actions': { path: '/api/v1/progress-actions', expect: all(200) },
  'GET /api/v1/progress-actions.csv': { path: '/api/v1/progress-actions.csv', expect: all(200) },
  'GET /api/v1/progress-indicators': { path: '/api/v1/progress-indicators', expect: all(200) },
  'GET /api/v1/progress-indicators.csv': { path: '/api/v1/progress-indicators.csv', expect: all(200) },
  'GET /api/[...missing]': { path: '/api/no-such-endpoint/x', expect: all(404) },
  'POST /api/[...missing]': { path: '/api/no-such-endpoint/x', body: () => ({}), expect: all(404) },
  'PUT /api/[...missing]': { path: '/api/no-such-endpoint/x', body: () => ({}), expect: all(404) },
  'PATCH /api/[...missing]': { path: '/api/no-such-endpoint/x', body: () => ({}), expect: all(404) },
  'DELETE /api/[...missing]': { path: '/api/no-such-endpoint/x', body: () => ({}), expect: all(404) },
  'PUT /api/accessions/[slug]': {
    path: `/api/accessions/${OWN}`,
    prepare: async () => {
      await resetAccession(OWN, 'DRAFT');
      return {};
    },
    body: () => ({
      councilBody: 'Tukuma novada dome',
      sessionDate: '2021-08-26',
      sessionType: 'REGULAR',
      decisionNumber: '12/3',
      signatoryName: 'Anna Bērziņa',
      signatoryRole: 'domes priekšsēdētāja',
    }),
    expect: ownSecretaryOnly(200),
    audit: () => 'accession.record',
  },
  'POST /api/accessions/[slug]/documents': {
    path: `/api/accessions/${OWN}/documents?kind=DECISION&name=l%C4%93mums.pdf`,
    prepare: async () => {
      await resetAccession(OWN, 'DRAFT');
      return { raw: await pdfBytes() };
    },
    expect: ownSecretaryOnly(201),
    audit: () => 'document.upload',
  },
  'POST /api/staff/documents/[id]/trust-recheck': {
    path: '',
    prepare: async () => {
      const a = await resetAccession(nextPooled(), 'SUBMITTED');
      return { path: `/api/staff/documents/${await insertDocument(a.id, await pdfBytes())}/trust-recheck` };
    },
    expect: staffOnly(200),
    audit: () => 'document.trust-recheck',
  },
  'DELETE /api/accessions/[slug]/documents/[id]': {
    path: '',
    prepare: async () => {
      const a = await resetAccession(OWN, 'DRAFT');
      return { path: `/api/accessions/${OWN}/documents/${await insertDocument(a.id, await pdfBytes())}` };
    },
    expect: ownSecretaryOnly(200),
    audit: () => 'document.remove',
  },
  'POST /api/accessions/[slug]/submit': {
    path: `/api/accessions/${OWN}/submit`,
    prepare: async () => {
      const a = await resetAccession(OWN, 'DRAFT');
      await insertDocument(a.id, await pdfBytes());
      return { body: { version: a.version } };
    },
    expect: ownSecretaryOnly(200),
    audit: () => 'accession.submitted',
  },
  'GET /api/accessions/[slug]/signing-sheet': {
    path: `/api/accessions/${OWN}/signing-sheet`,
    prepare: async () => {
      await resetAccession(OWN, 'DRAFT');
      return {};
    },
    expect: { public: 401, secretaryOwn: 200, secretaryOther: 403, staff: 200, admin: 200 },
  },
  'POST /api/staff/accessions/[id]/verify': {
    path: '',
    prepare: async () => {
      const a = await resetAccession(nextPooled(), 'SUBMITTED');
      return { path: `/api/staff/accessions/${a.id}/verify`, body: { version: a.version } };
    },
    expect: staffOnly(200),
    audit: () => 'accession.verified',
  },
  'POST /api/staff/accessions/[id]/return': {
    path: '',
    prepare: async () => {
      const a = await resetAccession(nextPooled(), 'SUBMITTED');
      return { path: `/api/staff/accessions/${a.id}/return`, body: { version: a.version, reason: 'Trūkst paraksta.' } };
    },
    expect: staffOnly(200),
    audit: () => 'accession.returned',
  },
  'POST /api/staff/accessions/[id]/withdraw': {
    path: '',
    prepare: async () => {
      const a = await resetAccession(nextPooled(), 'VERIFIED');
      return { path: `/api/staff/accessions/${a.id}/withdraw`, body: { version: a.version, reason: 'Dome atcēla lēmumu.' } };
    },
    expect: staffOnly(200),
    audit: () => 'accession.withdrawn',
  },
  'GET /api/documents/[id]': {
    path: '',
    prepare: async () => {
      const a = await resetAccession(OWN, 'SUBMITTED');
      return { path: `/api/documents/${await insertDocument(a.id, await pdfBytes())}` };
    },
    // Note: an unpublished document is a 404 for the public, so its existence is not revealed.
    expect: { public: 404, secretaryOwn: 200, secretaryOther: 403, staff: 200, admin: 200 },
  },
  'GET /api/session': { path: '/api/session', expect: all(200) },
  'POST /api/session': {
    path: '/api/session',
    body: () => ({ email: 'nobody@e2e.test', password: 'wrong' }),
    headers: () => ({ 'x-forwarded-for': uniqueIp() }),
    expect: all(401),
  },
  'DELETE /api/session': { path: '/api/session', expect: all(200), audit: (who) => (who === 'public' ? null : 'auth.sign-out') },
  'GET /api/session.css': { path: '/api/session.css', expect: all(200) },
  'GET /api/auth/[...nextauth]': { path: '/api/auth/session', expect: all(200) },
  'POST /api/invitations': {
    path: '/api/invitations',
    body: () => ({ email: `matrix-inv-${Date.now()}-${(seq += 1)}@e2e.test`, municipalitySlug: OWN }),
    expect: { public: 401, secretaryOwn: 403, secretaryOther: 403, staff: 201, admin: 201 },
    audit: () => 'invitation.create',
  },
  'POST /api/invitations/accept': {
    path: '/api/invitations/accept',
    prepare: async () => {
      const { id, token } = await freshInvitation();
      return { body: { token, name: 'Matrix Person', password: 'long enough password', passwordConfirm: 'long enough password' }, auditSubjectId: id };
    },
    expect: all(201),
    audit: () => 'invitation.accept',
  },
  // "Forgot password" is public and answers alike for every address; an unknown one changes nothing (no audit).
  'POST /api/password-reset': {
    path: '/api/password-reset',
    body: () => ({ email: `nobody-${(seq += 1)}@e2e.test` }),
    headers: () => ({ 'x-forwarded-for': uniqueIp() }),
    expect: all(200),
    audit: () => null,
  },
  'POST /api/password-reset/confirm': {
    path: '/api/password-reset/confirm',
    prepare: async () => {
      const token = randomBytes(32).toString('base64url');
      const user = await createUser('SECRETARY', 'valmieras-novads');
      await sql().query(`INSERT INTO "PasswordReset" ("id", "userId", "tokenHash", "expiresAt") VALUES ($1, $2, $3, now() + interval '1 hour')`, [
        `pr${Date.now()}${(seq += 1)}`,
        user.id,
        createHash('sha256').update(token).digest('hex'),
      ]);
      return { body: { token, password: 'long enough password', passwordConfirm: 'long enough password' }, auditSubjectId: user.id };
    },
    expect: all(200),
    audit: () => 'auth.password-reset',
  },
  'PUT /api/account/submission-mail': {
    path: '/api/account/submission-mail',
    body: () => ({ mode: 'EVENT' }),
    expect: staffOnly(200),
    audit: () => 'user.submission-mail',
  },
  'POST /api/invitations/[id]/resend': {
    path: '',
    prepare: async () => ({ path: `/api/invitations/${await pendingInvitationId()}/resend`, body: {} }),
    expect: staffOnly(200),
    audit: () => 'invitation.resend',
  },
  'POST /api/invitations/[id]/revoke': {
    path: '',
    prepare: async () => ({ path: `/api/invitations/${await pendingInvitationId()}/revoke`, body: {} }),
    expect: staffOnly(200),
    audit: () => 'invitation.revoke',
  },
  'POST /api/users/[id]/deactivate': {
    path: '',
    prepare: async () => ({ path: `/api/users/${(await createUser('SECRETARY', 'valmieras-novads')).id}/deactivate`, body: {} }),
    expect: staffOnly(200),
    audit: () => 'user.deactivate',
  },
  'POST /api/users/[id]/reactivate': {
    path: '',
    prepare: async () => {
      const u = await createUser('SECRETARY', 'valmieras-novads');
      await sql().query(`UPDATE "User" SET "isActive" = false, "deactivatedAt" = now() WHERE "id" = $1`, [u.id]);
      return { path: `/api/users/${u.id}/reactivate`, body: {} };
    },
    expect: staffOnly(200),
    audit: () => 'user.reactivate',
  },
  'POST /api/users/[id]/move': {
    path: '',
    prepare: async () => ({ path: `/api/users/${(await createUser('SECRETARY', 'valmieras-novads')).id}/move`, body: { municipalitySlug: 'cesu-novads' } }),
    expect: staffOnly(200),
    audit: () => 'user.move',
  },
  'GET /api/staff/exports/[name]': { path: '/api/staff/exports/matrix.csv', expect: staffOnly(200) },
};

/** A pending invitation of its own for each call (resend and revoke change it). */
async function pendingInvitationId(): Promise<string> {
  const id = `inv${Date.now()}x${(seq += 1)}`;
  await sql().query(
    `INSERT INTO "Invitation" ("id", "tokenHash", "email", "role", "municipalityId", "expiresAt") VALUES ($1, $2, $3, 'SECRETARY', $4, now() + interval '1 hour')`,
    [id, createHash('sha256').update(id).digest('hex'), `matrix-pending-${id}@e2e.test`, await municipalityIdOf('valmieras-novads')],
  );
  return id;
}

test('every route handler and server action has a row in the authorization matrix', () => {
  const handlers = discoverHandlers().sort();
  expect(handlers.length).toBeGreaterThan(0);
  expect(handlers.filter((h) => !(h in MATRIX))).toEqual([]);
  expect(Object.keys(MATRIX).filter((k) => !handlers.includes(k))).toEqual([]);
  expect(discoverServerActions()).toEqual([]);
});

const users: Partial<Record<Who, TestUser>> = {};
test.beforeAll(async () => {
  users.secretaryOwn = await createUser('SECRETARY', OWN);
  users.secretaryOther = await createUser('SECRETARY', 'riga');
  users.staff = await createUser('STAFF');
  users.admin = await createUser('ADMIN');
});

for (const [key, row] of Object.entries(MATRIX)) {
  const [method] = key.split(' ');
  test(`authz: ${key}`, async ({ browser }) => {
    for (const who of WHO) {
      const context = await browser.newContext();
      try {
        const user = users[who];
        if (user) await signInApi(context.request, user);
        const prepared: Prepared = row.prepare ? await row.prepare(who) : {};
        const body = prepared.raw ?? prepared.body ?? (row.body ? await row.body(who) : undefined);
        // The audit rows of THIS request: written after this point, by this caller (a user of this worker alone) or naming
        // the request's own subject; never a global count, which the other worker's requests would move.
        const since = await lastAuditId();
        const ownAudit = () =>
          prepared.auditSubjectId
            ? auditActionsSince(since, { subjectId: prepared.auditSubjectId })
            : user
              ? auditActionsSince(since, { actorId: user.id })
              : null;
        if (method !== 'GET') {
          // The same call from another origin (issue 17: CSRF from a sibling port or subdomain) is refused and changes nothing;
          // the call after it then proves the prepared state was still there.
          const crossOrigins: Record<string, string>[] = [
            { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
            { 'sec-fetch-site': 'same-site' },
            { origin: 'null' },
          ];
          for (const crossOrigin of crossOrigins) {
            const refused = await context.request.fetch(prepared.path || row.path, {
              method,
              headers: {
                'x-locale': 'en',
                ...(prepared.raw ? { 'content-type': 'application/octet-stream' } : {}),
                ...(row.headers?.(who) ?? {}),
                ...crossOrigin,
              },
              ...(body !== undefined ? { data: body } : {}),
            });
            expect(refused.status(), `${key} as ${who} from ${JSON.stringify(crossOrigin)}: ${await refused.text()}`).toBe(403);
          }
        }
        const res = await context.request.fetch(prepared.path || row.path, {
          method,
          headers: { 'x-locale': 'en', ...(prepared.raw ? { 'content-type': 'application/octet-stream' } : {}), ...(row.headers?.(who) ?? {}) },
          ...(body !== undefined ? { data: body } : {}),
        });
        expect(res.status(), `${key} as ${who}: ${await res.text()}`).toBe(row.expect[who]);
        const isSuccess = res.status() < 300;
        if (isSuccess && method !== 'GET')
          expect(row.audit, `${key} succeeds but declares no audit action (audit: () => null if it writes none)`).toBeDefined();
        const expected = isSuccess && row.audit ? row.audit(who) : null;
        const written = await ownAudit();
        if (written) expect(written, `${key} as ${who}: the audit rows of this request`).toEqual(expected ? [expected] : []);
        else expect(expected, `${key} as ${who}: an audited call needs a caller or an auditSubjectId to find its row by`).toBeNull();
      } finally {
        await context.close();
      }
    }
  });
}
