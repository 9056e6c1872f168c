import 'server-only';
import { db, type Tx } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { requirePermission, type Actor, type Permission } from '@/lib/authz';
import { writeAudit, type AuditInput } from '@/lib/audit';
import { invalidateCaches } from '@/lib/cache-bus/notify';
import type { CacheScope } from '@/lib/cache-bus/registry';
import { kickDelivery } from '@/lib/mail/outbox';

/**
 * The one mutation pipeline (docs/adr/0153-one-mutation-pipeline.md). Every
 * change the portal makes to its data passes here:
 *
 * 1. the permission table (lib/authz) is checked for the actor — refused, nothing is opened or written;
 * 2. the change runs in one transaction;
 * 3. it writes its typed audit event(s) in that transaction (a change that writes none is an error and rolls back);
 * 4. mail goes to the outbox in that transaction, delivery starts after commit;
 * 5. the caches of the scopes it names are invalidated: PostgreSQL NOTIFY
 *    queued at the end of the transaction, so it reaches every instance only
 *    on commit (docs/adr/0140); a rollback notifies nobody.
 *
 * Route handlers and scripts call the domain functions built on it; nothing
 * else calls invalidateCaches.
 */

/** The audit event of a change: its actor is the pipeline's unless it says otherwise (e.g. the account just created). */
export type MutationAudit = Omit<AuditInput, 'actor'> & { actor?: Actor | null };

export type MutationContext<A extends Actor | null = Actor> = {
  tx: Tx;
  /** The actor the permission was checked for. */
  actor: A;
  /** Writes a typed audit event in the transaction. */
  audit: (event: MutationAudit) => Promise<void>;
  /** Marks the caches of `scope` stale (notified with the commit). */
  invalidate: (scope: CacheScope) => void;
  /** Runs an outbox write (lib/mail) in the transaction; delivery starts after commit. */
  mail: <T>(write: (tx: Tx) => Promise<T>) => Promise<T>;
  /** Declares that this run changed nothing after all (e.g. it found the draft already open): no audit event is then required. */
  unchanged: () => void;
};

type Target = { municipalityId?: string | null };

/**
 * `anyone`: the changes open without a session (signing in, password reset, accepting an invitation);
 * `system`: scheduled jobs and operator scripts (reminders, trust list update) — never with a signed-in actor.
 */
export type OpenPermission = 'anyone' | 'system';

export type MutationSpec<P extends Permission | OpenPermission> = {
  actor: Actor | null;
  /** The permission needed, from the table (lib/authz), or one of the {@link OpenPermission}s. */
  permission: P;
  /** The municipality acted upon, for own-only rules; a function reads it inside the transaction (unknown subjects throw NOT_FOUND there). */
  target?: Target | ((tx: Tx) => Promise<Target>);
  /** Interactive transaction limits (ms) for long changes; Prisma's defaults otherwise. */
  timeout?: number;
  maxWait?: number;
};

/** What one pipeline run did (tests, diagnostics): the last completed run in this process. */
export type MutationTrace = { permission: string; committed: boolean; audits: number; scopes: CacheScope[]; mailed: boolean };
let lastTrace: MutationTrace | null = null;
export const lastMutation = (): MutationTrace | null => lastTrace;

/**
 * Runs `run` as one audited, authorized, cache-coherent change. The
 * permission check comes first (a static target before the transaction
 * opens; a target read by function right after it opens, and a refusal
 * rolls back the nothing it did). Errors thrown by `run` roll everything
 * back: no row, no audit event, no mail, no notification. Unique-key
 * violations surface unchanged (lib/http/route.ts answers them 409).
 */
export async function mutate<T, P extends Permission | OpenPermission>(
  spec: MutationSpec<P>,
  run: (m: MutationContext<P extends OpenPermission ? Actor | null : Actor>) => Promise<T>,
): Promise<T> {
  type A = P extends OpenPermission ? Actor | null : Actor;
  const check = (target?: Target): A => {
    if (spec.permission === 'anyone') return spec.actor as A;
    if (spec.permission === 'system') {
      if (spec.actor) throw new AppError('FORBIDDEN');
      return null as A;
    }
    return requirePermission(spec.actor, spec.permission, target) as A;
  };
  let actor: A | undefined = typeof spec.target === 'function' ? undefined : check(spec.target);
  const trace: MutationTrace = { permission: spec.permission, committed: false, audits: 0, scopes: [], mailed: false };
  const result = await db().$transaction(
    async (tx) => {
      if (actor === undefined) actor = check(await (spec.target as (tx: Tx) => Promise<Target>)(tx));
      const who = actor;
      let unchanged = false;
      const scopes = new Set<CacheScope>();
      const value = await run({
        tx,
        actor: who,
        audit: async (event) => {
          await writeAudit(tx, { ...event, actor: event.actor === undefined ? who : event.actor });
          trace.audits += 1;
        },
        invalidate: (scope) => void scopes.add(scope),
        mail: async (write) => {
          trace.mailed = true;
          return write(tx);
        },
        unchanged: () => void (unchanged = true),
      });
      if (trace.audits === 0 && !unchanged) throw new Error(`mutation '${spec.permission}' wrote no audit event`);
      // 'public' changes move staff figures too (lib/cache-bus/registry): one notification covers both.
      for (const scope of scopes.has('public') ? (['public'] as const) : [...scopes]) await invalidateCaches(tx, scope);
      trace.scopes = [...scopes];
      return value;
    },
    { timeout: spec.timeout, maxWait: spec.maxWait },
  );
  trace.committed = true;
  lastTrace = trace;
  if (trace.mailed) kickDelivery();
  return result;
}
