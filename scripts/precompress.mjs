#!/usr/bin/env node
// Writes a brotli (.br, quality 11) and a gzip (.gz, level 9) sibling next to
// every file under the given directory, so that the server can send them
// precompressed (tower-http's ServeDir precompressed_br / precompressed_gzip)
// instead of compressing on every request. Removes .br/.gz files whose source
// file is gone (left from an earlier build with other hashed names).
//
//   node scripts/precompress.mjs target/site/pkg
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const TEXT = /\.(js|mjs|css|html|json|svg|txt|map|xml)$/i;
const COMPRESSED = /\.(br|gz)$/i;

async function filesUnder(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

async function exists(path) {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(11);

async function main() {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/precompress.mjs DIR');
    process.exit(2);
  }
  if (!(await exists(dir))) {
    console.error(`precompress: ${dir} does not exist`);
    process.exit(1);
  }
  const all = await filesUnder(dir);
  for (const file of all.filter((f) => COMPRESSED.test(f))) {
    if (!(await exists(file.replace(COMPRESSED, '')))) await rm(file);
  }
  const sources = all.filter((f) => !COMPRESSED.test(f));
  if (sources.length === 0) {
    console.error(`precompress: no files under ${dir}`);
    process.exit(1);
  }
  for (const file of sources.sort()) {
    const data = await readFile(file);
    const [br, gz] = await Promise.all([
      brotli(data, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
          [zlib.constants.BROTLI_PARAM_LGWIN]: zlib.constants.BROTLI_MAX_WINDOW_BITS,
          [zlib.constants.BROTLI_PARAM_MODE]: TEXT.test(file)
            ? zlib.constants.BROTLI_MODE_TEXT
            : zlib.constants.BROTLI_MODE_GENERIC,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
      gzip(data, { level: zlib.constants.Z_BEST_COMPRESSION }),
    ]);
    await writeFile(`${file}.br`, br);
    await writeFile(`${file}.gz`, gz);
    console.log(
      `precompress: ${relative(process.cwd(), file).padEnd(48)} ${kib(data.length)}  br ${kib(br.length)}  gz ${kib(gz.length)}`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
