import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 14 / ADR 0180: the public pages (lib/site/public-pages.tsx, called
 * by the route handlers under app/[locale]) are rendered by React's server
 * renderer as plain documents. Nothing they import may bring client code:
 * no 'use client' module, no Next.js client component or router hook.
 * (In a route handler such a module cannot be rendered at all; here it is
 * caught before any build.)
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const ENTRY = 'lib/site/public-pages.tsx';
const CLIENT_ONLY = /^(next\/(link|script|navigation|dynamic|form|image|router|head)|react-dom\/client)$/;

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? path.join(ROOT, spec.slice(2)) : spec.startsWith('.') ? path.resolve(path.dirname(from), spec) : null;
  if (!base || base.includes(`${path.sep}generated${path.sep}`)) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')])
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  return null;
}

/** Every project module reachable from the entry by static imports (type-only imports included: harmless, and simpler). */
function reachable(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const queue = [path.join(ROOT, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const source = readFileSync(file, 'utf8');
    const specs = [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => (m[1] ?? m[2])!);
    seen.set(file, specs);
    for (const spec of specs) {
      const next = resolve(file, spec);
      if (next) queue.push(next);
    }
  }
  return seen;
}

describe('public pages ship no client code by construction', () => {
  it(`nothing reachable from ${ENTRY} is a client module or imports a Next.js client API`, () => {
    const graph = reachable(ENTRY);
    expect(graph.size).toBeGreaterThan(20);
    const offenders: string[] = [];
    for (const [file, specs] of graph) {
      const name = path.relative(ROOT, file);
      if (/^\s*['"]use client['"]/.test(readFileSync(file, 'utf8'))) offenders.push(`${name}: 'use client'`);
      for (const spec of specs) if (CLIENT_ONLY.test(spec)) offenders.push(`${name}: imports ${spec}`);
    }
    expect(offenders).toEqual([]);
  });

  it('the check sees a client module when one is reachable (the header of the App Router pages uses one)', () => {
    const graph = reachable('app/[locale]/layout.tsx');
    expect([...graph.keys()].map((f) => path.relative(ROOT, f))).toContain('components/language-switch.tsx');
  });
});
