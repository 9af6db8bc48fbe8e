// Lighthouse (mobile preset: slow 4G, 4x CPU slowdown) on routes of a release build served
// gzipped from 127.0.0.1, as a static host serves it. Called by `cargo xtask test` and
// `cargo xtask lighthouse`:
//   node lighthouse.mjs DIST OUT_DIR NAME=ROUTE...
// Prints one row per route and writes each report as OUT_DIR/NAME.json. Exit code 1 when a
// hard bar fails (accessibility below 100); the performance bars of issue 21 are printed
// with "met" or "NOT MET" beside each figure.
import { createServer } from 'node:http';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const [dist, outDir, ...routes] = process.argv.slice(2);
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain',
};

function serve(root) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(req.url.split(/[?#]/)[0])).replace(/^\/+/, '') || 'index.html';
    if (path.split('/').includes('..')) { res.writeHead(404).end(); return; }
    try {
      const body = await readFile(join(root, path));
      const type = TYPES[extname(path)] || 'application/octet-stream';
      const gz = /gzip/.test(req.headers['accept-encoding'] || '') && !type.startsWith('image/png');
      res.writeHead(200, { 'Content-Type': type, ...(gz ? { 'Content-Encoding': 'gzip' } : {}) });
      res.end(gz ? gzipSync(body, { level: 9 }) : body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

const BARS = [
  ['performance', (r) => r.categories.performance.score, (v) => v >= 0.95, (v) => v.toFixed(2), '>= 0.95'],
  ['accessibility', (r) => r.categories.accessibility.score, (v) => v >= 1, (v) => String(Math.round(v * 100)), '100'],
  ['first paint', (r) => r.audits['first-contentful-paint'].numericValue, () => true, ms, ''],
  ['largest paint', (r) => r.audits['largest-contentful-paint'].numericValue, (v) => v <= 1500, ms, '<= 1.5 s'],
  ['blocking time', (r) => r.audits['total-blocking-time'].numericValue, (v) => v <= 100, (v) => `${Math.round(v)} ms`, '<= 100 ms'],
  ['interactive', (r) => r.audits.interactive.numericValue, (v) => v <= 2000, ms, '<= 2 s'],
  ['bytes', (r) => r.audits['total-byte-weight'].numericValue, () => true, (v) => `${Math.round(v / 1024)} KB`, ''],
];
function ms(v) { return `${(v / 1000).toFixed(1)} s`; }

const server = await serve(dist);
const base = `http://127.0.0.1:${server.address().port}/`;
await mkdir(outDir, { recursive: true });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let hardFail = false;
try {
  for (const spec of routes) {
    const [name, route] = spec.split(/=(.*)/s);
    const url = base + route;
    const result = await lighthouse(url, {
      port: chrome.port, output: 'json', logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
    });
    await writeFile(join(outDir, `${name}.json`), result.report);
    const lhr = result.lhr;
    if (lhr.runtimeError) { console.log(`lighthouse ${name}: ${lhr.runtimeError.message}`); hardFail = true; continue; }
    const cells = BARS.map(([label, get, ok, fmt, bar]) => {
      const v = get(lhr);
      if (v == null) return `${label} n/a`;
      const met = ok(v);
      if (label === 'accessibility' && !met) hardFail = true;
      return `${label} ${fmt(v)}${bar ? (met ? ' (met)' : ` (NOT MET, bar ${bar})`) : ''}`;
    });
    console.log(`lighthouse ${name} (${route.length > 60 ? route.slice(0, 60) + '…' : route}): ${cells.join(', ')}`);
    if (lhr.categories.accessibility.score < 1) {
      const failing = Object.values(lhr.audits).filter((a) => a.score === 0 && lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id));
      for (const a of failing) console.log(`  accessibility: ${a.id}: ${a.title}`);
    }
  }
} finally {
  await chrome.kill();
  server.close();
}
process.exit(hardFail ? 1 : 0);
