/**
 * Property-based tests (fast-check) of every zod schema in lib/schemas.
 *
 * Every exported schema is discovered at run time and must have an entry in
 * SPECS (support/specs-*.ts; a new schema without one fails the first test). For each
 * schema:
 *  (a) `safeParse` never throws, whatever the input (fc.anything, huge and
 *      Unicode strings with lone surrogates, null, NaN, ±Infinity, -0,
 *      prototype-pollution keys, valid inputs with one part replaced), and
 *      never pollutes Object.prototype;
 *  (b) every issue message is an i18n key known in Latvian and English, with
 *      all its parameters (users never see zod's English), and so is what
 *      fieldErrorsOf hands to the API;
 *  (c) inputs from the schema's own generator of valid values parse, the
 *      output keeps the schema's invariants (trimmed, bounded, transformed),
 *      and parsing the output again gives the same output;
 *  (d) boundary values: max length exactly and max+1, empty, whitespace only.
 * A summary line (schemas, properties, inputs tried, failures) is printed at the end.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCALES, lookup } from '@/lib/i18n';
import { translateKey } from '@/lib/i18n/request';
import { fieldErrorsOf } from '@/lib/schemas/common';

import { NASTY_VALUES, anyInput, nastyValue, shapedFrom } from './support/inputs';
import type { Out, Spec } from './support/generators';
import { ACCESSION_AUTH_SPECS } from './support/specs-accessions-auth';
import { PROGRESS_SPECS } from './support/specs-progress';
import { SETTINGS_SPECS } from './support/specs-settings';
import { USERS_SPECS } from './support/specs-users';

// ---------------------------------------------------------------- discovery

const SCHEMA_DIR = path.resolve(import.meta.dirname, '../../../lib/schemas');
const discovered = new Map<string, z.ZodType>();
for (const file of readdirSync(SCHEMA_DIR)
  .filter((f) => f.endsWith('.ts'))
  .sort()) {
  const mod = (await import(path.join(SCHEMA_DIR, file))) as Record<string, unknown>;
  for (const [name, value] of Object.entries(mod)) {
    if (value instanceof z.ZodType) discovered.set(`${file.replace(/\.ts$/, '')}.${name}`, value);
  }
}

// ---------------------------------------------------------------- budget and bookkeeping

const SEED = 20_251_123;
const RUNS_ANYTHING = 1000;
const RUNS_SHAPED = 600;
const RUNS_VALID = 400;
const stats = { schemas: new Set<string>(), properties: 0, inputs: 0, failures: 0 };

/** Runs one property (counted; a failure is counted and rethrown). */
async function property(schemaKey: string, body: () => void | Promise<void>): Promise<void> {
  stats.schemas.add(schemaKey);
  stats.properties += 1;
  try {
    await body();
  } catch (error) {
    stats.failures += 1;
    throw error;
  }
}
const counted =
  <T>(check: (v: T) => void) =>
  (v: T) => {
    stats.inputs += 1;
    check(v);
  };

afterAll(() => {
  console.log(`fuzz: ${stats.schemas.size} schemas, ${stats.properties} properties, ${stats.inputs} inputs, ${stats.failures} failures`);
});

// ---------------------------------------------------------------- message checks (b)

/** Why a message is not something a user may see; null when it is a known key with all its parameters. */
function badMessage(message: string): string | null {
  const [key = '', query] = message.split('|');
  if (!/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_]+)+$/.test(key)) return `not an i18n key: ${JSON.stringify(message)}`;
  for (const locale of LOCALES) {
    if (lookup(locale, key) === key) return `no ${locale} translation for ${JSON.stringify(key)}`;
    const text = translateKey(locale, message);
    if (/\{\w+\}/.test(text)) return `${locale} text of ${JSON.stringify(message)} keeps a placeholder: ${text}`;
  }
  if (query !== undefined && !/^(\w+=[^&|]*)(&\w+=[^&|]*)*$/.test(query)) return `malformed parameters in ${JSON.stringify(message)}`;
  return null;
}

function expectUserFacingIssues(error: z.ZodError, input: unknown): void {
  for (const issue of error.issues) {
    const why = badMessage(issue.message);
    if (why) throw new Error(`${why} (issue ${issue.code} at ${issue.path.join('.') || '(root)'}; input ${preview(input)})`);
  }
  for (const [field, keys] of Object.entries(fieldErrorsOf(error))) {
    for (const k of keys) {
      const why = badMessage(k);
      if (why) throw new Error(`fieldErrorsOf ${field}: ${why}`);
    }
  }
}

function preview(v: unknown): string {
  try {
    const s = typeof v === 'string' ? JSON.stringify(v) : fc.stringify(v);
    return s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s;
  } catch {
    return String(v);
  }
}

// ---------------------------------------------------------------- per-schema specs (in ./support/specs-*.ts)

const SPECS: Record<string, Spec> = { ...ACCESSION_AUTH_SPECS, ...PROGRESS_SPECS, ...SETTINGS_SPECS, ...USERS_SPECS };

// ---------------------------------------------------------------- the tests

describe('zod schemas: property-based tests', () => {
  it('every exported schema in lib/schemas has a property spec (and every spec a schema)', () => {
    stats.properties += 1;
    expect(discovered.size).toBeGreaterThan(0);
    const missing = [...discovered.keys()].filter((k) => !(k in SPECS));
    const stale = Object.keys(SPECS).filter((k) => !discovered.has(k));
    expect(missing, 'schemas without properties: add them to SPECS').toEqual([]);
    expect(stale, 'SPECS for schemas that no longer exist').toEqual([]);
  });

  for (const [key, spec] of Object.entries(SPECS)) {
    const schema = () => {
      const s = discovered.get(key);
      if (!s) throw new Error(`${key} is not exported any more`);
      return s;
    };

    describe(key, () => {
      it('(a, b) never throws for arbitrary input; every issue is a known i18n key', () =>
        property(key, () => {
          const s = schema();
          const check = counted((input: unknown) => {
            const r = s.safeParse(input);
            if (!r.success) expectUserFacingIssues(r.error, input);
            expect(Object.prototype).not.toHaveProperty('polluted');
          });
          fc.assert(fc.property(anyInput, check), { numRuns: RUNS_ANYTHING, seed: SEED, includeErrorInReport: true });
          for (const v of NASTY_VALUES) check(v);
        }));

      it('(a, b) valid inputs with one part replaced, a key added or removed: no throw, known keys only', () =>
        property(key, () => {
          const s = schema();
          fc.assert(
            fc.property(
              shapedFrom(spec.valid),
              counted((input) => {
                const r = s.safeParse(input);
                if (!r.success) expectUserFacingIssues(r.error, input);
                expect(Object.prototype).not.toHaveProperty('polluted');
              }),
            ),
            { numRuns: RUNS_SHAPED, seed: SEED + 1, includeErrorInReport: true },
          );
        }));

      it('(c) generated valid inputs parse; the output keeps the invariants and is stable', () =>
        property(key, () => {
          const s = schema();
          fc.assert(
            fc.property(
              spec.valid,
              counted((input: Out) => {
                const r = s.safeParse(input);
                if (!r.success)
                  throw new Error(`valid input refused: ${preview(input)} → ${JSON.stringify(r.error.issues.map((i) => [i.path.join('.'), i.message]))}`);
                spec.check?.(r.data, input);
                if (spec.idempotent !== false) {
                  const again = s.safeParse(r.data);
                  expect(again.success, `output refused on a second parse: ${preview(r.data)}`).toBe(true);
                  expect(again.data).toEqual(r.data);
                }
              }),
            ),
            { numRuns: RUNS_VALID, seed: SEED + 2, includeErrorInReport: true },
          );
          if (spec.totalOnObjects) {
            fc.assert(
              fc.property(
                fc.dictionary(fc.string({ unit: 'binary', maxLength: 10 }), nastyValue, { maxKeys: 8 }),
                counted((input) => expect(s.safeParse(input).success).toBe(true)),
              ),
              { numRuns: RUNS_VALID, seed: SEED + 3, includeErrorInReport: true },
            );
          }
        }));

      it('(d) boundary values', () =>
        property(key, () => {
          const s = schema();
          expect(spec.boundaries.length, 'give at least one boundary case').toBeGreaterThan(0);
          const wrong: string[] = [];
          for (const b of spec.boundaries) {
            stats.inputs += 1;
            const r = s.safeParse(b.input);
            if (r.success !== b.ok) {
              wrong.push(
                `${b.name}: expected ${b.ok ? 'success' : 'failure'}, got ${r.success ? `success ${preview(r.data)}` : JSON.stringify(r.error.issues.map((i) => [i.path.join('.'), i.message]))}`,
              );
              continue;
            }
            if (!r.success) {
              expectUserFacingIssues(r.error, b.input);
              if (b.message && !r.error.issues.some((i) => i.message === b.message))
                wrong.push(`${b.name}: expected message ${b.message}, got ${JSON.stringify(r.error.issues.map((i) => i.message))}`);
            } else {
              try {
                b.check?.(r.data);
              } catch (error) {
                wrong.push(`${b.name}: ${(error as Error).message}`);
              }
            }
          }
          if (wrong.length > 0) throw new Error(`${wrong.length} boundary case(s) wrong:\n${wrong.join('\n')}`);
        }));
    });
  }
});
