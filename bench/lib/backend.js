'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { request, sleep, waitUntil } = require('./util');

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * How the replicas run: NODE_ENV (`BENCH_NODE_ENV`, production by default, as deployed)
 * and the V8 flags packages/backend/Dockerfile gives a deployed backend.
 */
const replicaRuntime = {
  nodeEnv: process.env.BENCH_NODE_ENV ?? 'production',
  nodeOptions: '--max-semi-space-size=64',
};

/**
 * Starts one replica of the example backend (packages/backend) from its sources, as
 * `yarn workspace backend start` does (node with Backstage's TypeScript transform), but
 * with NODE_ENV=production (`BENCH_NODE_ENV` to change it) as a deployed backend runs, and
 * without the CLI's file watcher: other people edit the repository while the bench runs,
 * and a restart in the middle of a measurement would spoil it. The replica is its own
 * process group so that it can be stopped as a whole.
 */
async function startBackend({ name, port, prefix, smtpPort, logDir }) {
  const logFile = path.join(logDir, `backend-${name}.log`);
  const out = fs.openSync(logFile, 'w');
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli-node/config/nodeTransform.cjs', {
        paths: [ROOT],
      }),
      'src/index',
      '--config',
      '../../app-config.yaml',
      '--config',
      '../../bench/app-config.bench.yaml',
    ],
    {
      cwd: path.join(ROOT, 'packages', 'backend'),
      detached: true,
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        NODE_ENV: replicaRuntime.nodeEnv,
        FORCE_COLOR: '0',
        APP_CONFIG_backend_baseUrl: baseUrl,
        APP_CONFIG_backend_listen_port: String(port),
        APP_CONFIG_backend_listen_host: '127.0.0.1',
        APP_CONFIG_backend_database_prefix: prefix,
        APP_CONFIG_apiStoreAccess_email_transport_port: String(smtpPort),
        // The young generation the Dockerfile gives the backend; more with
        // BENCH_BACKEND_NODE_OPTIONS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile.
        NODE_OPTIONS: `${replicaRuntime.nodeOptions} ${
          process.env.BENCH_BACKEND_NODE_OPTIONS ?? ''
        }`.trim(),
      },
    },
  );
  fs.closeSync(out);
  const started = Date.now();
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  const replica = { name, port, baseUrl, pid: child.pid, child, logFile };

  await waitUntil(
    async () => {
      if (exited) {
        throw new Error(
          `Backend ${name} exited (${JSON.stringify(exited)}); see ${logFile}`,
        );
      }
      const res = await request(
        'GET',
        `${baseUrl}/api/api-store-access/public/status`,
        { timeoutMs: 2000 },
      );
      return res.status === 200;
    },
    { timeoutMs: 240_000, intervalMs: 500, what: `backend ${name} status` },
  ).catch(error => {
    if (exited) {
      throw new Error(
        `Backend ${name} exited (${JSON.stringify(exited)}); see ${logFile}`,
      );
    }
    throw error;
  });
  // Every plugin initialised (the catalog is the slowest), not just ours.
  await waitUntil(
    async () =>
      /Plugin initialization complete/.test(fs.readFileSync(logFile, 'utf8')),
    { timeoutMs: 120_000, intervalMs: 500, what: `backend ${name} plugins` },
  );
  replica.startupSeconds = (Date.now() - started) / 1000;
  return replica;
}

/** Stops a replica: SIGTERM to its process group, SIGKILL after 15 s. */
async function stopBackend(replica) {
  if (!replica || replica.stopped) return;
  replica.stopped = true;
  const { child } = replica;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise(resolve => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = sleep(15_000).then(() => 'timeout');
  if ((await Promise.race([gone, timer])) === 'timeout') {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await Promise.race([gone, sleep(5000)]);
  }
}

/** Synchronous last resort for exit handlers. */
function killBackendSync(replica) {
  if (!replica || replica.child.exitCode !== null) return;
  try {
    process.kill(-replica.child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

module.exports = {
  startBackend,
  stopBackend,
  killBackendSync,
  replicaRuntime,
  ROOT,
};
