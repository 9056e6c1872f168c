import { existsSync, statSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { APIRequestContext, Browser, BrowserContext } from '@playwright/test';
import { test, expect, signInApi } from './support/fixtures';
import { createUser, currentTermId, insertDocument, municipalityIdOf, resetReport, sql, type TestUser } from './support/db';
import { discoverRouteHandlers, discoverServerActions, type RouteHandler } from './support/routes';
import { CONCURRENCY, FUZZ_IP, FUZZ_MUNICIPALITY, RANDOM_CASES, SEED, WHO, pdfBytes, randomToken, real, type Case, type Who } from './support/fuzz-values';
import { fixedCases, judge, ownerOf, preview, randomCases, type Outcome } from './support/fuzz-cases';

/**
 * Request fuzzer over every route handler (discovered from app/**\/route.ts
 * at run time, so new handlers are fuzzed too): dynamic path segments get
 * traversal, malformed percent-encoding, huge, Unicode, SQL-looking and real
 * values; bodies are random JSON, wrong types for known fields, null, 1 MB
 * strings, broken JSON, form bodies, wrong content types and raw bytes;
 * upload names get traversal. Anonymous, as a secretary and as staff.
 *
 * Expected: no 5xx; every 4xx of an /api handler is the portal's JSON error
 * with a message (answers of Auth.js itself excepted); no stack trace in any
 * answer; no new line in the server's unhandled-rejection log
 * (scripts/server.ts writes SERVER_ERROR_LOG). Seeded (reproducible) and
 * bounded: about 1 800 requests, under a minute.
 */

// ---------------------------------------------------------------- the run

const handlers = discoverRouteHandlers();
const users: Partial<Record<Who, TestUser>> = {};

test('the fuzzer covers every route handler, and there are no server actions to fuzz', () => {
  expect(handlers.length).toBeGreaterThan(0);
  // A server action would be an endpoint this fuzzer does not reach: fuzz it before adding one.
  expect(discoverServerActions()).toEqual([]);
});

test('request fuzzer: no 5xx, translated JSON errors, no stack traces, no unhandled rejections', async ({ browser, e2eWorker }) => {
  test.setTimeout(300_000);
  // This worker's server's log (tests/e2e/support/workers.ts).
  const SERVER_ERROR_LOG = e2eWorker.errorLog;
  const errorLogSize = existsSync(SERVER_ERROR_LOG) ? statSync(SERVER_ERROR_LOG).size : 0;

  // Fuzz-owned data: a secretary of a municipality no other test uses, with a draft report
  // (its accession verified) and a document; a user to deactivate and move; an invitation; an old, unopened term.
  users.secretary = await createUser('SECRETARY', FUZZ_MUNICIPALITY);
  users.staff = await createUser('STAFF');
  const victim = await createUser('SECRETARY', FUZZ_MUNICIPALITY);
  const report = await resetReport(FUZZ_MUNICIPALITY, 2022, 'DRAFT');
  const { rows } = await sql().query<{ id: string }>(`SELECT "id" FROM "Accession" WHERE "municipalityId" = $1 AND "termId" = $2`, [
    await municipalityIdOf(FUZZ_MUNICIPALITY),
    await currentTermId(),
  ]);
  const accessionId = rows[0]!.id;
  const documentId = await insertDocument(accessionId, await pdfBytes());
  const invitationId = `fuzzinv${Date.now()}`;
  await sql().query(
    `INSERT INTO "Invitation" ("id", "tokenHash", "email", "role", "municipalityId", "expiresAt") VALUES ($1, $2, $3, 'SECRETARY', $4, now() + interval '1 hour')`,
    [invitationId, createHash('sha256').update(randomToken()).digest('hex'), `fuzz-${Date.now()}@e2e.test`, await municipalityIdOf(FUZZ_MUNICIPALITY)],
  );
  const termSlug = `fuzz-${Date.now()}`;
  await sql().query(
    `INSERT INTO "CouncilTerm" ("id", "slug", "startYear", "endYear", "startsOn", "endsOn") VALUES ($1, $2, 1990, 1994, '1990-07-01', '1994-06-30')`,
    [termSlug.replace(/-/g, ''), termSlug],
  );
  Object.assign(real, {
    municipality: [FUZZ_MUNICIPALITY, 'liepaja', 'riga'],
    term: [termSlug, '1990-1994'],
    user: [victim.id, users.staff.id],
    invitation: [invitationId],
    document: [documentId],
    accession: [accessionId],
    report: [report.id],
  });

  const { contexts, close } = await openContexts(browser);
  const outcomes: Outcome[] = [];
  const pdf = await pdfBytes();
  try {
    // Per identity (staff last: its actions may change the data the secretary works on).
    for (const [wi, who] of WHO.entries()) {
      const jobs: { h: RouteHandler; c: Case }[] = [];
      for (const [hi, h] of handlers.entries()) {
        // The fixed cases go to the identity that gets past authorization.
        const fixed = ownerOf(h) === who ? fixedCases(h) : [];
        for (const c of fixed)
          jobs.push({ h, c: { ...c, note: `${who}: ${c.note}`, body: c.body?.length === 0 && c.contentType === 'application/pdf' ? pdf : c.body } });
        for (const c of randomCases(h, who, RANDOM_CASES, SEED + hi * 31 + wi)) jobs.push({ h, c });
      }
      await pool(jobs, CONCURRENCY, async ({ h, c }) => {
        const request = contexts[who];
        const res = await request.fetch(c.path, {
          method: h.method,
          headers: { 'x-forwarded-for': FUZZ_IP, ...(c.contentType ? { 'content-type': c.contentType } : {}), ...c.headers },
          ...(c.body !== undefined ? { data: c.body } : {}),
          maxRedirects: 0,
          timeout: 30_000,
          failOnStatusCode: false,
        });
        const problem = await judge(h, c, res);
        outcomes.push({
          who,
          handler: `${h.method} ${h.route}`,
          method: h.method,
          url: c.path.length > 200 ? `${c.path.slice(0, 200)}… (${c.path.length} chars)` : c.path,
          status: res.status(),
          note: c.note,
          problem,
          requestBody: problem ? preview(c.body) : undefined,
          contentType: problem ? c.contentType : undefined,
        });
        // Signing out (or in) changes the identity: sign in again.
        if (h.route === '/api/session' && h.method !== 'GET' && who !== 'anonymous') await signInApi(request, users[who]!);
      });
    }
  } finally {
    await close();
  }

  // Give the server a moment to log rejections of work still running after the answers.
  await new Promise((r) => setTimeout(r, 1_000));
  const newErrors = existsSync(SERVER_ERROR_LOG) ? readFileSync(SERVER_ERROR_LOG).subarray(errorLogSize).toString('utf8').trim() : '';

  // Summary: requests per handler, statuses, failures.
  const byHandler = new Map<string, number>();
  const byStatus = new Map<number, number>();
  for (const o of outcomes) {
    byHandler.set(o.handler, (byHandler.get(o.handler) ?? 0) + 1);
    byStatus.set(o.status, (byStatus.get(o.status) ?? 0) + 1);
  }
  const failures = outcomes.filter((o) => o.problem);
  console.log(
    [
      `fuzz: ${outcomes.length} requests over ${handlers.length} handlers (${WHO.join(', ')}), ${failures.length} failures, ${newErrors ? newErrors.split('\n').length : 0} unhandled rejections`,
      `statuses: ${[...byStatus]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}`,
      ...[...byHandler].sort().map(([k, n]) => `  ${String(n).padStart(4)}  ${k}`),
    ].join('\n'),
  );
  // Every failure, with the request to replay it, in the test's output folder.
  if (failures.length > 0) await test.info().attach('fuzz-failures.json', { body: JSON.stringify(failures, null, 2), contentType: 'application/json' });
  const lines = failures
    .slice(0, 40)
    .map((o) => `${o.who} ${o.method} ${o.url} [${o.note}] → ${o.problem}${o.requestBody ? `\n    body: ${o.requestBody}` : ''}`);
  expect(lines, `${failures.length} fuzz failures`).toEqual([]);
  expect(newErrors, 'unhandled rejections or uncaught exceptions in the server during the fuzz run').toBe('');
});

/** One browser context (cookie jar) per identity, signed in through the API. */
async function openContexts(browser: Browser): Promise<{ contexts: Record<Who, APIRequestContext>; close: () => Promise<void> }> {
  const contexts = {} as Record<Who, APIRequestContext>;
  const opened: BrowserContext[] = [];
  for (const who of WHO) {
    const context = await browser.newContext();
    opened.push(context);
    const user = users[who];
    if (user) await signInApi(context.request, user);
    contexts[who] = context.request;
  }
  return {
    contexts,
    close: async () => {
      for (const c of opened) await c.close();
    },
  };
}

async function pool<T>(items: T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        await run(item);
      }
    }),
  );
}
