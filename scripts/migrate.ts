/** Applies pending migrations to DATABASE_URL (npm run db:migrate). */
import { migrate } from '../lib/db/migrate';
import { currentDatabaseUrl } from '../lib/env';

const url = currentDatabaseUrl();
if (!url) {
  console.error('DATABASE_URL is not set.');
  process.exit(2);
}
const result = await migrate(url);
console.log(`applied: ${result.applied.join(', ') || 'none'}; already applied: ${result.skipped.length}`);
