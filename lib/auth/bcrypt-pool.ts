import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import bcrypt from 'bcryptjs';
import { AppError } from '@/lib/errors';

/**
 * bcrypt off the event loop: a small pool of worker threads, with a bounded
 * queue.
 *
 * Note: bcryptjs is pure JavaScript; on the main thread each hash (cost 12)
 * holds the event loop in 100 ms slices, so a flood of sign-ins or
 * invitation acceptances stalled every other request (issue 17: 6 ms →
 * 3.3 s). In workers the main thread only waits. The queue is bounded: past
 * MAX_QUEUED waiting jobs a request is refused at once (503, Retry-After)
 * instead of waiting for minutes. Should workers be unavailable, hashing
 * falls back to the main thread (correct, only slower for others).
 */
const MAX_QUEUED = 64;
const POOL_SIZE = Math.max(1, Math.min(2, availableParallelism() - 1));

type Job = { op: 'hash' | 'compare'; args: [string, string | number]; resolve: (v: string | boolean) => void; reject: (e: unknown) => void };

// Note: an inline worker (eval), so the bundler needs no separate entry; it requires bcryptjs from the app's node_modules.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const bcrypt = require('bcryptjs');
parentPort.on('message', async ({ id, op, args }) => {
  try {
    const value = op === 'hash' ? await bcrypt.hash(args[0], args[1]) : await bcrypt.compare(args[0], args[1]);
    parentPort.postMessage({ id, value });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});`;

type Slot = { worker: Worker; busy: Job | null; id: number };

const state = globalThis as unknown as { memorandsBcrypt?: { slots: Slot[]; queue: Job[]; broken: boolean } };

function pool() {
  state.memorandsBcrypt ??= { slots: [], queue: [], broken: false };
  return state.memorandsBcrypt;
}

function startSlot(): Slot | null {
  try {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref();
    const slot: Slot = { worker, busy: null, id: 0 };
    worker.on('message', (msg: { id: number; value?: string | boolean; error?: string }) => {
      const job = slot.busy;
      slot.busy = null;
      if (job && msg.id === slot.id) {
        if (msg.error !== undefined) job.reject(new Error(msg.error));
        else job.resolve(msg.value!);
      }
      pump();
    });
    worker.on('error', (error) => {
      const job = slot.busy;
      slot.busy = null;
      const p = pool();
      p.slots = p.slots.filter((s) => s !== slot);
      if (job) runOnMainThread(job);
      if (p.slots.length === 0 && /Cannot find module/.test(String(error))) p.broken = true;
      pump();
    });
    return slot;
  } catch {
    return null;
  }
}

function runOnMainThread(job: Job): void {
  const run = job.op === 'hash' ? bcrypt.hash(job.args[0], job.args[1]) : bcrypt.compare(job.args[0], job.args[1] as string);
  run.then(job.resolve, job.reject);
}

function pump(): void {
  const p = pool();
  while (p.queue.length > 0) {
    if (p.broken) {
      runOnMainThread(p.queue.shift()!);
      continue;
    }
    let slot = p.slots.find((s) => !s.busy);
    if (!slot && p.slots.length < POOL_SIZE) {
      const started = startSlot();
      if (!started) {
        p.broken = true;
        continue;
      }
      p.slots.push(started);
      slot = started;
    }
    if (!slot) return;
    const job = p.queue.shift()!;
    slot.busy = job;
    slot.id += 1;
    slot.worker.ref();
    slot.worker.postMessage({ id: slot.id, op: job.op, args: job.args });
  }
  for (const s of p.slots) if (!s.busy) s.worker.unref();
}

function enqueue<T extends string | boolean>(op: Job['op'], args: Job['args']): Promise<T> {
  const p = pool();
  if (p.queue.length >= MAX_QUEUED) return Promise.reject(new AppError('UNAVAILABLE', 'security.busy', { retryAfterSeconds: 5 }));
  return new Promise<T>((resolve, reject) => {
    p.queue.push({ op, args, resolve: resolve as Job['resolve'], reject });
    pump();
  });
}

/** bcrypt hash in a worker thread (bounded queue: a 503 when full). */
export function bcryptHash(password: string, cost: number): Promise<string> {
  return enqueue<string>('hash', [password, cost]);
}

/** bcrypt comparison in a worker thread (bounded queue: a 503 when full). */
export function bcryptCompare(password: string, hash: string): Promise<boolean> {
  return enqueue<boolean>('compare', [password, hash]);
}
