/** A PostgreSQL of a test's own (restartable on its port), migrated and seeded with one secretary: the outage tests (tests/integration/*outage*.test.ts). */
import { rm } from 'node:fs/promises';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import type { Db } from '@/lib/db/client';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { seedReference } from '@/lib/seed/reference';
import { createUser } from '@/lib/seed/factories';
import { PASSWORD } from './crash';

export async function startOwnPostgres(opts: { dataDir: string; database: string; email: string }) {
  const pg = await startEmbeddedPostgres({ dataDir: opts.dataDir, persistent: true });
  const url = await ensureDatabase(pg.baseUrl, opts.database, { fresh: true });
  await migrate(url);
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  await seedReference(client as unknown as Db);
  const { email } = await createUser(client, {
    role: 'SECRETARY',
    municipalitySlug: 'cesu-novads',
    email: opts.email,
    name: 'Outage Secretary',
    password: PASSWORD,
  });
  await client.$disconnect();
  return { pg, url, pgPort: Number(new URL(pg.baseUrl).port), email };
}

/** Stops it and removes its data folder. */
export async function removeOwnPostgres(pg: EmbeddedServer | undefined, dataDir: string): Promise<void> {
  await pg?.stop().catch(() => undefined);
  await rm(dataDir, { recursive: true, force: true });
  await rm(`${dataDir}.password`, { force: true });
}
