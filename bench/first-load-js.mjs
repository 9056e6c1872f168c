// First-load JavaScript of a page, gzip-compressed, as a browser downloads it:
// every <script src> in the served HTML, fetched and gzipped (level 9).
// Usage (portal running): node bench/first-load-js.mjs [url=http://127.0.0.1:3000/]
import { gzipSync } from 'node:zlib';

const url = new URL(process.argv[2] ?? 'http://127.0.0.1:3000/');
if (!['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) throw new Error('loopback only');
const html = await (await fetch(url)).text();
// noModule scripts (legacy polyfills) are not downloaded by the browsers we support.
const tags = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]).filter((attrs) => !/nomodule/i.test(attrs));
const srcs = [...new Set(tags.map((attrs) => /src="([^"]+)"/.exec(attrs)?.[1]).filter(Boolean))];
let raw = 0;
let gz = 0;
const files = [];
for (const src of srcs) {
  const body = Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer());
  const g = gzipSync(body, { level: 9 }).length;
  raw += body.length;
  gz += g;
  files.push({ src, bytes: body.length, gzip: g });
}
const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + m[1].length, 0);
console.log(
  JSON.stringify(
    {
      url: url.href,
      scripts: files.length,
      rawKB: +(raw / 1024).toFixed(1),
      gzipKB: +(gz / 1024).toFixed(1),
      inlineScriptKB: +(inline / 1024).toFixed(1),
      htmlKB: +(html.length / 1024).toFixed(1),
    },
    null,
    2,
  ),
);
