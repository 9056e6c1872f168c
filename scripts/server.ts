/**
 * The portal's HTTP server: a small front server in the same process as
 * Next.js. Public pages and open data are answered from an in-memory cache
 * of whole responses (compressed once, ETag, 304); everything else is
 * proxied to Next.js, which listens on a private loopback port. The front
 * server also sets X-Forwarded-For from the socket, so the sign-in throttle
 * cannot be fooled by a client-supplied header (TRUST_PROXY=1 keeps the
 * incoming one when a reverse proxy sits in front).
 *
 * Usage: tsx scripts/server.ts [port]   (after `next build`; env as for next start)
 */
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { publicCache } from '../lib/public-cache/cache';
import { fillPublicResponse } from '../lib/public-cache/fill';
import { sendCached } from '../lib/public-cache/send';
import { logProcessErrors } from '../lib/http/error-log';
import { isCacheableRequest } from '../lib/public-cache/policy';
import { malformedPathResponse } from '../lib/http/malformed-path';
import { requestGateResponse } from '../lib/http/request-gate';
import { forwardedClientAddress } from '../lib/http/client-address';
import { notePenalty } from '../lib/http/penalty-box';
import { withSecurityHeaders } from '../lib/http/security-headers';
import { startCacheListener } from '../lib/cache-bus/listener';
import { cleanStaleTemp } from '../lib/storage';
import { whenProcessGone } from './process-watch';
import { outageAdjusted } from '../lib/http/outage';
import { env } from '../lib/env';
import { createStreamThrough } from '../lib/public-cache/stream-through';

const ROOT = path.resolve(import.meta.dirname, '..');
const port = Number(process.argv[2] ?? env.PORT);
const trustProxy = env.TRUST_PROXY === '1';

const app = next({ dev: false, dir: ROOT });
await app.prepare();

// Caches agree across instances: a change committed anywhere clears them here (lib/cache-bus, ADR 0140).
const cacheListener = env.DATABASE_URL ? startCacheListener({ connectionString: env.DATABASE_URL }) : null;

// With SERVER_ERROR_LOG set (the end-to-end tests), unhandled rejections and uncaught exceptions are also logged there.
if (env.SERVER_ERROR_LOG) logProcessErrors(env.SERVER_ERROR_LOG);
const handle = app.getRequestHandler();
const inner = http.createServer((req, res) => void handle(req, res));
// Note: the proxy's pooled sockets must be closed by the proxy before Next.js closes them (its
// default keep-alive is 5 s); otherwise a request after an idle pause can meet a socket being
// closed and answer 502. The agent drops idle sockets after 30 s; the inner server keeps them 65 s.
inner.keepAliveTimeout = 65_000;
inner.headersTimeout = 66_000;
await new Promise<void>((resolve) => inner.listen(0, '127.0.0.1', resolve));
const innerPort = (inner.address() as { port: number }).port;
const agent = new http.Agent({ keepAlive: true, maxSockets: 64, timeout: 30_000 });

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

function forwardedHeaders(req: http.IncomingMessage): http.OutgoingHttpHeaders {
  const headers: http.OutgoingHttpHeaders = { ...req.headers };
  for (const h of HOP_BY_HOP) delete headers[h];
  // The one client address, from the hop our trusted proxy appended, never the client's own first entry (lib/http/client-address.ts).
  headers['x-forwarded-for'] = forwardedClientAddress(req);
  headers['x-forwarded-host'] = req.headers.host ?? `localhost:${port}`;
  headers['x-forwarded-proto'] = trustProxy ? (req.headers['x-forwarded-proto'] ?? 'http') : 'http';
  return headers;
}

/** Streams a request through to Next.js and its answer back, untouched. */
function proxy(req: http.IncomingMessage, res: http.ServerResponse): void {
  const upstream = http.request({ host: '127.0.0.1', port: innerPort, method: req.method, path: req.url, headers: forwardedHeaders(req), agent }, (answer) => {
    const headers = withSecurityHeaders({ ...answer.headers });
    for (const h of HOP_BY_HOP) delete headers[h];
    // A page or handler that failed because the database is away is "unavailable" (503, Retry-After), not a server bug (500).
    notePenalty(req, answer.statusCode ?? 0, answer.headers['retry-after']);
    void outageAdjusted(answer.statusCode ?? 502, answer.headers['retry-after']).then(({ status, retryAfter }) => {
      if (retryAfter) headers['retry-after'] = retryAfter;
      res.writeHead(status, headers);
      answer.pipe(res);
    });
  });
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
    res.end();
  });
  req.on('aborted', () => upstream.destroy());
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

/** The open data lists, written by their route handlers while they read the database (lib/opendata/lists.ts). */
const STREAMED_PATH = /^\/api\/v1\/(municipalities|accessions)(\.csv|\.geojson)?$/;

/**
 * Issue 14: an open data list at 10 000 bodies is several MB. A miss is
 * streamed through as Next.js writes it, concurrent misses of one URL share
 * one read, and a copy is cached within a budget (lib/public-cache/stream-through.ts).
 * The origin's version-based ETag (ADR 0145) decides 304s before any row is read.
 */
const { streamThrough } = createStreamThrough({
  request: (req) => {
    const headers = forwardedHeaders(req);
    headers['accept-encoding'] = 'identity';
    delete headers.cookie;
    return http.request({ host: '127.0.0.1', port: innerPort, method: 'GET', path: req.url, headers, agent });
  },
  // An error, a 304 or anything unusual: answered as the proxy answers it.
  passThrough: (req, res, answer) => {
    const out = withSecurityHeaders({ ...answer.headers });
    for (const h of HOP_BY_HOP) delete out[h];
    notePenalty(req, answer.statusCode ?? 502, answer.headers['retry-after']);
    void outageAdjusted(answer.statusCode ?? 502, answer.headers['retry-after']).then(({ status, retryAfter }) => {
      if (retryAfter) out['retry-after'] = retryAfter;
      res.writeHead(status, out);
      answer.pipe(res);
    });
  },
});

/** Sends a whole fetch Response (small, built here) with the security headers. */
function sendResponse(res: http.ServerResponse, answer: Response): void {
  void answer.arrayBuffer().then((body) => {
    res.writeHead(answer.status, withSecurityHeaders(Object.fromEntries(answer.headers)));
    res.end(Buffer.from(body));
  });
}

/** Upper bound of one request (a slow 25 MB upload included); temporary upload files older than this are leftovers. */
const REQUEST_TIMEOUT_MS = 10 * 60_000;
let inFlight = 0;
let stopping = false;

const server = http.createServer((req, res) => {
  inFlight += 1;
  res.on('close', () => {
    inFlight -= 1;
    // While stopping, a keep-alive connection that has just gone idle is closed (the proxy retries elsewhere).
    if (stopping) server.closeIdleConnections();
  });
  if (stopping) res.setHeader('connection', 'close');
  // A path Next.js cannot decode ('%', '%FF') would be its bare 500: a translated 400 (lib/http/malformed-path.ts).
  const malformed = malformedPathResponse(req.url ?? '/', { 'x-locale': req.headers['x-locale']?.toString(), referer: req.headers.referer });
  if (malformed) return sendResponse(res, malformed);
  // Unused methods (405) and body limits (413) before anything is read or proxied (lib/http/request-gate.ts).
  const refused = requestGateResponse(req);
  if (refused) {
    // Without Connection: close (lib/http/request-gate), the body is discarded as it arrives and the answer follows it.
    if (refused.headers.get('connection') !== 'close') return void req.resume().on('end', () => sendResponse(res, refused));
    return sendResponse(res, refused);
  }
  if (!isCacheableRequest(req.method, req.url ?? '', req.headers)) return proxy(req, res);
  const hit = publicCache().get(req.url!);
  if (hit) return sendCached(req, res, hit);
  if (STREAMED_PATH.test((req.url ?? '').split('?')[0] ?? '')) return streamThrough(req, res);
  fillPublicResponse(req, { port: innerPort, agent, headers: forwardedHeaders(req) }).then(
    ({ entry }) => sendCached(req, res, entry),
    () => proxy(req, res),
  );
});
server.keepAliveTimeout = 65_000;
server.requestTimeout = REQUEST_TIMEOUT_MS;

// Uploads interrupted by a crash or a kill leave temporary files; one older than any request can be is a leftover.
const removed = await cleanStaleTemp(REQUEST_TIMEOUT_MS).catch(() => 0);
if (removed > 0) console.log(`Removed ${removed} leftover temporary upload file(s).`);

server.listen(port, () => console.log(`▲ Memorands listening on http://localhost:${port}`));

/**
 * Graceful shutdown (SIGTERM from an orchestrator, Ctrl+C): stop accepting
 * connections, let the requests in flight finish (an upload completes and is
 * stored, or fails whole), close idle keep-alive connections, then exit.
 * After SHUTDOWN_GRACE_MS the remaining connections are cut (an upload cut
 * there leaves at most a temporary file, removed at the next start).
 */
const SHUTDOWN_GRACE_MS = 30_000;
function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  const finishing = inFlight;
  const force = setTimeout(() => {
    server.closeAllConnections();
    process.exit(1);
  }, SHUTDOWN_GRACE_MS);
  force.unref();
  server.close(() => {
    // Not awaited: with the database away, ending a connection that is still connecting may never finish.
    void cacheListener?.stop();
    inner.close(() => process.exit(0));
    inner.closeAllConnections();
  });
  server.closeIdleConnections();
  // Printed after server.close() closed the listening socket (synchronously): from this line on no new connection is accepted
  // (tests/integration/operable.test.ts waits for it).
  console.log(`${signal}: finishing ${finishing} request(s) in flight, then stopping.`);
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));

// Started by scripts/serve.ts (npm start / npm run up): if it is killed outright, do not stay behind answering.
const supervisor = env.MEMORANDS_SUPERVISOR_PID;
if (supervisor > 0) whenProcessGone(supervisor, () => stop('supervisor gone'));
