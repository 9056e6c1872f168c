/**
 * npm run trust:update — downloads the Latvian trusted list (TRUSTED_LIST_URL, default
 * https://trustlist.gov.lv/tsl/latvian-tsl.xml), verifies its signature against the pinned
 * scheme-operator certificate (TRUSTED_LIST_SIGNER_PEM) and stores it; the portal then computes
 * new verdicts with it. A failed download or a list that does not verify changes nothing (exit 1).
 * Schedule it daily, e.g. `30 6 * * * cd /srv/memorands && npm run trust:update`.
 *
 * Database: DATABASE_URL; when unset, the embedded PostgreSQL of `npm run up` (.data/pg).
 */
import { appDatabase, openServerForScript } from './lib';
import { setDatabaseUrl } from '../lib/env';

const server = await openServerForScript();
let code = 0;
try {
  setDatabaseUrl(await appDatabase(server, 'memorands'));
  const { updateTrustedList } = await import('../lib/trust/update');
  const { disconnectDb } = await import('../lib/db/client');
  try {
    const r = await updateTrustedList();
    if (r.outcome === 'refused') {
      console.error(`Trusted list not updated: ${r.why}. The list in use stays as it was.`);
      code = 1;
    } else {
      const day = (d: Date) => d.toISOString().slice(0, 10);
      console.log(
        r.outcome === 'stored'
          ? `Trusted list No. ${r.sequenceNumber} of ${day(r.issueDate)} verified and stored${r.nextUpdate ? ` (next update due ${day(r.nextUpdate)})` : ''}.`
          : `Trusted list No. ${r.sequenceNumber} of ${day(r.issueDate)} is already the newest.`,
      );
    }
  } finally {
    await disconnectDb();
  }
} catch (error) {
  console.error(`Trusted list update failed: ${error instanceof Error ? error.message : String(error)}`);
  code = 1;
} finally {
  await server.stop().catch(() => undefined);
}
process.exit(code);
