import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { requireDatabaseUrl } from '@/lib/env';

function createClient() {
  const adapter = new PrismaPg({ connectionString: requireDatabaseUrl(), max: 10 });
  // Note: password hashes are omitted from every query by default; the one
  // module that verifies passwords asks for them explicitly.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

const globalForDb = globalThis as unknown as { memorandsDb?: Db };

/** The Prisma client singleton (kept on globalThis so dev reloads reuse it). */
export function db(): Db {
  globalForDb.memorandsDb ??= createClient();
  return globalForDb.memorandsDb;
}

/** Closes the singleton (scripts and tests). */
export async function disconnectDb(): Promise<void> {
  await globalForDb.memorandsDb?.$disconnect();
  globalForDb.memorandsDb = undefined;
}
