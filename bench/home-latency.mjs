// Server response time of a page on a running production build (loopback only).
// Usage: node bench/home-latency.mjs [url] [requests]   (default http://localhost:3000/lv, 100)
// Sequential requests after 10 warm-up requests; prints median, p95 and max in ms.
import http from 'node:http';

const url = new URL(process.argv[2] ?? 'http://localhost:3000/lv');
if (!['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) throw new Error('loopback only');
const count = Number(process.argv[3] ?? 100);

function once() {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    http
      .get(url, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
      })
      .on('error', reject)
      .setTimeout(10_000, function () {
        this.destroy(new Error('timeout'));
      });
  });
}

for (let i = 0; i < 10; i += 1) await once();
const times = [];
for (let i = 0; i < count; i += 1) {
  const { status, ms } = await once();
  if (status !== 200) throw new Error(`HTTP ${status}`);
  times.push(ms);
}
times.sort((a, b) => a - b);
const pick = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
console.log(
  JSON.stringify({
    url: url.href,
    requests: count,
    medianMs: +pick(0.5).toFixed(1),
    p95Ms: +pick(0.95).toFixed(1),
    maxMs: +times[times.length - 1].toFixed(1),
  }),
);
