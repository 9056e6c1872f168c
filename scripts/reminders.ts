/**
 * Report reminders (npm run reminders; schedule it daily, e.g. with cron):
 * enqueues "progress report due within 14 days" and "progress report
 * overdue" e-mails to the municipalities' secretaries — each reminder once,
 * however often this runs — then delivers pending mail when SMTP_URL is set
 * (also retrying earlier failures). Prints a one-line summary.
 *
 * Database: DATABASE_URL; when unset, the embedded PostgreSQL of `npm run up`
 * (.data/pg): the running one while the portal is up, else started for this
 * run and stopped afterwards.
 */
import { appDatabase, openServerForScript } from './lib';
import { setDatabaseUrl } from '../lib/env';

const server = await openServerForScript();
let code = 0;
try {
  setDatabaseUrl(await appDatabase(server, 'memorands'));
  const { runReminders } = await import('../lib/mail/reminders');
  const { runStaffDigest } = await import('../lib/mail/staff');
  const { deliverPending } = await import('../lib/mail/deliver');
  const { smtpConfigured } = await import('../lib/mail/transport');
  const { disconnectDb } = await import('../lib/db/client');
  try {
    const counts = await runReminders();
    const digest = await runStaffDigest();
    const delivery = await deliverPending({ limit: 1000 });
    const mail = smtpConfigured()
      ? `mail: ${delivery.sent} sent, ${delivery.failed} failed`
      : `mail: ${delivery.held} waiting in the outbox (SMTP_URL is not set)`;
    console.log(
      `Reminders: ${counts.due} due soon, ${counts.overdue} overdue, ${counts.skippedAsDuplicate} sent before; staff digest: ${digest.sent} to staff about ${digest.submissions} submissions; ${mail}.`,
    );
  } finally {
    await disconnectDb();
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Reminders failed: ${message}`);
  if (/does not exist/i.test(message)) console.error('The database is not set up: bring the portal up once (npm run up) or run npm run db:migrate.');
  code = 1;
} finally {
  await server.stop().catch(() => undefined);
}
process.exit(code);
