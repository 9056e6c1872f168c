/**
 * A/B of one route on two running portals under the same machine load
 * (issue 14): alternating rounds of autocannon (10 connections), before and
 * after in turn, each signed in as the bench staff user (bench:seed-scale
 * data); prints req/s and p50/p95/p99 per side and the load average at each
 * round. A `{i}` in the path is replaced per request (public-cache misses).
 *
 *   node bench/ab.mjs http://127.0.0.1:A http://127.0.0.1:B [/lv/staff] [rounds 4] [seconds 8]
 */

import os from 'node:os';
import autocannon from 'autocannon';
const [A, B] = [process.argv[2], process.argv[3]];
const path = process.argv[4] ?? '/lv/staff';
const rounds = Number(process.argv[5] ?? 4),
  secs = Number(process.argv[6] ?? 8);
async function cookie(base) {
  const r = await fetch(base + '/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email: 'bench-staff@synthetic.invalid', password: 'synthetic-bench-password' }),
  });
  return r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}
const sides = { before: { base: A, times: [], bytes: 0 }, after: { base: B, times: [], bytes: 0 } };
for (const s of Object.values(sides)) {
  s.cookie = await cookie(s.base);
  for (let i = 0; i < 3; i++) {
    const r = await fetch(s.base + path.replace('{i}', `warm${i}`), { headers: { cookie: s.cookie } });
    s.bytes = (await r.arrayBuffer()).byteLength;
  }
}
const run = (s) =>
  new Promise((resolve, reject) => {
    let i = 0;
    const rotate = path.includes('{i}');
    const inst = autocannon(
      {
        url: s.base + path.replace('{i}', 'x'),
        connections: 10,
        duration: secs,
        headers: { cookie: s.cookie, 'accept-encoding': 'gzip, br' },
        requests: rotate
          ? [{ setupRequest: (req) => ({ ...req, path: path.replace('{i}', `${s === sides.before ? 'b' : 'a'}${Date.now()}-${(i += 1)}`) }) }]
          : undefined,
      },
      (e) => (e ? reject(e) : resolve()),
    );
    inst.on('response', (_c, status, _b, ms) => {
      if (status === 200) s.times.push(ms);
      else s.bad = (s.bad ?? 0) + 1;
    });
  });
const loads = [];
for (let r = 0; r < rounds; r++)
  for (const name of r % 2 ? ['after', 'before'] : ['before', 'after']) {
    loads.push(os.loadavg()[0].toFixed(1));
    await run(sides[name]);
  }
const pct = (a, q) => {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
for (const [name, s] of Object.entries(sides))
  console.log(
    `${name}: ${s.times.length} responses in ${rounds * secs} s = ${(s.times.length / (rounds * secs)).toFixed(1)} req/s, p50 ${pct(s.times, 0.5)} p95 ${pct(s.times, 0.95)} p99 ${pct(s.times, 0.99)} ms, non-200 ${s.bad ?? 0}, page ${s.bytes} B`,
  );
console.log('load averages at each round start:', loads.join(' '));
