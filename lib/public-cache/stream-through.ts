import type http from 'node:http';
import { createBrotliCompress, createGzip, constants as zlibConstants, type BrotliCompress, type Gzip } from 'node:zlib';
import { etagForCoding, isNotModified, negotiateEncoding } from '../http/conditional';
import { NON_PAGE_CSP, STATIC_SECURITY_HEADERS } from '../http/security-headers';
import { publicCache } from './cache';
import { KEPT_HEADERS } from './fill';

/**
 * Public-cache misses of the streamed open data lists (issue 14, ADR 0145),
 * for the front server (scripts/server.ts):
 *
 * - The origin's answer is passed through as it is written (backpressure kept
 *   end to end, compressed on the fly and flushed after every chunk), so the
 *   first bytes leave at once.
 * - Concurrent misses of ONE URL are coalesced into one origin request and one
 *   database read (single flight, as nginx `proxy_cache_lock` or Varnish
 *   request coalescing do, but streaming): a request arriving while the
 *   answer is being read gets what was already read from the copy being
 *   collected, then the rest as it comes. The origin is read at the pace of
 *   the slowest reader, so no reader buffers unboundedly.
 * - A copy is collected while the body stays within COPY_LIMIT and all copies
 *   being collected within COPY_BUDGET, then cached as any public answer. A
 *   flight whose copy was given up takes no new readers (they could not get
 *   its start): they start their own.
 * - Brotli on the fly uses a 256 kB window: each concurrent stream otherwise
 *   held ~6 MB of encoder state (5 GeoJSON misses: +25 MB of RSS).
 */

/** A streamed answer up to this size is also kept in the public cache (10 000 bodies' GeoJSON is ~6.3 MB). */
export const COPY_LIMIT = 8 * 1024 * 1024;
/**
 * All copies being collected at once stay within this: one list at 10 000
 * bodies. Misses of one URL share one copy (single flight); misses of
 * different URLs at once are streamed, and only the first is kept.
 */
export const COPY_BUDGET = 8 * 1024 * 1024;
/** log2 of the brotli window used on the fly. */
const BROTLI_WINDOW_BITS = 18;

type Head = { kept: Record<string, string>; originTag: string };

type Reader = {
  /** Writes one chunk of the origin's body; false: wait for `drain` of `sink`. */
  write: (chunk: Buffer) => boolean;
  sink: NodeJS.WritableStream;
  end: () => void;
  destroy: () => void;
  res: http.ServerResponse;
};

type Flight = {
  key: string;
  generation: number;
  /** Resolved with the head of a shareable answer (a 200 with the origin's tag, no cookie), or null. */
  head: Promise<Head | null>;
  /** The body read so far (the copy), null once given up. */
  copy: Buffer[] | null;
  copied: number;
  /** Whether any of the body has been read (a newcomer then needs the copy). */
  started: boolean;
  readers: Set<Reader>;
  /** Requests waiting for the head (not readers yet). */
  waiting: number;
  /** Readers whose socket is full: the origin waits for them. */
  blocked: Set<Reader>;
  answer: http.IncomingMessage | null;
  upstream: http.ClientRequest;
  done: boolean;
};

export type StreamThroughOptions = {
  /** A GET of `path` to the origin (Next.js) with the request's forwarded headers, identity coding and no cookie. */
  request: (req: http.IncomingMessage) => http.ClientRequest;
  /** Answers an origin response that is not a shareable 200 (an error, a 304, a cookie) as the plain proxy does. */
  passThrough: (req: http.IncomingMessage, res: http.ServerResponse, answer: http.IncomingMessage) => void;
};

/** The streamed-miss handler with its own flights and copy budget (one per front server). */
export function createStreamThrough({ request, passThrough }: StreamThroughOptions) {
  const flights = new Map<string, Flight>();
  let copying = 0;
  /** Origin requests started (tests, diagnostics). */
  const stats = { originRequests: 0 };

  const giveUpCopy = (f: Flight) => {
    copying -= f.copied;
    f.copied = 0;
    f.copy = null;
    if (flights.get(f.key) === f) flights.delete(f.key);
  };

  const finish = (f: Flight) => {
    if (f.done) return;
    f.done = true;
    if (flights.get(f.key) === f) flights.delete(f.key);
    const copy = f.copy;
    const bytes = f.copied;
    copying -= bytes;
    f.copied = 0;
    f.copy = null;
    return copy ? Buffer.concat(copy, bytes) : null;
  };

  const abort = (f: Flight) => {
    finish(f);
    f.upstream.destroy();
    for (const r of f.readers) r.destroy();
    f.readers.clear();
  };

  /** Nobody reads or waits any more: the origin request is dropped (and nothing is cached). */
  const abandonIfUnread = (f: Flight) => {
    if (f.readers.size === 0 && f.waiting === 0 && !f.done) abort(f);
  };

  const leave = (f: Flight, reader: Reader) => {
    f.readers.delete(reader);
    f.blocked.delete(reader);
    abandonIfUnread(f);
    if (f.blocked.size === 0) f.answer?.resume();
  };

  /** Writes `c` to `r`; a full reader holds the origin until it drains. */
  const deliver = (f: Flight, r: Reader, c: Buffer) => {
    if (r.write(c) || f.blocked.has(r)) return;
    f.blocked.add(r);
    r.sink.once('drain', () => {
      f.blocked.delete(r);
      if (f.blocked.size === 0) f.answer?.resume();
    });
  };

  /** Starts the one origin request of a flight and pumps its body to every reader. */
  function start(req: http.IncomingMessage, res: http.ServerResponse): Flight {
    const key = req.url!;
    let resolveHead!: (h: Head | null) => void;
    const head = new Promise<Head | null>((resolve) => (resolveHead = resolve));
    stats.originRequests += 1;
    const upstream = request(req);
    const f: Flight = {
      key,
      generation: publicCache().currentGeneration(),
      head,
      copy: [],
      copied: 0,
      started: false,
      readers: new Set(),
      waiting: 0,
      blocked: new Set(),
      answer: null,
      upstream,
      done: false,
    };
    flights.set(key, f);
    upstream.on('response', (answer) => {
      const originTag = typeof answer.headers.etag === 'string' ? answer.headers.etag : undefined;
      if (answer.statusCode !== 200 || !originTag || answer.headers['set-cookie']) {
        // Not shareable: the first request gets it as the proxy would; readers that joined go their own way.
        finish(f);
        resolveHead(null);
        passThrough(req, res, answer);
        return;
      }
      const kept: Record<string, string> = {};
      for (const h of KEPT_HEADERS) if (answer.headers[h]) kept[h] = String(answer.headers[h]);
      f.answer = answer;
      answer.on('data', (c: Buffer) => {
        f.started = true;
        if (f.copy) {
          if (f.copied + c.length > COPY_LIMIT || copying + c.length > COPY_BUDGET) giveUpCopy(f);
          else {
            f.copy.push(c);
            f.copied += c.length;
            copying += c.length;
          }
        }
        for (const r of f.readers) deliver(f, r, c);
        if (f.blocked.size > 0) answer.pause();
      });
      answer.on('end', () => {
        const body = finish(f);
        for (const r of f.readers) r.end();
        if (body) publicCache().set(key, { status: 200, headers: kept, body, etag: originTag }, f.generation);
      });
      answer.on('error', () => abort(f));
      answer.on('aborted', () => abort(f));
      resolveHead({ kept, originTag });
    });
    upstream.on('error', () => {
      finish(f);
      resolveHead(null);
      for (const r of f.readers) r.destroy();
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end();
    });
    upstream.end();
    return f;
  }

  /** Joins `f` (when it gives a shareable answer): headers of this request's own coding, then the copy so far, then the rest. */
  function join(f: Flight, req: http.IncomingMessage, res: http.ServerResponse, own: () => void): void {
    let gone = false;
    res.on('close', () => {
      gone = true;
      if (!res.writableFinished) for (const r of f.readers) if (r.res === res) leave(f, r);
    });
    f.waiting += 1;
    void f.head.then((head) => {
      f.waiting -= 1;
      if (gone) return abandonIfUnread(f);
      if (!head) return own();
      const coding = negotiateEncoding(req.headers['accept-encoding']);
      // Note: bytes compressed on the fly are not the bytes the cache would compress, so their tag is weak (RFC 9110 §8.8.1).
      const etag = coding === 'identity' ? head.originTag : `W/${etagForCoding(head.originTag, coding).replace(/^W\//, '')}`;
      const out: Record<string, string> = {
        ...head.kept,
        etag,
        vary: 'Accept-Encoding',
        'cache-control': 'public, max-age=60, stale-while-revalidate=600',
        ...STATIC_SECURITY_HEADERS,
        'content-security-policy': NON_PAGE_CSP,
      };
      const notModified = isNotModified(req.headers['if-none-match'], etag);
      if (notModified || req.method === 'HEAD') {
        res.writeHead(notModified ? 304 : 200, out);
        res.end();
        return abandonIfUnread(f);
      }
      // A flight past its start without a whole copy cannot serve a newcomer.
      if (f.done || (f.copy === null && f.started)) return own();
      if (coding !== 'identity') out['content-encoding'] = coding;
      res.writeHead(200, out);
      const encoder: BrotliCompress | Gzip | null =
        coding === 'br'
          ? createBrotliCompress({ params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4, [zlibConstants.BROTLI_PARAM_LGWIN]: BROTLI_WINDOW_BITS } })
          : coding === 'gzip'
            ? createGzip({ level: 6 })
            : null;
      if (encoder) encoder.pipe(res);
      const reader: Reader = {
        res,
        sink: encoder ?? res,
        write: (c) => {
          if (!encoder) return res.write(c);
          const more = encoder.write(c);
          // Note: a compressor keeps its output until it has a lot of it; flushed after each chunk, the client gets every batch as it is read.
          if (coding === 'gzip') encoder.flush(zlibConstants.Z_SYNC_FLUSH);
          else encoder.flush();
          return more;
        },
        end: () => (encoder ? encoder.end() : res.end()),
        destroy: () => res.destroy(),
      };
      f.readers.add(reader);
      // A newcomer first gets what was read before it came (the copy, within COPY_LIMIT).
      for (const c of f.copy ?? []) deliver(f, reader, c);
      if (f.blocked.size > 0) f.answer?.pause();
    });
  }

  /** Answers a public-cache miss of a streamed list: joins the running read of this URL, or starts one. */
  function streamThrough(req: http.IncomingMessage, res: http.ServerResponse): void {
    const key = req.url!;
    const running = flights.get(key);
    const own = () => {
      const f = start(req, res);
      join(f, req, res, () => undefined);
    };
    // Note: only a read begun since the last change (same cache generation) is shared, so nobody gets data older than their request.
    const joinable = running && !running.done && running.generation === publicCache().currentGeneration() && (running.copy !== null || !running.started);
    if (joinable) return join(running, req, res, own);
    own();
  }

  return { streamThrough, stats, flightsInProgress: () => flights.size };
}
