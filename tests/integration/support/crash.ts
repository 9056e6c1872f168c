/** Shared setup of the crash and outage integration tests (tests/integration/crash*.test.ts): signed PDFs to upload and a slow upload client. */
import http from 'node:http';

import { createSignedPdf, type TestSigner } from '../../unit/documents/sign-helper';
import { type AppServer } from '../../support/app-server';

export const PASSWORD = 'correct horse battery';
export const UPLOAD_PATH = '/api/accessions/cesu-novads/documents?kind=DECISION&name=l%C4%93mums.pdf';
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let signer: TestSigner;
let pdfCounter = 0;
/** The signer of the uploaded PDFs (made once by the test that uploads). */
export function useSigner(s: TestSigner): void {
  signer = s;
}
/** A distinct signed PDF of about 35 KB (distinct bytes: no deduplication between uploads). */
export async function pdf(): Promise<Buffer> {
  pdfCounter += 1;
  return Buffer.from((await createSignedPdf({ signer, text: `Crash test upload ${pdfCounter} ${Date.now()}`, contentsBytes: 16384 })).bytes);
}

export type Outcome = { status: number; body: string } | { error: string };

/** POSTs `bytes` as an upload, written in chunks with delays; `holdAfter` stops writing there (connection kept open). */
export function upload(server: AppServer, cookie: string, bytes: Buffer, opts: { chunk?: number; delayMs?: number; holdAfter?: number } = {}) {
  const req = http.request({
    host: '127.0.0.1',
    port: server.port,
    method: 'POST',
    path: UPLOAD_PATH,
    agent: false,
    headers: { cookie, 'content-type': 'application/pdf', 'content-length': String(bytes.length), 'x-locale': 'en' },
  });
  const result = new Promise<Outcome>((resolve) => {
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (e) => resolve({ error: e.message }));
    });
    req.on('error', (e) => resolve({ error: e.message }));
  });
  const chunk = opts.chunk ?? 2048;
  const sent = (async (): Promise<'held' | 'sent' | 'aborted'> => {
    for (let i = 0; i < bytes.length; i += chunk) {
      if (opts.holdAfter !== undefined && i >= opts.holdAfter) return 'held';
      if (req.destroyed) return 'aborted';
      req.write(bytes.subarray(i, i + chunk));
      if (opts.delayMs) await sleep(opts.delayMs);
    }
    await new Promise<void>((resolve) => req.end(() => resolve()));
    return 'sent';
  })();
  return { req, result, sent };
}
