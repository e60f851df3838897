'use strict';

const path = require('node:path');
const { spawn } = require('node:child_process');
const { performance } = require('node:perf_hooks');
const { request, sleep, waitUntil, cpuSeconds } = require('./util');

/** next_attempt_at of the held messages: not due until the bench releases them. */
const HOLD = Date.UTC(2200, 0, 1);

/**
 * The backend's delivery of `count` welcome emails: that many approved requests (with
 * their events and welcome messages in the outbox, as SignUpWorkflow.submit writes them
 * under automatic approval) are inserted on hold, released at once, and one sign-up over
 * HTTP kicks delivery (as any sign-up does). Timed until the SMTP server has received
 * every one of them.
 */
async function backendMail({ pool, smtp, replica, count, prefix, timeoutMs }) {
  // Nothing else due in the outbox, so that the backend works only on ours.
  await waitUntil(
    async () => {
      const { rows } = await pool.query(
        `select count(*)::int as n from api_store_access_outbox where status = 'pending' and next_attempt_at <= $1`,
        [Date.now()],
      );
      return rows[0].n === 0;
    },
    { timeoutMs: 120_000, intervalMs: 500, what: 'an empty outbox' },
  );
  const client = await pool.connect();
  try {
    await client.query('begin');
    const now = Date.now();
    await client.query(
      `insert into sign_up_requests
         (id, email, active_email, display_name, status, source, assignee, decision, reason, created_at, updated_at)
       select gen_random_uuid()::text, $1 || g || '@example.com', $1 || g || '@example.com', null,
              'approved', 'self-sign-up', null, 'approve', null, $3, $3
         from generate_series(1, $2::int) as g order by g`,
      [prefix, count, now],
    );
    await client.query(
      `insert into sign_up_request_events (request_id, at, actor, action, detail)
       select id, created_at, email, 'submitted', null from sign_up_requests where email like $1
       union all
       select id, created_at, 'system', 'approved', 'Approved automatically' from sign_up_requests where email like $1`,
      [`${prefix}%`],
    );
    await client.query(
      `insert into api_store_access_outbox
         (id, kind, recipient, payload, request_id, status, attempts, next_attempt_at, created_at)
       select gen_random_uuid()::text, 'welcome', email,
              json_build_object('email', email, 'displayName', '')::text,
              id, 'pending', 0, $2, created_at
         from sign_up_requests where email like $1 order by seq`,
      [`${prefix}%`, HOLD],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }

  smtp.reset();
  const arrived = smtp.whenDistinct(prefix, count);
  const cpuBefore = cpuSeconds(replica.pid);
  const start = performance.now();
  await pool.query(
    `update api_store_access_outbox set next_attempt_at = $1 where next_attempt_at = $2`,
    [Date.now(), HOLD],
  );
  const kick = await request(
    'POST',
    `${replica.baseUrl}/api/api-store-access/public/sign-ups`,
    { body: { email: `kick-${prefix}x@example.com` } },
  );
  if (kick.status !== 202) {
    throw new Error(`The kick sign-up answered ${kick.status}`);
  }
  const end = await Promise.race([arrived, sleep(timeoutMs).then(() => null)]);
  const seconds = ((end ?? performance.now()) - start) / 1000;
  await sleep(1000);
  const cpu = cpuSeconds(replica.pid) - cpuBefore;
  const received = smtp.countRecipients(prefix);
  const { rows: outbox } = await pool.query(
    `select status, count(*)::int as n from api_store_access_outbox where recipient like $1 group by status order by status`,
    [`${prefix}%`],
  );
  return {
    count,
    complete: end !== null,
    seconds,
    rate: Math.min(received.distinct, count) / seconds,
    distinct: received.distinct,
    total: received.total,
    lost: Math.max(0, count - received.distinct),
    duplicates: received.total - received.distinct,
    outbox: Object.fromEntries(outbox.map(r => [r.status, r.n])),
    avgBytes: smtp.state.messages
      ? smtp.state.bytes / smtp.state.messages
      : NaN,
    backendCpuSeconds: cpu,
  };
}

/**
 * Pooled nodemailer in a child process sending `count` similar messages directly, after
 * `warmup` untimed ones (to other recipients) as the backend's delivery is warmed up.
 */
async function directMail({
  smtp,
  count,
  prefix,
  targetBytes,
  mode,
  warmup = 0,
  timeoutMs,
}) {
  const child = spawn(
    process.execPath,
    [
      path.join(__dirname, 'mail-direct.js'),
      String(smtp.port),
      String(count),
      prefix,
      String(Math.round(targetBytes)),
      mode,
      String(warmup),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', chunk => {
    out += chunk;
  });
  const exited = new Promise(resolve => child.once('exit', resolve));
  await waitUntil(async () => out.includes('ready\n'), {
    timeoutMs: 60_000,
    intervalMs: 20,
    what: 'the direct sender',
  });
  smtp.reset();
  const arrived = smtp.whenDistinct(prefix, count);
  const start = performance.now();
  child.stdin.write('go\n');
  const end = await Promise.race([arrived, sleep(timeoutMs).then(() => null)]);
  const seconds = ((end ?? performance.now()) - start) / 1000;
  await Promise.race([exited, sleep(30_000)]);
  if (child.exitCode === null) child.kill('SIGKILL');
  const received = smtp.countRecipients(prefix);
  return {
    mode,
    count,
    complete: end !== null,
    seconds,
    rate: Math.min(received.distinct, count) / seconds,
    distinct: received.distinct,
    total: received.total,
    lost: Math.max(0, count - received.distinct),
    avgBytes: smtp.state.messages
      ? smtp.state.bytes / smtp.state.messages
      : NaN,
  };
}

module.exports = { backendMail, directMail };
