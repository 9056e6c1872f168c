import pg from 'pg';
import { CACHE_CHANNEL } from './notify';
import { CACHE_SCOPES, clearLocalCaches, setCachesCoherent, type CacheScope } from './registry';

export type CacheListener = {
  /** Resolves once the first LISTEN is in place. */
  ready: Promise<void>;
  isConnected(): boolean;
  /** The server process id of the listening connection (tests terminate it). */
  backendPid(): number | null;
  stop(): Promise<void>;
};

type Options = {
  connectionString: string;
  /** A committed change of `scope` (default: clear this process's caches of that scope). */
  onInvalidate?: (scope: CacheScope) => void;
  /** The connection was lost or re-established: anything may have changed unheard (default: clear every cache). */
  onReset?: () => void;
  /** How often the connection is checked with a trivial query (a half-open TCP connection shows no error by itself). */
  pingMs?: number;
};

const isScope = (s: string): s is CacheScope => (CACHE_SCOPES as readonly string[]).includes(s);

/**
 * One dedicated PostgreSQL connection per process that LISTENs for cache
 * invalidations (lib/cache-bus/notify.ts) and clears the local caches. On a
 * lost connection it clears everything, marks the caches incoherent (they
 * are bypassed) and reconnects with backoff; once listening again it clears
 * everything once more (changes made in the gap were not heard) and the
 * caches are used again.
 */
export function startCacheListener({
  connectionString,
  onInvalidate = clearLocalCaches,
  onReset = () => clearLocalCaches('all'),
  pingMs = 5000,
}: Options): CacheListener {
  let client: pg.Client | null = null;
  let connected = false;
  let stopped = false;
  let delay = 100;
  let retry: NodeJS.Timeout | null = null;
  let ping: NodeJS.Timeout | null = null;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const lost = (c: pg.Client) => {
    if (client !== c) return;
    client = null;
    if (ping) clearInterval(ping);
    ping = null;
    const was = connected;
    connected = false;
    setCachesCoherent(false);
    if (was) onReset();
    void c.end().catch(() => undefined);
    if (!stopped) {
      retry = setTimeout(() => void connect(), delay);
      delay = Math.min(delay * 2, 5000);
    }
  };

  async function connect() {
    retry = null;
    if (stopped) return;
    const c = new pg.Client({ connectionString, keepAlive: true, application_name: 'memorands-cache-listener', connectionTimeoutMillis: 5000 });
    client = c;
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    c.on('notification', (n) => {
      if (n.channel === CACHE_CHANNEL && n.payload && isScope(n.payload)) onInvalidate(n.payload);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CACHE_CHANNEL}`);
    } catch {
      lost(c);
      return;
    }
    if (client !== c || stopped) return;
    connected = true;
    delay = 100;
    onReset();
    setCachesCoherent(true);
    let pinging = false;
    ping = setInterval(() => {
      // One ping at a time: a slow database must not queue them up on this connection.
      if (pinging) return;
      pinging = true;
      c.query('SELECT 1').then(
        () => {
          pinging = false;
        },
        () => lost(c),
      );
    }, pingMs);
    ping.unref();
    markReady();
  }

  setCachesCoherent(false);
  void connect();
  return {
    ready,
    isConnected: () => connected,
    backendPid: () => (connected && client ? (client as unknown as { processID: number | null }).processID : null),
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      if (ping) clearInterval(ping);
      const c = client;
      client = null;
      connected = false;
      setCachesCoherent(true);
      await c?.end().catch(() => undefined);
    },
  };
}
