import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { invalidateCaches } from '@/lib/cache-bus/notify';
import { startCacheListener, type CacheListener } from '@/lib/cache-bus/listener';
import { cachesCoherent, type CacheScope } from '@/lib/cache-bus/registry';
import { publicCache } from '@/lib/public-cache/cache';
import { recordNorm } from '@/lib/progress/settings';
import { ZLegalNormSchema } from '@/lib/schemas/reporting';
import { actorOf, createUser, resetDatabase } from './db-utils';

const url = () => process.env.DATABASE_URL!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits for `check` to hold; `ms` only bounds a wait for something that never comes (generous: a loaded machine is slow, not wrong). */
async function until(check: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(10);
  }
}
const storeSample = () =>
  publicCache().set('/lv', { status: 200, headers: { 'content-type': 'text/html' }, body: Buffer.from('<p>old</p>') }, publicCache().currentGeneration());

describe('cache invalidation through PostgreSQL LISTEN/NOTIFY (lib/cache-bus)', () => {
  const listeners: CacheListener[] = [];
  beforeEach(resetDatabase);
  afterEach(async () => {
    await Promise.all(listeners.splice(0).map((l) => l.stop()));
    publicCache().clear();
  });

  it('a rolled-back change notifies nobody; a committed one does', async () => {
    const heard: CacheScope[] = [];
    const listener = startCacheListener({ connectionString: url(), onInvalidate: (s) => heard.push(s), onReset: () => undefined });
    listeners.push(listener);
    await listener.ready;
    await expect(
      db().$transaction(async (tx) => {
        await invalidateCaches(tx, 'public');
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await db().$transaction(async (tx) => {
      await invalidateCaches(tx, 'staff');
    });
    // PostgreSQL delivers notifications in commit order: a notification of the rolled-back change would come first.
    await until(() => heard.includes('staff'));
    expect(heard).toEqual(['staff']);
  });

  // Note: how soon it arrives is not asserted (a time limit flakes on a loaded machine); tests/integration/two-instances.test.ts reports it.
  it('a change committed through the domain reaches a second listener (another instance)', async () => {
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    let heardAt = 0;
    const other = startCacheListener({
      connectionString: url(),
      onInvalidate: (s) => {
        if (s === 'public') heardAt = Date.now();
      },
      onReset: () => undefined,
    });
    listeners.push(other);
    await other.ready;
    await recordNorm({
      actor: staff,
      input: ZLegalNormSchema.parse({ validFrom: '2024-01-01', value: '1', citation: 'test', sourceUrl: 'https://example.test/a' }),
    });
    await until(() => heardAt > 0);
  });

  it('the listener clears the public cache on a notification from elsewhere', async () => {
    const listener = startCacheListener({ connectionString: url() });
    listeners.push(listener);
    await listener.ready;
    storeSample();
    expect(publicCache().get('/lv')).toBeDefined();
    // Another instance's transaction: a plain NOTIFY from a separate connection.
    await db().$executeRaw`SELECT pg_notify('memorands_cache', 'public')`;
    await until(() => publicCache().size === 0);
  });

  it('a lost listener connection clears every cache, bypasses caches until it is back, then listens again', async () => {
    const listener = startCacheListener({ connectionString: url() });
    listeners.push(listener);
    await listener.ready;
    storeSample();
    expect(publicCache().size).toBe(1);
    const pid = listener.backendPid();
    expect(pid).toBeTypeOf('number');
    await db().$queryRaw`SELECT pg_terminate_backend(${pid}::int)`;
    await until(() => !listener.isConnected());
    expect(publicCache().size).toBe(0);
    // Reconnected: a new server process, and caches are used again.
    await until(() => listener.isConnected() && listener.backendPid() !== pid);
    expect(cachesCoherent()).toBe(true);
    storeSample();
    expect(publicCache().size).toBe(1);
    await db().$executeRaw`SELECT pg_notify('memorands_cache', 'public')`;
    await until(() => publicCache().size === 0);
  });

  it('while the listener is disconnected the public cache neither serves nor stores', () => {
    const listener = startCacheListener({ connectionString: 'postgresql://nobody:wrong@127.0.0.1:1/none' });
    listeners.push(listener);
    // Incoherent from the start, until a connection is made (lib/cache-bus/listener.ts): here it never is.
    expect(cachesCoherent()).toBe(false);
    storeSample();
    expect(publicCache().size).toBe(0);
    expect(publicCache().get('/lv')).toBeUndefined();
  });
});
