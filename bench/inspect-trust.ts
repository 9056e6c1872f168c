/**
 * One isolated measurement (run by bench/upload.ts in a fresh process per file):
 * inspecting + trust-checking one file in process — wall time and the process's RSS before and
 * its peak (VmHWM) after. Run: npx tsx --conditions=react-server bench/inspect-trust.ts <file>
 */
import { readFile } from 'node:fs/promises';
import { inspectDocument } from '../lib/documents/inspect';
import { evaluateSignatureTrust } from '../lib/trust/evaluate';
import { parseTrustedList } from '../lib/trust/tsl';

async function vm() {
  const text = await readFile('/proc/self/status', 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(text)?.[1] ?? 0);
  return { rssMb: +(kb('VmRSS') / 1024).toFixed(1), peakMb: +(kb('VmHWM') / 1024).toFixed(1) };
}

const file = process.argv[2];
if (!file) throw new Error('usage: inspect-trust.ts <file>');
const list = { list: parseTrustedList(await readFile('lib/trust/data/latvian-tsl-2023-09-12.xml')), source: 'bundled' as const };
// Warm up the code paths as in a running server (module loading, xmldsigjs engine, the parsed list) on a small corpus file.
const warm = await inspectDocument(new Uint8Array(await readFile('tests/fixtures/corpus/lv-eid-sha256.edoc')));
if (warm.ok) warm.signatures.forEach((s) => evaluateSignatureTrust(s, list, new Date()));
const bytes = new Uint8Array(await readFile(file));
const before = await vm();
const started = performance.now();
const result = await inspectDocument(bytes);
const inspectedMs = performance.now() - started;
const verdicts = result.ok ? result.signatures.map((s) => evaluateSignatureTrust(s, list, new Date())) : [];
const totalMs = performance.now() - started;
const after = await vm();
console.log(
  JSON.stringify({
    file,
    bytes: bytes.byteLength,
    ok: result.ok,
    reason: result.ok ? null : result.reason,
    verdicts: verdicts.map((v) => v.status),
    inspectMs: Math.round(inspectedMs),
    inspectAndTrustMs: Math.round(totalMs),
    rssBeforeMb: before.rssMb,
    peakAfterMb: after.peakMb,
    peakIncreaseMb: +(after.peakMb - before.rssMb).toFixed(1),
  }),
);
