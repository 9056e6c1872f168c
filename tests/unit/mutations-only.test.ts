/**
 * The mutation pipeline enforces itself (docs/adr/0153): in the product code
 * (app/, components/, lib/, scripts/) only lib/mutations invalidates caches,
 * writes audit events, opens write transactions or starts mail delivery.
 * The few housekeeping exceptions are named here, with the ADR's reason.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name === 'generated') continue;
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else if (/\.(ts|tsx)$/.test(name)) out.push(full);
  }
  return out;
}

const product = ['app', 'components', 'lib', 'scripts'].flatMap((d) => filesUnder(path.join(repoRoot, d))).map((f) => path.relative(repoRoot, f));
const callers = (pattern: RegExp) => product.filter((f) => pattern.test(readFileSync(path.join(repoRoot, f), 'utf8'))).sort();

describe('only the mutation pipeline changes data (lib/mutations)', () => {
  it('finds the product code', () => {
    expect(product.length).toBeGreaterThan(100);
    expect(product).toContain('lib/mutations/index.ts');
  });

  it('nothing else calls invalidateCaches', () => {
    expect(callers(/\binvalidateCaches\(/)).toEqual(['lib/cache-bus/notify.ts', 'lib/mutations/index.ts']);
  });

  it("nothing else writes audit events (except the first-admin bootstrap, run on the setup script's client)", () => {
    expect(callers(/\bwriteAudit\(/)).toEqual(['lib/audit/index.ts', 'lib/mutations/index.ts', 'lib/users/bootstrap.ts']);
  });

  it('nothing else starts mail delivery', () => {
    expect(callers(/\bkickDelivery\(\)/)).toEqual(['lib/mail/outbox.ts', 'lib/mutations/index.ts']);
  });

  it('transactions outside the pipeline are the named housekeeping ones', () => {
    expect(callers(/\.\$transaction\(/)).toEqual([
      'lib/documents/store.ts', // deleteStoredIfUnreferenced: storage clean-up under the key's lock
      'lib/mail/deliver.ts', // the outbox's own delivery bookkeeping
      'lib/mutations/index.ts',
      'lib/storage/orphans.ts', // orphan clean-up
      'lib/users/bootstrap.ts', // the first admin, on the setup script's client
    ]);
  });
});
