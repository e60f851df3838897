'use strict';

const { randomUUID } = require('node:crypto');
const { performance } = require('node:perf_hooks');
const autocannon = require('autocannon');
const { percentile, cpuSeconds } = require('./util');

/**
 * `POST /public/sign-ups` under autocannon: `connections` concurrent keep-alive
 * connections for `seconds`, every request with an email never used before.
 */
async function httpIntake({ baseUrl, connections, seconds, emailPrefix, pid }) {
  let counter = 0;
  const cpuBefore = cpuSeconds(pid);
  const result = await autocannon({
    url: `${baseUrl}/api/api-store-access/public/sign-ups`,
    connections,
    pipelining: 1,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: req => ({
          ...req,
          body: JSON.stringify({
            email: `${emailPrefix}-${connections}-${counter++}@example.com`,
          }),
        }),
      },
    ],
  });
  const cpu = cpuSeconds(pid) - cpuBefore;
  const accepted = result['2xx'];
  return {
    kind: 'http',
    connections,
    seconds: result.duration,
    accepted,
    rate: accepted / result.duration,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    backendCpuPerRequestMs: accepted ? (cpu * 1000) / accepted : NaN,
    backendCpuShare: cpu / result.duration,
  };
}

/**
 * The floor of any request through the backend's HTTP stack: `GET /public/status` (no
 * token, one single-row query) under the same load.
 */
async function httpFloor({ baseUrl, connections, seconds, pid }) {
  const cpuBefore = cpuSeconds(pid);
  const result = await autocannon({
    url: `${baseUrl}/api/api-store-access/public/status`,
    connections,
    duration: seconds,
    timeout: 10,
  });
  const cpu = cpuSeconds(pid) - cpuBefore;
  const ok = result['2xx'];
  return {
    kind: 'floor',
    connections,
    rate: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    backendCpuPerRequestMs: ok ? (cpu * 1000) / ok : NaN,
    backendCpuShare: cpu / result.duration,
  };
}

// The rows a self sign-up awaiting an admin's approval writes (the request, its
// `submitted` event and the admin-notification email), as the plain statements a client
// without the backend's group commit would send: what DatabaseSignUpRequestStore.create
// writes on SQLite, one sign-up per transaction.
const INSERT_REQUEST = `insert into "sign_up_requests" ("active_email", "assignee", "created_at", "decision", "display_name", "email", "id", "reason", "source", "status", "updated_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict ("active_email") do nothing returning "id"`;
const INSERT_EVENT = `insert into "sign_up_request_events" ("action", "actor", "at", "detail", "request_id") values ($1, $2, $3, $4, $5)`;
const INSERT_OUTBOX = `insert into "api_store_access_outbox" ("attempts", "created_at", "id", "kind", "next_attempt_at", "payload", "recipient", "request_id", "status") values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;

/** Far in the future, so that the running backend does not deliver the raw rows. */
const RAW_NOT_BEFORE = Date.UTC(2100, 0, 1);

/**
 * How many more connections PostgreSQL takes now, keeping `margin` free for the backends
 * (others may use the same server: max_connections is shared).
 */
async function spareConnections(pool, margin = 25) {
  const { rows } = await pool.query(
    `select current_setting('max_connections')::int
            - current_setting('superuser_reserved_connections')::int
            - (select count(*)::int from pg_stat_activity) as spare`,
  );
  return Math.max(1, rows[0].spare - margin);
}

/**
 * The same rows inserted straight into PostgreSQL: `clients` concurrent clients, each
 * inserting one sign-up per transaction (request + event + outbox row) for `seconds`.
 * Each client has a connection of its own while the server has that many to spare;
 * otherwise the clients share the connections there are (as the backend's requests
 * share its pool of 10).
 */
async function rawIntake({ pool, clients, seconds, emailPrefix }) {
  const connections = [];
  const latencies = [];
  let counter = 0;
  let start;
  try {
    // The pool's own idle connections count as spare: they are reused first.
    const available = Math.min(
      clients,
      (await spareConnections(pool)) + pool.idleCount,
    );
    for (let i = 0; i < available; i++) connections.push(await pool.connect());
    const idle = [...connections];
    const waiting = [];
    const acquire = () =>
      idle.length
        ? Promise.resolve(idle.pop())
        : new Promise(r => waiting.push(r));
    const release = client =>
      waiting.length ? waiting.shift()(client) : idle.push(client);
    start = performance.now();
    const deadline = start + seconds * 1000;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let i = 0; i < 10_000_000 && performance.now() < deadline; i++) {
          const t0 = performance.now();
          const client = await acquire();
          try {
            await insertSignUp(
              client,
              `${emailPrefix}-${clients}-${counter++}@example.com`,
            );
          } finally {
            release(client);
          }
          latencies.push(performance.now() - t0);
        }
      }),
    );
  } finally {
    for (const client of connections) client.release();
  }
  const elapsed = (performance.now() - start) / 1000;
  return {
    kind: 'raw',
    connections: clients,
    pgConnections: connections.length,
    seconds: elapsed,
    accepted: latencies.length,
    rate: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: percentile(latencies, 100),
  };
}

async function insertSignUp(client, email) {
  const id = randomUUID();
  const now = Date.now();
  await client.query('begin');
  try {
    const inserted = await client.query(INSERT_REQUEST, [
      email,
      null,
      now,
      null,
      null,
      email,
      id,
      null,
      'self-sign-up',
      'pending_approval',
      now,
    ]);
    if (inserted.rowCount === 1) {
      await client.query(INSERT_EVENT, ['submitted', email, now, null, id]);
      await client.query(INSERT_OUTBOX, [
        0,
        now,
        randomUUID(),
        'admin-notification',
        RAW_NOT_BEFORE,
        JSON.stringify({ email, displayName: '' }),
        'user:default/guest',
        id,
        'pending',
      ]);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

/**
 * Removes the sign-ups of the intake runs (with their history, their delivered emails and
 * the raw runs' outbox rows, which the backend never delivers), so
 * that the approval queue is measured at the same mix of states in every run, however
 * many sign-ups the intake runs made.
 */
async function dropIntakeRequests(pool) {
  await pool.query(
    `delete from api_store_access_outbox where request_id is not null`,
  );
  await pool.query(`delete from sign_up_requests`);
}

module.exports = {
  httpIntake,
  httpFloor,
  rawIntake,
  dropIntakeRequests,
};
