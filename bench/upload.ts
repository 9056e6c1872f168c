/**
 * Upload and signing-sheet bench on the production build (loopback only).
 * Run: npx tsx scripts/with-test-db.ts npx tsx bench/upload.ts   (after `next build`)
 * Starts the portal server (scripts/server.ts) on port 3200, creates a secretary with a draft, then
 * measures: time for the server to accept a 20 MB PDF and its peak RSS
 * (VmHWM) before and after; median time to generate the signing sheet.
 * Issue 11: inspecting + trust-checking a 20 MB signed PDF and a 5 MB signed .edoc (made here with
 * generated keys), each in a fresh process (bench/inspect-trust.ts: time, RSS before, peak after),
 * and both uploaded through the server (time, server peak RSS).
 */
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { PDFDocument } from 'pdf-lib';
import { createSignedPdf } from '../tests/unit/documents/sign-helper';
import { generateKey, issueCertificate, signedData } from '../tests/support/pki';
import { buildSignedAsice } from '../tests/support/xades-builder';

const PORT = 3200;
const base = `http://127.0.0.1:${PORT}`;

/** The process that serves: tsx starts node as a child, so follow /proc children down to the last one. */
async function servingPid(pid: number): Promise<number> {
  const children = (await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '')).trim().split(/\s+/).filter(Boolean).map(Number);
  return children.length > 0 ? servingPid(children[children.length - 1]!) : pid;
}

async function procStatus(launcherPid: number) {
  const pid = await servingPid(launcherPid);
  const text = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(text)?.[1] ?? 0);
  return { rssMb: +(kb('VmRSS') / 1024).toFixed(1), peakMb: +(kb('VmHWM') / 1024).toFixed(1) };
}

async function waitUp() {
  for (let i = 0; i < 120; i += 1) {
    const ok = await fetch(`${base}/lv`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not start');
}

async function makePdf(bytes: number): Promise<string> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText('Bench decision');
  const blob = doc.context.flateStream(randomBytes(bytes - 4096), {});
  doc.context.register(blob);
  const out = path.join(os.tmpdir(), `bench-${bytes}.pdf`);
  await writeFile(out, await doc.save({ useObjectStreams: false }));
  return out;
}

/** A 20 MB PDF with a real CMS signature, and a 5 MB .edoc with a XAdES-T signature (generated keys). */
async function makeSignedFiles(): Promise<{ pdf: string; edoc: string }> {
  const key = generateKey('rsa');
  const signer = issueCertificate({ subject: { cn: 'BENCH SIGNER' }, key, notBefore: new Date('2026-01-01Z'), notAfter: new Date('2030-01-01Z') });
  const tsa = issueCertificate({
    subject: { cn: 'BENCH TSA' },
    key: generateKey('p256'),
    notBefore: new Date('2026-01-01Z'),
    notAfter: new Date('2030-01-01Z'),
    eku: 'timeStamping',
  });
  const signingTime = new Date('2026-11-20T09:00:00Z');
  const pdf = await createSignedPdf({ signingTime, padBytes: 20 * 1024 * 1024, cms: (content) => signedData({ content, signer, signingTime }) });
  const edoc = buildSignedAsice({
    signer,
    encoding: { family: 'rsa-pkcs1', hash: 'sha256' },
    signingTime,
    data: randomBytes(5 * 1024 * 1024),
    dataName: 'lemums.pdf',
    timestamp: { tsa, genTime: signingTime },
  });
  const files = { pdf: path.join(os.tmpdir(), 'bench-signed-20mb.pdf'), edoc: path.join(os.tmpdir(), 'bench-signed-5mb.edoc') };
  await writeFile(files.pdf, pdf.bytes);
  await writeFile(files.edoc, edoc.zip);
  return files;
}

const signedFiles = await makeSignedFiles();
const inProcess = [signedFiles.pdf, signedFiles.edoc].map(
  (file) =>
    JSON.parse(
      execFileSync(path.resolve('node_modules/.bin/tsx'), ['--conditions=react-server', 'bench/inspect-trust.ts', file], { encoding: 'utf8', env: process.env })
        .trim()
        .split('\n')
        .pop()!,
    ) as unknown,
);

process.env.BCRYPT_COST = '4';
const server = spawn(path.resolve('node_modules/.bin/tsx'), ['scripts/server.ts', String(PORT)], {
  env: { ...process.env, AUTH_SECRET: 'bench-secret-0123456789abcdef', STORAGE_DIR: '.data/bench-storage', NODE_ENV: 'production' },
  stdio: 'ignore',
});
try {
  await waitUp();
  const { db, disconnectDb } = await import('../lib/db/client');
  const { createAccession, createUser } = await import('../lib/seed/factories');
  const term = await db().councilTerm.findFirstOrThrow({ where: { openedAt: { not: null } }, orderBy: { startYear: 'desc' } });
  const { email } = await createUser(db(), {
    role: 'SECRETARY',
    municipalitySlug: 'saldus-novads',
    email: `bench-${Date.now()}@bench.test`,
    name: 'Bench',
    password: 'bench password long',
  });
  // The bench's accession: a fresh draft with complete test facts, or the earlier run's put back into DRAFT.
  const m = await db().municipality.findUniqueOrThrow({ where: { slug: 'saldus-novads' }, select: { id: true } });
  const updated = await db().accession.updateMany({ where: { municipalityId: m.id, termId: term.id }, data: { status: 'DRAFT' } });
  if (updated.count === 0) await createAccession(db(), { municipalityId: m.id, termId: term.id, data: { signatoryName: 'Bench Signatory' } });
  await disconnectDb();
  const login = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'bench password long' }),
  });
  const cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  if (!login.ok || !cookie) throw new Error(`sign-in failed: ${login.status}`);

  // Warm up the upload route with a small file, then measure.
  const small = await makePdf(64 * 1024);
  const upload = (file: string, size: number) =>
    new Promise<{ status: number; ms: number }>((resolve, reject) => {
      const started = performance.now();
      const req = http.request(
        `${base}/api/accessions/saldus-novads/documents?kind=DECISION&name=bench.pdf`,
        { method: 'POST', headers: { cookie, 'content-type': 'application/octet-stream', 'content-length': String(size) } },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
        },
      );
      req.on('error', reject);
      createReadStream(file).pipe(req);
    });
  await upload(small, (await stat(small)).size);
  const beforeStatus = await procStatus(server.pid!);
  const big = await makePdf(20 * 1024 * 1024);
  const size = (await stat(big)).size;
  const result = await upload(big, size);
  const afterStatus = await procStatus(server.pid!);

  const signedUploads: Record<string, unknown> = {};
  for (const [name, file] of Object.entries(signedFiles)) {
    const r = await upload(file, (await stat(file)).size);
    signedUploads[name] = {
      bytes: (await stat(file)).size,
      status: r.status,
      ms: Math.round(r.ms),
      serverPeakRssAfterMb: (await procStatus(server.pid!)).peakMb,
    };
  }

  const sheetTimes: number[] = [];
  for (let i = 0; i < 11; i += 1) {
    const started = performance.now();
    const r = await fetch(`${base}/api/accessions/saldus-novads/signing-sheet`, { headers: { cookie } });
    await r.arrayBuffer();
    if (!r.ok) throw new Error(`signing sheet HTTP ${r.status}`);
    sheetTimes.push(performance.now() - started);
  }
  sheetTimes.sort((a, b) => a - b);
  console.log(
    JSON.stringify(
      {
        upload: {
          bytes: size,
          status: result.status,
          ms: Math.round(result.ms),
          serverRssBeforeMb: beforeStatus.rssMb,
          serverPeakRssBeforeMb: beforeStatus.peakMb,
          serverPeakRssAfterMb: afterStatus.peakMb,
        },
        signingSheet: { maxMs: Math.round(sheetTimes[sheetTimes.length - 1]!), medianMs: Math.round(sheetTimes[5]!) },
        inspectAndTrustInProcess: inProcess,
        signedUploadsThroughServer: signedUploads,
      },
      null,
      2,
    ),
  );
} finally {
  server.kill('SIGTERM');
}
