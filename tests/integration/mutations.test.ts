import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { mutate, lastMutation } from '@/lib/mutations';
import { startCacheListener, type CacheListener } from '@/lib/cache-bus/listener';
import type { CacheScope } from '@/lib/cache-bus/registry';
import { route } from '@/lib/http/route';
import { actorOf, createUser, resetDatabase } from './db-utils';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The one mutation pipeline (lib/mutations): permission, transaction, audit, mail, cache notification. */
describe('mutate (lib/mutations)', () => {
  let listener: CacheListener;
  let heard: CacheScope[];
  beforeEach(async () => {
    await resetDatabase();
    heard = [];
    listener = startCacheListener({ connectionString: process.env.DATABASE_URL!, onInvalidate: (s) => heard.push(s), onReset: () => undefined });
    await listener.ready;
  });
  afterEach(async () => {
    await listener.stop();
  });

  /**
   * What the listener has heard so far: a marker notification ('staff', which these changes never ask for) sent now
   * arrives after every notification committed before it (PostgreSQL delivers them in commit order), so waiting for
   * it replaces a fixed wait, which a loaded machine may outlast.
   */
  const heardSoFar = async (): Promise<CacheScope[]> => {
    await db().$executeRaw`SELECT pg_notify('memorands_cache', 'staff')`;
    while (!heard.includes('staff')) await sleep(10);
    return heard.filter((s) => s !== 'staff');
  };
  const counts = async () => ({
    audits: await db().auditEvent.count(),
    norms: await db().legalNorm.count(),
    outbox: await db().outboxMessage.count(),
  });
  /** A change that writes a row, an audit event, a message and asks for the public caches. */
  const fullChange = (citation: string) => async (m: Parameters<Parameters<typeof mutate>[1]>[0]) => {
    const norm = await m.tx.legalNorm.create({
      data: { key: `test-${citation}`, validFrom: new Date('2024-01-01'), value: 1, unit: 'x', citation, sourceUrl: 'https://example.test/' },
      select: { id: true },
    });
    await m.audit({ action: 'reporting.norm', subjectType: 'LegalNorm', subjectId: norm.id, after: { citation } });
    await m.mail((tx) => tx.outboxMessage.create({ data: { kind: 'staff.digest', toEmail: 'x@example.test', locale: 'lv', subject: 's', text: 't' } }));
    m.invalidate('public');
    return norm.id;
  };

  it('a refused permission writes nothing: no row, no audit event, no mail, no notification; the change never runs', async () => {
    const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' }));
    const before = await counts();
    let ran = false;
    await expect(
      mutate({ actor: secretary, permission: 'reporting.manage' }, async (m) => {
        ran = true;
        return fullChange('refused')(m);
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(mutate({ actor: null, permission: 'reporting.manage' }, fullChange('anonymous'))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    // Own-only: the target read inside the transaction is another municipality's.
    const riga = await db().municipality.findUniqueOrThrow({ where: { slug: 'riga' }, select: { id: true } });
    await expect(
      mutate({ actor: secretary, permission: 'progress.edit', target: () => Promise.resolve({ municipalityId: riga.id }) }, async (m) => {
        ran = true;
        return fullChange('other')(m);
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // A scheduled job's permission is never a signed-in user's.
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    await expect(mutate({ actor: staff, permission: 'system' }, fullChange('system'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(ran).toBe(false);
    expect(await counts()).toEqual(before);
    expect(await heardSoFar()).toEqual([]);
  });

  it('an error inside the change rolls everything back and notifies nobody', async () => {
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const before = await counts();
    await expect(
      mutate({ actor: staff, permission: 'reporting.manage' }, async (m) => {
        await fullChange('failing')(m);
        throw new Error('boom after writing');
      }),
    ).rejects.toThrow('boom after writing');
    expect(await counts()).toEqual(before);
    expect(await heardSoFar()).toEqual([]);
  });

  it('a change without an audit event is refused and rolled back', async () => {
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const before = await counts();
    await expect(
      mutate({ actor: staff, permission: 'reporting.manage' }, async (m) => {
        await m.tx.legalNorm.create({
          data: { key: 'unaudited', validFrom: new Date('2024-01-01'), value: 1, unit: 'x', citation: 'c', sourceUrl: 'https://example.test/' },
        });
        m.invalidate('public');
      }),
    ).rejects.toThrow(/wrote no audit event/);
    expect(await counts()).toEqual(before);
    expect(await heardSoFar()).toEqual([]);
  });

  it('success: the row, exactly one audit event with the actor, the message, and one notification after commit', async () => {
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const before = await counts();
    const id = await mutate({ actor: staff, permission: 'reporting.manage' }, fullChange('ok'));
    const after = await counts();
    expect(after).toEqual({ audits: before.audits + 1, norms: before.norms + 1, outbox: before.outbox + 1 });
    const event = await db().auditEvent.findFirstOrThrow({ where: { subjectId: id } });
    expect(event).toMatchObject({ action: 'reporting.norm', actorId: staff.id, actorRole: 'STAFF', subjectType: 'LegalNorm' });
    expect(await heardSoFar()).toEqual(['public']);
    expect(lastMutation()).toMatchObject({ permission: 'reporting.manage', committed: true, audits: 1, scopes: ['public'], mailed: true });
  });

  it('a unique-key race inside the pipeline is a 409 at the route, not a 500', async () => {
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const create = () =>
      mutate({ actor: staff, permission: 'reporting.manage' }, async (m) => {
        await m.tx.legalNorm.create({
          data: { key: 'dup', validFrom: new Date('2024-01-01'), value: 1, unit: 'x', citation: 'c', sourceUrl: 'https://example.test/' },
        });
        await m.audit({ action: 'reporting.norm', subjectType: 'LegalNorm', after: {} });
        return Response.json({ ok: true });
      });
    const handler = route(async () => create());
    const answers = await Promise.all([1, 2].map(() => handler(new Request('http://localhost/api/test', { method: 'POST' }), { params: Promise.resolve({}) })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(await db().legalNorm.count({ where: { key: 'dup' } })).toBe(1);
    expect(await db().auditEvent.count({ where: { action: 'reporting.norm' } })).toBe(1);
  });
});
