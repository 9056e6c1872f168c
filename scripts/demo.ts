/**
 * Demo data (npm run demo): a few clearly labelled demo accessions, reports
 * and two demo users in the current council term of the development
 * database, idempotently (lib/seed/demo.ts); `npm run demo -- --remove`
 * deletes exactly them again. Refuses when PUBLIC_BASE_URL is not a loopback
 * address unless given --on-public-server. The demo users' generated
 * passwords are printed and written to .data/demo-users.txt (mode 0600).
 *
 * Database: as `npm run up` finds it — DATABASE_URL; when unset, the embedded
 * PostgreSQL under .data/pg (the running one while the portal is up, else
 * started for this run and stopped afterwards).
 */
import { chmod, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DATA, appDatabase, openServerForScript } from './lib';
import { env, setDatabaseUrl } from '../lib/env';

const remove = process.argv.includes('--remove');
const usersFile = path.join(DATA, 'demo-users.txt');
let code = 0;
let server: Awaited<ReturnType<typeof openServerForScript>> | undefined;
try {
  const { assertDemoAllowed, removeDemo, seedDemo } = await import('../lib/seed/demo');
  assertDemoAllowed({ publicBaseUrl: env.PUBLIC_BASE_URL, onPublicServer: process.argv.includes('--on-public-server') });
  server = await openServerForScript();
  setDatabaseUrl(await appDatabase(server, 'memorands'));
  const { disconnectDb } = await import('../lib/db/client');
  try {
    if (remove) {
      const r = await removeDemo();
      await rm(usersFile, { force: true });
      console.log(`Demo data removed: ${r.accessions} accessions, ${r.reports} reports, ${r.documents} documents, ${r.users} users.`);
    } else {
      const r = await seedDemo();
      if (!r.created) {
        console.log(`Demo data is already there (term ${r.term}: ${r.accessions.map((a) => a.slug).join(', ')}); nothing changed. Users: ${usersFile}`);
      } else {
        console.log(`Demo data created in term ${r.term}, labelled DEMO on every page and is_demo in the open data:`);
        for (const a of r.accessions) console.log(`  ${a.slug}: accession ${a.status}${a.report ? `, report ${a.report}` : ''}`);
        const lines = r.users.map((u) => `${u.role} ${u.email} ${u.password}${u.municipalitySlug ? ` (${u.municipalitySlug})` : ''}`);
        for (const line of lines) console.log(`  ${line}`);
        await writeFile(usersFile, `${lines.join('\n')}\n`, { mode: 0o600 });
        await chmod(usersFile, 0o600);
        if (!r.reportingSetUp) console.log(`Reporting for ${r.term} is not set up yet (staff: Terms page): the demo reports show once it is.`);
        console.log(`Demo users written to ${usersFile}. Remove everything with: npm run demo -- --remove`);
      }
    }
  } finally {
    await disconnectDb();
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Demo failed: ${message}`);
  if (/does not exist/i.test(message)) console.error('The database is not set up: bring the portal up once (npm run up).');
  code = 1;
} finally {
  await server?.stop().catch(() => undefined);
}
process.exit(code);
