// Builds the web app (web/ → web/dist) when its sources, the lock file or the build configuration changed since the
// last build, so `npm start` and `npm test` run it every time and pay only when something changed
// (docs/decisions/0018-web-app-build.md). A fingerprint of the inputs is kept in web/dist/.build-hash.
//   node scripts/build-web.mjs            build if stale
//   node scripts/build-web.mjs --force    build even if up to date
//   node scripts/build-web.mjs --sizes    also print what each service page transfers (gzip), from the manifest
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webDir = path.join(root, 'web');
const distDir = path.join(webDir, 'dist');
const HASH_FILE = '.build-hash';

/** The fingerprint of everything the build reads: the web sources and config, the lock file, this script. */
export function inputsHash() {
  const hash = createHash('sha256');
  const files = [
    ...walk(webDir).filter((f) => !f.startsWith(distDir + path.sep)),
    path.join(root, 'package-lock.json'),
    fileURLToPath(import.meta.url),
  ].sort();
  for (const file of files) {
    hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function walk(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (d.name === 'node_modules' || d.name === 'dist' || d.name.startsWith('.dist-')) return [];
    const p = path.join(dir, d.name);
    return d.isDirectory() ? walk(p) : [p];
  });
}

function builtHash() {
  try {
    return fs.readFileSync(path.join(distDir, HASH_FILE), 'utf8').trim();
  } catch {
    return null;
  }
}

async function build(hash) {
  let vite;
  try {
    vite = await import('vite');
  } catch {
    // Installed without development packages (npm install --omit=dev): keep what was built, if anything.
    console.error(
      fs.existsSync(distDir)
        ? '未安装 vite（开发依赖），沿用已有的 web/dist。'
        : '未安装 vite（开发依赖），无法构建 web/dist：在线服务页面将暂不可用。请运行 npm install（含开发依赖）。',
    );
    return false;
  }
  // Built beside the old one and swapped in whole, so a running server never serves half a build.
  const tmp = path.join(webDir, `.dist-${process.pid}`);
  fs.rmSync(tmp, { recursive: true, force: true });
  const started = Date.now();
  await vite.build({
    configFile: path.join(webDir, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: tmp, emptyOutDir: true },
  });
  fs.writeFileSync(path.join(tmp, HASH_FILE), `${hash}\n`);
  const old = path.join(webDir, `.dist-old-${process.pid}`);
  if (fs.existsSync(distDir)) fs.renameSync(distDir, old);
  fs.renameSync(tmp, distDir);
  fs.rmSync(old, { recursive: true, force: true });
  console.error(`web/dist 已构建（${((Date.now() - started) / 1000).toFixed(1)} 秒）。`);
  return true;
}

/** What loading one page transfers: the entry with its static imports, the page's chunk with its own, their CSS. */
export function pageFiles(manifest, pageSource) {
  const files = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  visit('index.html');
  visit(pageSource);
  return [...files];
}

function printSizes() {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, '.vite', 'manifest.json'), 'utf8'));
  const pages = Object.keys(manifest).filter((k) => /\/routes\/[^/]+\.tsx$/.test(k));
  const gzip = (file) => zlib.gzipSync(fs.readFileSync(path.join(distDir, file))).length;
  for (const page of pages.sort()) {
    const files = pageFiles(manifest, page);
    const js = files.filter((f) => f.endsWith('.js')).reduce((n, f) => n + gzip(f), 0);
    const css = files.filter((f) => f.endsWith('.css')).reduce((n, f) => n + gzip(f), 0);
    console.log(
      `${page}: ${files.length} files, gzip JS ${(js / 1024).toFixed(1)} KiB + CSS ${(css / 1024).toFixed(1)} KiB`,
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const hash = inputsHash();
  if (process.argv.includes('--force') || builtHash() !== hash) await build(hash);
  if (process.argv.includes('--sizes') && fs.existsSync(distDir)) printSizes();
}
