import { test, expect, signInApi } from './support/fixtures';
import { auditActionsSince, createUser, lastAuditId, type TestUser } from './support/db';
import { discoverHandlers, discoverServerActions } from './support/routes';
import { OWN, WHO, type Prepared, type Row, type Who } from './support/authz-matrix';
import { REPORTING_ROWS } from './support/authz-rows-reporting';
import { ACCOUNT_ROWS } from './support/authz-rows-accounts';

/**
 * Every route handler (and server action, should one appear) × role ×
 * own/other municipality, with the expected HTTP status. A handler without
 * a row fails the first test. "own" is Tukuma novads; the other secretary is Rīga's.
 */
export const MATRIX: Record<string, Row> = { ...REPORTING_ROWS, ...ACCOUNT_ROWS };

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
