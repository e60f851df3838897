'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { spawnSync } = require('node:child_process');
const { ROOT } = require('./backend');

const PACKAGE = 'backstage-plugin-api-store-access';
const DIR = path.join(ROOT, 'plugins', 'api-store-access');

function jsFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...jsFiles(full));
    else if (/\.(m|c)?js$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

function measure(dist) {
  const files = jsFiles(dist);
  let raw = 0;
  let gzipPerFile = 0;
  const all = [];
  for (const file of files) {
    const content = fs.readFileSync(file);
    raw += content.length;
    gzipPerFile += zlib.gzipSync(content, { level: 9 }).length;
    all.push(content);
  }
  const gzipTogether = zlib.gzipSync(Buffer.concat(all), { level: 9 }).length;
  return { files: files.length, raw, gzipPerFile, gzipTogether };
}

function yarn(args, logFile) {
  const release = fs
    .readdirSync(path.join(ROOT, '.yarn', 'releases'))
    .filter(f => /^yarn-.*\.cjs$/.test(f))
    .sort()
    .pop();
  const res = spawnSync(
    process.execPath,
    [path.join(ROOT, '.yarn', 'releases', release), ...args],
    { cwd: ROOT, encoding: 'utf8', timeout: 600_000 },
  );
  fs.appendFileSync(
    logFile,
    `$ yarn ${args.join(' ')}\n${res.stdout}${res.stderr}\n`,
  );
  return res.status === 0;
}

function build(args, logFile) {
  return yarn(['workspace', PACKAGE, 'build', ...args], logFile);
}

/** The package build packs type declarations from dist-types, which `yarn tsc` writes. */
function ensureTypeDeclarations(logFile) {
  const declarations = path.join(
    ROOT,
    'dist-types',
    'plugins',
    'api-store-access',
    'src',
    'index.d.ts',
  );
  return fs.existsSync(declarations) || yarn(['tsc'], logFile);
}

/**
 * Builds the frontend plugin (`yarn workspace backstage-plugin-api-store-access build`,
 * with --minify and without) and measures the JavaScript in dist/ gzipped. dist/ is removed
 * again when it was not there before.
 */
function measureFrontendBundle(logFile) {
  if (!fs.existsSync(path.join(DIR, 'package.json'))) {
    return {
      error: `${DIR} has no package.json: the package does not exist yet`,
    };
  }
  const dist = path.join(DIR, 'dist');
  const hadDist = fs.existsSync(dist);
  try {
    if (!ensureTypeDeclarations(logFile)) {
      return { error: `yarn tsc failed; see ${logFile}` };
    }
    // Minified first, so that a dist/ that was there before ends as a plain build again.
    const minified = build(['--minify'], logFile) ? measure(dist) : undefined;
    if (!build([], logFile)) {
      return {
        error: `the build failed (log: ${path.relative(ROOT, logFile)})`,
      };
    }
    return { plain: measure(dist), minified };
  } finally {
    if (!hadDist) fs.rmSync(dist, { recursive: true, force: true });
  }
}

module.exports = { measureFrontendBundle };
