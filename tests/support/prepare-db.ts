/**
 * Creates a fresh database next to DATABASE_URL's (dropped first), migrates
 * and seeds it, and prints its URL: a fresh install for tests that need one
 * (tests/e2e/calendar.spec.ts). Usage: tsx tests/support/prepare-db.ts <name>
 */
import { assertLocalDatabase, ensureDatabase } from '../../lib/db/embedded';

const name = process.argv[2];
if (!name || !/^memorands_[a-z0-9_]+$/.test(name)) throw new Error('usage: prepare-db.ts memorands_<name>');
const base = process.env.DATABASE_URL!;
assertLocalDatabase(base);
const url = await ensureDatabase(base, name, { fresh: true });
process.env.DATABASE_URL = url;
const { migrate } = await import('../../lib/db/migrate');
const { db, disconnectDb } = await import('../../lib/db/client');
const { seedReference } = await import('../../lib/seed/reference');
await migrate(url);
await seedReference(db());
await disconnectDb();
process.stdout.write(`${url}\n`);
