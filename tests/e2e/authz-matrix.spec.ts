import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { randomBytes, createHash } from 'node:crypto';
import { test, expect, signInApi } from './support/fixtures';
import { auditCount, createUser, municipalityIdOf, sql, type TestUser } from './support/db';

/**
 * Every route handler (and server action, should one appear) × role ×
 * own/other municipality, with the expected HTTP status. A handler without
 * a row fails the first test. "own" is Liepāja; the other secretary is Rīga's.
 */
type Who = 'public' | 'secretaryOwn' | 'secretaryOther' | 'staff' | 'admin';
const WHO: Who[] = ['public', 'secretaryOwn', 'secretaryOther', 'staff', 'admin'];
type Row = {
  path: string;
  body?: (who: Who) => Promise<unknown> | unknown;
  headers?: (who: Who) => Record<string, string>;
  expect: Record<Who, number>;
  /** Whether a successful call must add an audit event (default: any 2xx that is not GET). */
  audits?: (who: Who) => boolean;
};

const all = (status: number): Record<Who, number> => ({ public: status, secretaryOwn: status, secretaryOther: status, staff: status, admin: status });
let seq = 0;
const uniqueIp = () => `198.51.100.${(seq += 1) % 250}`;

async function freshInvitationToken(): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const hash = createHash('sha256').update(token).digest('hex');
  await sql().query(
    `INSERT INTO "Invitation" ("id", "tokenHash", "email", "role", "municipalityId", "expiresAt") VALUES ($1, $2, $3, 'SECRETARY', $4, now() + interval '1 hour')`,
    [`inv${Date.now()}${seq}`, hash, `matrix-${Date.now()}-${(seq += 1)}@e2e.test`, await municipalityIdOf('liepaja')],
  );
  return token;
}

export const MATRIX: Record<string, Row> = {
  'GET /api/session': { path: '/api/session', expect: all(200) },
  'POST /api/session': {
    path: '/api/session',
    body: () => ({ email: 'nobody@e2e.test', password: 'wrong' }),
    headers: () => ({ 'x-forwarded-for': uniqueIp() }),
    expect: all(401),
  },
  'DELETE /api/session': { path: '/api/session', expect: all(200), audits: (who) => who !== 'public' },
  'GET /api/auth/[...nextauth]': { path: '/api/auth/session', expect: all(200), audits: () => false },
  'POST /api/invitations': {
    path: '/api/invitations',
    body: () => ({ email: `matrix-inv-${Date.now()}-${(seq += 1)}@e2e.test`, municipalitySlug: 'liepaja' }),
    expect: { public: 401, secretaryOwn: 403, secretaryOther: 403, staff: 201, admin: 201 },
  },
  'POST /api/invitations/accept': {
    path: '/api/invitations/accept',
    body: async () => ({ token: await freshInvitationToken(), name: 'Matrix Person', password: 'long enough password', passwordConfirm: 'long enough password' }),
    expect: all(201),
  },
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** METHOD /path for every exported handler under app/, read from the source. */
function discoverHandlers(): string[] {
  const files = walk('app').filter((f) => /route\.tsx?$/.test(f));
  return files.flatMap((file) => {
    const src = readFileSync(file, 'utf8');
    const route = '/' + path.dirname(path.relative('app', file)).split(path.sep).filter((s) => !/^\(.*\)$/.test(s)).join('/');
    const methods = new Set<string>();
    for (const m of src.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]!);
    for (const m of src.matchAll(/export\s+const\s*\{([^}]*)\}/g)) for (const name of m[1]!.split(',')) if (/^(GET|POST|PUT|PATCH|DELETE)$/.test(name.trim())) methods.add(name.trim());
    return [...methods].map((method) => `${method} ${route}`);
  });
}

function discoverServerActions(): string[] {
  return ['app', 'lib', 'components'].flatMap((d) => walk(d)).filter((f) => /\.tsx?$/.test(f) && /^\s*['"]use server['"]/m.test(readFileSync(f, 'utf8')));
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
  users.secretaryOwn = await createUser('SECRETARY', 'liepaja');
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
        const before = await auditCount();
        const body = row.body ? await row.body(who) : undefined;
        const res = await context.request.fetch(row.path, {
          method,
          headers: { 'x-locale': 'en', ...(row.headers?.(who) ?? {}) },
          ...(body !== undefined ? { data: body } : {}),
        });
        expect(res.status(), `${key} as ${who}: ${await res.text()}`).toBe(row.expect[who]);
        const isSuccess = res.status() < 300;
        const mustAudit = row.audits ? row.audits(who) : isSuccess && method !== 'GET';
        if (mustAudit) expect(await auditCount(), `${key} as ${who} wrote no audit event`).toBeGreaterThan(before);
      } finally {
        await context.close();
      }
    }
  });
}
