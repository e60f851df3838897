'use strict';

// The benchmarks of the API Store Access plugins: `yarn bench` (see bench/README.md).
// Starts the example backend on a fresh set of PostgreSQL databases, measures, writes
// bench/RESULTS.md and cleans up after itself.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');
const { execFileSync } = require('node:child_process');
const pg = require('pg');
const {
  startBackend,
  stopBackend,
  killBackendSync,
  replicaRuntime,
  ROOT,
} = require('./lib/backend');
const { startSmtpServer } = require('./lib/smtp');
const {
  httpIntake,
  httpFloor,
  rawIntake,
  dropIntakeRequests,
} = require('./lib/intake');
const {
  fillQueue,
  timeGet,
  deepPageUrl,
  cursorSeq,
  explainList,
} = require('./lib/queue');
const { changeSettings, measurePropagation } = require('./lib/propagation');
const { backendMail, directMail } = require('./lib/mail');
const { measureFrontendBundle } = require('./lib/frontend');
const {
  request,
  waitForQuiet,
  fmt,
  sleep,
  medianRound,
} = require('./lib/util');
const { writeResults } = require('./lib/report');

const env = (name, fallback) => {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : Number(value);
};

const options = {
  seconds: env('BENCH_SECONDS', 10),
  intakeRounds: env('BENCH_INTAKE_ROUNDS', 3),
  queueRows: env('BENCH_QUEUE_ROWS', 100_000),
  listRequests: env('BENCH_LIST_REQUESTS', 200),
  deepPages: env('BENCH_DEEP_PAGES', 40),
  propagationRounds: env('BENCH_PROPAGATION_ROUNDS', 20),
  mailCount: env('BENCH_MAIL_COUNT', 10_000),
  mailWarmup: env('BENCH_MAIL_WARMUP', 1_000),
  mailRounds: env('BENCH_MAIL_ROUNDS', 3),
  portA: env('BENCH_PORT_A', 7107),
  portB: env('BENCH_PORT_B', 7108),
  smtpPort: env('BENCH_SMTP_PORT', 2526),
  timeoutMinutes: env('BENCH_TIMEOUT_MINUTES', 45),
  keepDatabases: process.env.BENCH_KEEP_DATABASES === '1',
  pg: { host: '127.0.0.1', port: 5432, user: 'postgres' },
};

const stamp = new Date()
  .toISOString()
  .replace(/[-:T]/g, '')
  .replace(/\..*$/, '');
const runId = stamp.slice(2);
const prefix = `api_store_bench_${stamp}_`;
const pluginDatabase = `${prefix}api-store-access`;
const logDir = path.join(__dirname, 'logs', stamp);

const replicas = [];
let smtp;
let pluginPool;
let cleaning;
let stopping = false;

const log = message =>
  process.stdout.write(
    `[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`,
  );

async function portIsFree(port) {
  return new Promise(resolve => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

async function adminQuery(sql, params) {
  const client = new pg.Client({ ...options.pg, database: 'postgres' });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

async function benchDatabases() {
  const { rows } = await adminQuery(
    `select datname from pg_database where starts_with(datname, $1) order by datname`,
    [prefix],
  );
  return rows.map(r => r.datname);
}

function cleanup() {
  cleaning ??= doCleanup();
  return cleaning;
}

async function doCleanup() {
  log('cleaning up: stopping the backends, dropping the bench databases');
  await Promise.race([pluginPool?.end().catch(() => {}), sleep(5000)]);
  await Promise.all(replicas.map(r => stopBackend(r).catch(() => {})));
  await smtp?.close().catch(() => {});
  if (!options.keepDatabases) {
    for (const name of await benchDatabases().catch(() => [])) {
      await adminQuery(`drop database if exists "${name}" with (force)`).catch(
        error => log(`could not drop ${name}: ${error.message}`),
      );
    }
  }
}

function machine(pgVersion) {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    nproc: Number(execFileSync('nproc', { encoding: 'utf8' }).trim()),
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: os.totalmem() / 1024 ** 3,
    node: process.version,
    postgres: pgVersion,
    loadAverage: os.loadavg(),
    kernel: `${os.type()} ${os.release()}`,
  };
}

async function guestToken(replica) {
  const res = await request('GET', `${replica.baseUrl}/api/auth/guest/refresh`);
  const token = res.body?.backstageIdentity?.token;
  if (res.status !== 200 || !token) {
    throw new Error(`No guest token from ${replica.baseUrl}: ${res.status}`);
  }
  return token;
}

async function main() {
  const started = Date.now();
  const results = {
    options,
    prefix,
    runtime: replicaRuntime,
    phases: {},
  };
  fs.mkdirSync(logDir, { recursive: true });

  for (const port of [options.portA, options.portB, options.smtpPort]) {
    if (!(await portIsFree(port))) {
      throw new Error(
        `Port ${port} on 127.0.0.1 is taken; choose others with BENCH_PORT_A, BENCH_PORT_B, BENCH_SMTP_PORT`,
      );
    }
  }
  const {
    rows: [{ server_version: pgVersion }],
  } = await adminQuery('show server_version');
  results.machine = machine(pgVersion);
  if ((await benchDatabases()).length > 0) {
    throw new Error(`Databases named ${prefix}* exist already`);
  }

  // 1. A fresh database, the SMTP server and replica A.
  await adminQuery(`create database "${pluginDatabase}"`);
  smtp = await startSmtpServer(options.smtpPort);
  log(`SMTP server on 127.0.0.1:${options.smtpPort}; databases ${prefix}*`);
  const backendOptions = { prefix, smtpPort: options.smtpPort, logDir };
  const a = await startBackend({
    ...backendOptions,
    name: 'A',
    port: options.portA,
  });
  replicas.push(a);
  log(
    `replica A up on ${a.baseUrl} after ${fmt(
      a.startupSeconds,
    )} s; waiting for it to settle`,
  );
  results.startup = { a: a.startupSeconds };
  await waitForQuiet(a.pid, { timeoutMs: 60_000 });
  const token = await guestToken(a);
  await changeSettings(a.baseUrl, token, {
    selfSignUpEnabled: true,
    signatureLine: 'Bench',
    contactEmail: 'bench@example.com',
    approvalProcess: 'admin',
  });
  pluginPool = new pg.Pool({
    ...options.pg,
    database: pluginDatabase,
    max: 70,
  });

  // 2a. Sign-up intake: HTTP against raw inserts, side by side.
  log('intake: warming up');
  await httpIntake({
    baseUrl: a.baseUrl,
    connections: 16,
    seconds: 3,
    emailPrefix: `warm-${runId}`,
    pid: a.pid,
  });
  await rawIntake({
    pool: pluginPool,
    clients: 16,
    seconds: 2,
    emailPrefix: `rawwarm-${runId}`,
  });
  const intake = [];
  for (const connections of [16, 64]) {
    // Raw and HTTP alternate `intakeRounds` times; the round with the median ratio is
    // reported, so that one slow spell of this shared machine does not decide the figure.
    const rounds = [];
    for (let round = 1; round <= options.intakeRounds; round++) {
      await waitForQuiet(a.pid);
      log(
        `intake ${round}/${options.intakeRounds}: raw inserts, ${connections} clients, ${options.seconds} s`,
      );
      const raw = await rawIntake({
        pool: pluginPool,
        clients: connections,
        seconds: options.seconds,
        emailPrefix: `raw-${runId}-${round}`,
      });
      await waitForQuiet(a.pid);
      log(
        `intake ${round}/${options.intakeRounds}: POST /public/sign-ups, ${connections} connections, ${options.seconds} s`,
      );
      const http = await httpIntake({
        baseUrl: a.baseUrl,
        connections,
        seconds: options.seconds,
        emailPrefix: `http-${runId}-${round}`,
        pid: a.pid,
      });
      rounds.push({ raw, http, ratio: http.rate / raw.rate });
      log(
        `  raw ${fmt(raw.rate, 0)}/s p99 ${fmt(raw.p99)} ms; http ${fmt(
          http.rate,
          0,
        )}/s p50 ${fmt(http.p50)} p99 ${fmt(http.p99)} ms; ratio ${fmt(
          http.rate / raw.rate,
          2,
        )}`,
      );
    }
    await waitForQuiet(a.pid);
    const floor = await httpFloor({
      baseUrl: a.baseUrl,
      connections,
      seconds: Math.min(5, options.seconds),
      pid: a.pid,
    });
    intake.push({ connections, ...medianRound(rounds), floor, rounds });
    log(`  GET /public/status ${fmt(floor.rate, 0)}/s`);
  }
  results.phases.intake = intake;
  await waitForQuiet(a.pid, { timeoutMs: 120_000 });
  await dropIntakeRequests(pluginPool);

  // 2b. The approval queue at 100,000 requests.
  log(`queue: filling sign_up_requests to ${options.queueRows} rows`);
  const fill = await fillQueue(pluginPool, options.queueRows);
  log(
    `  ${fill.requests} requests (${fill.pending} pending), ${
      fill.events
    } events, in ${fmt(fill.seconds)} s`,
  );
  const list = `${a.baseUrl}/api/api-store-access/sign-up-requests`;
  const deepUrl = await deepPageUrl(a.baseUrl, token, options.deepPages);
  const variants = [
    { key: 'first', label: 'first page', url: `${list}?limit=25`, query: {} },
    {
      key: 'status',
      label: 'status=pending_approval',
      url: `${list}?status=pending_approval&limit=25`,
      query: { status: 'pending_approval' },
    },
    {
      key: 'searchRare',
      label: 'search q=queue-4242 (a rare name)',
      url: `${list}?q=queue-4242&limit=25`,
      query: { q: 'queue-4242' },
    },
    {
      key: 'searchCommon',
      label: 'search q=example7.org (a common domain)',
      url: `${list}?q=example7.org&limit=25`,
      query: { q: 'example7.org' },
    },
    {
      key: 'deep',
      label: `page ${options.deepPages + 1} by cursor`,
      url: deepUrl,
      query: { cursorSeq: cursorSeq(deepUrl) },
    },
  ];
  const queue = { fill, variants: [] };
  const settingsTiming = await timeGet(
    `${a.baseUrl}/api/api-store-access/settings`,
    token,
    {
      count: options.listRequests,
    },
  );
  queue.settingsBaseline = settingsTiming;
  for (const variant of variants) {
    log(`queue: ${options.listRequests} x GET ${variant.label}`);
    const timing = await timeGet(variant.url, token, {
      count: options.listRequests,
    });
    const plans = await explainList(pluginPool, {
      ...variant.query,
      limit: 25,
    });
    queue.variants.push({ ...variant, timing, plans });
    log(
      `  p50 ${fmt(timing.p50)} ms, p95 ${fmt(timing.p95)} ms; SQL ${plans
        .map(
          p =>
            `${p.label} ${fmt(p.executionMs, 2)} ms${
              p.usesIndex ? '' : ' (seq scan)'
            }`,
        )
        .join(', ')}`,
    );
  }
  results.phases.queue = queue;

  // 2c. Propagation between two replicas.
  log('propagation: starting replica B');
  const b = await startBackend({
    ...backendOptions,
    name: 'B',
    port: options.portB,
  });
  replicas.push(b);
  results.startup.b = b.startupSeconds;
  await waitForQuiet(b.pid, { timeoutMs: 60_000 });
  await waitForQuiet(a.pid, { timeoutMs: 30_000 });
  log(`propagation: ${options.propagationRounds} rounds, polling B every 5 ms`);
  const propagation = await measurePropagation({
    a,
    b,
    token,
    rounds: options.propagationRounds,
    intervalMs: 5,
    emailPrefix: `prop-${runId}`,
  });
  results.phases.propagation = propagation;
  log(`  p50 ${fmt(propagation.p50)} ms, max ${fmt(propagation.max)} ms`);
  await stopBackend(b);

  // 2d. Mail: the outbox against pooled nodemailer.
  await changeSettings(a.baseUrl, token, {
    selfSignUpEnabled: true,
    approvalProcess: 'auto',
  });
  await waitForQuiet(a.pid, { timeoutMs: 60_000 });
  const mailTimeoutMs = Math.max(120_000, options.mailCount * 60);
  if (options.mailWarmup > 0) {
    log(`mail: ${options.mailWarmup} welcome emails to warm up, untimed`);
    const warmup = await backendMail({
      pool: pluginPool,
      smtp,
      replica: a,
      count: options.mailWarmup,
      prefix: `mailwarm-${runId}-`,
      timeoutMs: mailTimeoutMs,
    });
    if (!warmup.complete) {
      throw new Error(`The mail warm-up delivered ${warmup.distinct} emails`);
    }
    await waitForQuiet(a.pid);
  }
  // The backend and the direct sender alternate `mailRounds` times; the pair with the
  // median ratio is reported, every pair is listed, and every round must lose nothing.
  const mailRounds = [];
  for (let round = 1; round <= options.mailRounds; round++) {
    log(
      `mail ${round}/${options.mailRounds}: ${options.mailCount} welcome emails through the backend's outbox`,
    );
    const backend = await backendMail({
      pool: pluginPool,
      smtp,
      replica: a,
      count: options.mailCount,
      prefix: `mail-${runId}-${round}-`,
      timeoutMs: mailTimeoutMs,
    });
    log(
      `  ${backend.distinct} in ${fmt(backend.seconds, 2)} s (${fmt(
        backend.rate,
        0,
      )}/s)`,
    );
    await waitForQuiet(a.pid);
    log(
      `mail ${round}/${options.mailRounds}: ${options.mailCount} messages with pooled nodemailer directly`,
    );
    const direct = await directMail({
      smtp,
      count: options.mailCount,
      prefix: `direct-${runId}-${round}-`,
      targetBytes: backend.avgBytes,
      mode: 'concurrent',
      warmup: options.mailWarmup,
      timeoutMs: mailTimeoutMs,
    });
    log(
      `  ${direct.distinct} in ${fmt(direct.seconds, 2)} s (${fmt(
        direct.rate,
        0,
      )}/s)`,
    );
    mailRounds.push({ backend, direct, ratio: backend.rate / direct.rate });
    await waitForQuiet(a.pid);
  }
  const { backend, direct, ratio } = medianRound(mailRounds);
  const sequentialCount = Math.min(2000, options.mailCount);
  const sequential = await directMail({
    smtp,
    count: sequentialCount,
    prefix: `seq-${runId}-`,
    targetBytes: backend.avgBytes,
    mode: 'sequential',
    timeoutMs: mailTimeoutMs,
  });
  log(`  one at a time: ${fmt(sequential.rate, 0)}/s`);
  results.phases.mail = {
    backend,
    direct,
    sequential,
    ratio,
    rounds: mailRounds.map(round => ({
      backendRate: round.backend.rate,
      directRate: round.direct.rate,
      ratio: round.ratio,
      complete: round.backend.complete,
      lost: round.backend.lost,
      duplicates: round.backend.duplicates,
    })),
  };

  // Logs of replica A over the run, for the report.
  // eslint-disable-next-line no-control-regex
  const logA = fs
    .readFileSync(a.logFile, 'utf8')
    .replace(/\x1b\[[0-9;]*m/g, '');
  results.logCounts = {
    lines: logA.split('\n').length,
    warnings: (logA.match(/ warn /g) ?? []).length,
    errors: (logA.match(/ error /g) ?? []).length,
  };

  // 2e. The frontend bundle (after the backends are gone, so that the build has the CPU).
  await stopBackend(a);
  log('frontend: building plugins/api-store-access');
  results.phases.frontend = measureFrontendBundle(
    path.join(logDir, 'frontend-build.log'),
  );

  results.totalSeconds = (Date.now() - started) / 1000;
  const summary = writeResults(
    results,
    path.join(__dirname, 'RESULTS.md'),
    logDir,
  );
  process.stdout.write(`\n${summary}\n`);
}

const timer = setTimeout(() => {
  log(`the bench ran over ${options.timeoutMinutes} minutes: stopping`);
  cleanup().finally(() => process.exit(2));
}, options.timeoutMinutes * 60_000);
timer.unref();

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    stopping = true;
    log(`${signal}: stopping`);
    cleanup().finally(() => process.exit(130));
  });
}
process.on('exit', () => replicas.forEach(killBackendSync));

main()
  .then(
    () => 0,
    error => {
      if (!stopping) log(`FAILED: ${error.stack ?? error}`);
      return 1;
    },
  )
  .then(async code => {
    await cleanup();
    log(`done; logs in ${path.relative(ROOT, logDir)}`);
    process.exit(code);
  });
