/**
 * Creates a fresh database next to DATABASE_URL's (dropped first), migrates
 * and seeds it, and prints its URL: a fresh install for tests that need one
 * (tests/e2e/calendar.spec.ts). Usage: tsx tests/support/prepare-db.ts <name>
 */
import { assertLocalDatabase, ensureDatabase } from '../../lib/db/embedded';
import { migrateAndSeed } from '../../scripts/lib';

const name = process.argv[2];
if (!name || !/^memorands_[a-z0-9_]+$/.test(name)) throw new Error('usage: prepare-db.ts memorands_<name>');
const base = process.env.DATABASE_URL!;
assertLocalDatabase(base);
const url = await ensureDatabase(base, name, { fresh: true });
await migrateAndSeed(url);
process.stdout.write(`${url}\n`);
