// The first-paint script's DEFLATE decoder (src/first_paint.js) against zlib: stored, fixed and
// dynamic blocks at every level and strategy, session payloads given as files, damaged input
// refused, a bomb stopped at the limit. Run by `cargo xtask test`:
// node xtask/tools/first_paint_inflate.test.cjs src/first_paint.js [PAYLOAD_FILE...]
const fs = require('fs'), zlib = require('zlib');
const src = fs.readFileSync(process.argv[2], 'utf8');
const a = src.indexOf('  function inflate(src, max)');
const b = src.indexOf('\n  function param(');
const inflate = new Function(src.slice(a, b) + '\nreturn inflate;')();
let fails = 0, n = 0;
function check(buf, level, strategy) {
  const z = zlib.deflateRawSync(buf, { level, strategy });
  const got = Buffer.from(inflate(new Uint8Array(z), 4194304));
  n++;
  if (!got.equals(buf)) { fails++; console.log('MISMATCH', buf.length, level, strategy); }
}
const words = fs.readFileSync(require('path').join(__dirname, '../../seeds/') + fs.readdirSync(require('path').join(__dirname, '../../seeds')).filter(f => f.endsWith('.txt'))[0]);
for (const level of [0, 1, 6, 9]) for (const strategy of [zlib.constants.Z_DEFAULT_STRATEGY, zlib.constants.Z_FIXED, zlib.constants.Z_HUFFMAN_ONLY, zlib.constants.Z_RLE]) {
  check(Buffer.from(''), level, strategy);
  check(Buffer.from('a'), level, strategy);
  check(words, level, strategy);
  check(Buffer.concat([words, words, words]), level, strategy);
  const rnd = Buffer.alloc(70000); for (let i = 0; i < rnd.length; i++) rnd[i] = (i * 2654435761 >>> 13) & 255; check(rnd, level, strategy);
  check(Buffer.from('ab'.repeat(50000)), level, strategy);
}
// The CLI's payloads.
for (const f of process.argv.slice(3)) {
  const p = fs.readFileSync(f, 'utf8').trim().replace(/^#\/session\/1\./, '');
  const bytes = Buffer.from(p.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  const want = zlib.inflateRawSync(bytes);
  const got = Buffer.from(inflate(new Uint8Array(bytes), 4194304));
  n++; if (!got.equals(want)) { fails++; console.log('MISMATCH payload', f); }
}
// Damaged input throws, never loops; a bomb stops at max.
let threw = 0;
const z = zlib.deflateRawSync(words);
for (let cut = 1; cut < z.length; cut += 97) { try { inflate(new Uint8Array(z.subarray(0, cut)), 4194304); } catch (e) { threw++; } }
try { inflate(new Uint8Array(zlib.deflateRawSync(Buffer.alloc(5e6))), 4194304); console.log('bomb not stopped'); fails++; } catch (e) { threw++; }
console.log(`${n} round trips, ${fails} failures, ${threw} damaged inputs refused`);
process.exit(fails ? 1 : 0);
