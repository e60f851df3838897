'use strict';

const http = require('node:http');
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/**
 * One HTTP request on a keep-alive connection to 127.0.0.1; resolves with status, parsed
 * body (JSON when possible) and the wall time in milliseconds.
 */
function request(method, url, { headers = {}, body, timeoutMs = 30_000 } = {}) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: {
          accept: 'application/json',
          ...(payload
            ? {
                'content-type': 'application/json',
                'content-length': Buffer.byteLength(payload),
              }
            : {}),
          ...headers,
        },
        timeout: timeoutMs,
      },
      res => {
        const chunks = [];
        res.on('data', chunk => chunks.push(chunk));
        res.on('end', () => {
          const ms = performance.now() - start;
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed = text;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            // not JSON: keep the text
          }
          resolve({
            status: res.statusCode,
            body: parsed,
            ms,
            headers: res.headers,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`${method} ${url} timed out`)),
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** Nearest-rank percentile of numbers (not necessarily sorted). */
function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** The round with the median `ratio` (the lower one of two middles). */
function medianRound(rounds) {
  return [...rounds].sort((x, y) => x.ratio - y.ratio)[
    Math.floor((rounds.length - 1) / 2)
  ];
}

/** CPU seconds (user + system) used so far by a process, from /proc. */
function cpuSeconds(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[11] is utime, fields[12] stime (fields 14 and 15 of proc(5)), in ticks
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** Waits until a process uses under `maxShare` of one core for a second, at most `timeoutMs`. */
async function waitForQuiet(pid, { maxShare = 0.1, timeoutMs = 45_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  const start = Date.now();
  let before = cpuSeconds(pid);
  while (Date.now() < deadline) {
    await sleep(1000);
    const now = cpuSeconds(pid);
    if (!(now - before > maxShare)) {
      return (Date.now() - start) / 1000;
    }
    before = now;
  }
  return (Date.now() - start) / 1000;
}

/** Polls `check` (bounded by count and time) until it returns a truthy value. */
async function waitUntil(check, { timeoutMs, intervalMs = 250, what }) {
  const deadline = Date.now() + timeoutMs;
  for (let i = 0; i < 1_000_000 && Date.now() < deadline; i++) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    await sleep(intervalMs);
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}

const fmt = (n, digits = 1) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      })
    : 'n/a';

module.exports = {
  sleep,
  request,
  percentile,
  medianRound,
  cpuSeconds,
  waitForQuiet,
  waitUntil,
  fmt,
  agent,
};
