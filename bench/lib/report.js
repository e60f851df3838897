'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { fmt } = require('./util');
const { ROOT } = require('./backend');

const verdict = ok => (ok ? 'PASS' : '**MISS**');
const kb = bytes => `${fmt(bytes / 1024, 1)} KiB`;

function summaryRows(r) {
  const rows = [];
  const { intake, queue, propagation, mail, frontend } = r.phases;
  for (const i of intake ?? []) {
    rows.push([
      `Sign-up intake, ${i.connections} connections: HTTP rate / raw insert rate`,
      `${fmt(i.http.rate, 0)}/s / ${fmt(i.raw.rate, 0)}/s = ${fmt(i.ratio, 2)}`,
      '≥ 0.50',
      verdict(i.ratio >= 0.5),
    ]);
    rows.push([
      `Sign-up intake, ${i.connections} connections: HTTP p50 / p99`,
      `${fmt(i.http.p50)} / ${fmt(i.http.p99)} ms`,
      'p99 < 50 ms',
      verdict(i.http.p99 < 50 && i.http.non2xx === 0 && i.http.errors === 0),
    ]);
  }
  for (const v of queue?.variants ?? []) {
    rows.push([
      `Queue of ${fmt(queue.fill.requests, 0)}: ${v.label}, p50 / p95`,
      `${fmt(v.timing.p50)} / ${fmt(v.timing.p95)} ms`,
      'p95 < 25 ms',
      verdict(v.timing.p95 < 25),
    ]);
  }
  for (const v of queue?.variants ?? []) {
    const seq = v.plans.filter(p => !p.usesIndex).map(p => p.label);
    rows.push([
      `Query plans of ${v.label} use indexes`,
      `${
        seq.length
          ? `sequential scan in: ${seq.join(', ')}`
          : 'index scans only'
      }; ${v.plans
        .map(p => `${p.label} reads ${fmt(p.rowsRead, 0)}`)
        .join(', ')} rows or index entries`,
      'indexes',
      verdict(seq.length === 0),
    ]);
  }
  if (propagation) {
    rows.push([
      `Propagation A → B, ${propagation.rounds} changes: p50 / max`,
      `${fmt(propagation.p50)} / ${fmt(propagation.max)} ms`,
      '< 1000 ms',
      verdict(propagation.max < 1000 && propagation.missed === 0),
    ]);
  }
  if (mail) {
    rows.push([
      `Mail, ${fmt(
        mail.backend.count,
        0,
      )} messages: outbox rate / direct pooled rate`,
      `${fmt(mail.backend.rate, 0)}/s / ${fmt(mail.direct.rate, 0)}/s = ${fmt(
        mail.ratio,
        2,
      )}`,
      '≥ 0.80',
      verdict(mail.ratio >= 0.8 && mail.rounds.every(round => round.complete)),
    ]);
    const lost = mail.rounds.reduce((sum, round) => sum + round.lost, 0);
    const duplicates = mail.rounds.reduce(
      (sum, round) => sum + round.duplicates,
      0,
    );
    rows.push([
      `Mail: lost / duplicated in all ${mail.rounds.length} rounds (distinct recipients at the SMTP server)`,
      `${lost} / ${duplicates}`,
      '0 / 0',
      verdict(lost === 0 && duplicates === 0),
    ]);
  }
  if (frontend) {
    rows.push([
      'Frontend plugin dist JS, gzipped (plain build / minified build)',
      frontend.error
        ? `not measured: ${frontend.error}`
        : `${kb(frontend.plain.gzipTogether)} / ${
            frontend.minified ? kb(frontend.minified.gzipTogether) : 'n/a'
          }`,
      'reported',
      frontend.error ? '**MISS**' : '—',
    ]);
  }
  return rows;
}

function table(header, rows) {
  const esc = cell => String(cell).replace(/\|/g, '\\|');
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map(row => `| ${row.map(esc).join(' | ')} |`),
  ].join('\n');
}

function render(r) {
  const m = r.machine;
  const { intake, queue, propagation, mail, frontend } = r.phases;
  const out = [];
  out.push('# Benchmark results');
  out.push(
    'Written by `yarn bench` (`bench/run.js`); every run rewrites this file. Ratios against the raw baselines measured in the same run are what hold on a noisy machine; absolute figures do not.',
  );
  out.push(
    [
      `- Date: ${m.date}`,
      `- Command: \`yarn bench\` (from the repository root), ${fmt(
        r.totalSeconds / 60,
        1,
      )} minutes in all`,
      `- Machine: ${m.nproc} cores (\`nproc\`), ${m.cpuModel}, ${fmt(
        m.memoryGiB,
        1,
      )} GiB memory, ${m.kernel}`,
      `- Load average at the start (others share this machine): ${m.loadAverage
        .map(l => fmt(l, 2))
        .join(', ')}`,
      `- Node ${m.node}; PostgreSQL ${m.postgres} on 127.0.0.1:5432`,
      `- Backend: \`packages/backend\` from its sources as \`yarn workspace backend start\` runs it, but with \`NODE_ENV=${
        r.runtime.nodeEnv
      }\`, the Dockerfile's \`${
        r.runtime.nodeOptions
      }\` and without the file watcher (its root HTTP router, \`src/rootHttpRouter.ts\`, has the server create requests and responses with Express's prototypes, so that Express does not change them per request), config \`app-config.yaml\` + \`bench/app-config.bench.yaml\`; databases \`${
        r.prefix
      }<plugin>\` (dropped afterwards); replica A started in ${fmt(
        r.startup?.a,
      )} s, replica B in ${fmt(r.startup?.b)} s`,
    ].join('\n'),
  );

  out.push('## Summary');
  out.push(table(['Measure', 'Figure', 'Target', 'Result'], summaryRows(r)));

  if (intake) {
    out.push('## Sign-up intake');
    out.push(
      `\`POST /api/api-store-access/public/sign-ups\` with a new email in every request (autocannon, ${r.options.seconds} s per run, keep-alive), self sign-up on with approval by an admin, so that each sign-up writes the request, its \`submitted\` event and an admin-notification email to the outbox; during the run the replica delivers those to the admin (the guest, \`portal-admin@example.com\`) as digests, one email and one Backstage notification per delivery round. The backend writes concurrent sign-ups together (group commit: while one statement is under way, the sign-ups that arrive meanwhile go out together as the next one, and each is answered once its statement has committed). The raw baseline inserts the same three rows with \`pg\` the way a plain client would, one transaction per sign-up, on as many connections, into the same database. Runs alternate raw and HTTP, ${r.options.intakeRounds} times per number of connections; the table shows the pair with the median ratio, the line under it every pair's ratio. The backend is left to go quiet before each run. For scale, the last row of each group is the cheapest request the backend serves (\`GET /public/status\`: no token, one single-row query) under the same load, i.e. the ceiling that the HTTP stack itself sets on this machine; backend CPU is the replica's user + system time over the run.`,
    );
    const rows = [];
    for (const i of intake) {
      for (const run of [i.raw, i.http, i.floor].filter(Boolean)) {
        const path = {
          raw: `raw pg inserts (${run.pgConnections} connections)`,
          http: 'HTTP POST /public/sign-ups',
          floor: 'HTTP GET /public/status (floor)',
        }[run.kind];
        rows.push([
          i.connections,
          path,
          run.kind === 'floor' ? '—' : fmt(run.accepted, 0),
          fmt(run.rate, 0),
          fmt(run.p50, 1),
          run.kind === 'floor' ? '—' : fmt(run.p90, 1),
          fmt(run.p99, 1),
          run.kind === 'floor' ? '—' : fmt(run.max, 1),
          run.kind === 'http'
            ? `${run.non2xx} / ${run.errors} / ${run.timeouts}`
            : '—',
          run.kind !== 'raw'
            ? `${fmt(run.backendCpuPerRequestMs, 2)} ms (${fmt(
                run.backendCpuShare * 100,
                0,
              )}% of a core)`
            : '—',
        ]);
      }
    }
    out.push(
      table(
        [
          'Connections',
          'Path',
          'Sign-ups',
          'Per second',
          'p50 ms',
          'p90 ms',
          'p99 ms',
          'max ms',
          'non-2xx / errors / timeouts',
          'Backend CPU per sign-up',
        ],
        rows,
      ),
    );
    out.push(
      intake
        .map(
          i =>
            `Ratios of every pair at ${i.connections} connections: ${i.rounds
              .map(
                p =>
                  `${fmt(p.http.rate, 0)} / ${fmt(p.raw.rate, 0)} = ${fmt(
                    p.ratio,
                    2,
                  )} (HTTP p99 ${fmt(p.http.p99)} ms)`,
              )
              .join('; ')}.`,
        )
        .join(' '),
    );
    out.push(
      `autocannon runs a closed loop (each connection sends its next request when the answer to the last one is in), so latency is about connections ÷ throughput: a p99 under 50 ms needs at least ${intake
        .map(
          i =>
            `${fmt(i.connections / 0.05, 0)} sign-ups/s at ${
              i.connections
            } connections (raw inserts here: ${fmt(i.raw.rate, 0)}/s)`,
        )
        .join(
          '; ',
        )}. What the HTTP stack itself allows under the same load is the p99 of the floor, \`GET /public/status\`: ${intake
        .map(
          i =>
            `${fmt(i.floor.p99)} ms at ${i.connections} connections (${fmt(
              i.floor.rate,
              0,
            )}/s)`,
        )
        .join('; ')}; a sign-up can be no faster than that.`,
    );
  }

  if (queue) {
    out.push('## The approval queue');
    out.push(
      `\`sign_up_requests\` emptied of the intake's sign-ups, then filled with ${fmt(
        queue.fill.requests,
        0,
      )} rows (${fmt(queue.fill.pending, 0)} pending approval; ${fmt(
        queue.fill.events,
        0,
      )} history events) with one INSERT … SELECT over generate_series in ${fmt(
        queue.fill.seconds,
      )} s, then VACUUM (ANALYZE). Each list was requested ${
        r.options.listRequests
      } times one after another over HTTP with the guest's token (after 20 untimed requests). For scale: \`GET /settings\` (token check, permission check, one-row query) takes p50 ${fmt(
        queue.settingsBaseline.p50,
      )} ms, p95 ${fmt(queue.settingsBaseline.p95)} ms.`,
    );
    out.push(
      table(
        [
          'List',
          'p50 ms',
          'p95 ms',
          'max ms',
          'totalCount',
          'SQL execution (EXPLAIN ANALYZE): page / count / history, ms',
          'Rows or index entries read: page / count / history',
        ],
        queue.variants.map(v => [
          v.label,
          fmt(v.timing.p50),
          fmt(v.timing.p95),
          fmt(v.timing.max),
          fmt(v.timing.totalCount, 0),
          v.plans.map(p => fmt(p.executionMs, 2)).join(' / '),
          v.plans.map(p => fmt(p.rowsRead, 0)).join(' / '),
        ]),
      ),
    );
    out.push('### Query plans');
    out.push(
      'The statements `DatabaseSignUpRequestStore.list` runs for each list (as knex renders them for PostgreSQL, parameters inlined): the page (limit + 1 rows), `count(*)` for `totalCount`, and the history of the page (`withHistory`), each with `EXPLAIN (ANALYZE, BUFFERS)`.',
    );
    for (const v of queue.variants) {
      out.push(`#### ${v.label}`);
      for (const p of v.plans) {
        const how = p.scans
          .map(
            s =>
              `${s.node}${s.index ? ` using ${s.index}` : ''}${
                s.table ? ` on ${s.table}` : ''
              }, ${fmt(s.rows, 0)} rows read`,
          )
          .join('; ');
        out.push(
          `${p.label}: ${
            p.usesIndex ? 'uses indexes' : '**sequential scan**'
          } (${how}), ${fmt(p.executionMs, 2)} ms`,
        );
        out.push(['```sql', p.sql, '```'].join('\n'));
        out.push(['```text', ...p.plan, '```'].join('\n'));
      }
    }
  }

  if (propagation) {
    out.push('## Propagation between replicas');
    out.push(
      `Replica B runs on the same PostgreSQL databases as A. Self sign-up is disabled and enabled on A (\`PUT /settings\`) ${propagation.rounds} times in turn; after each change B gets a new sign-up every 5 ms until it answers as the change says (403 disabled, 202 enabled). Times run from sending the PUT to A (and, in brackets, from A's answer).`,
    );
    out.push(
      `p50 ${fmt(propagation.p50)} ms (${fmt(
        propagation.p50FromCommit,
      )} ms), max ${fmt(propagation.max)} ms (${fmt(
        propagation.maxFromCommit,
      )} ms); at most ${propagation.maxPolls} sign-ups to B were needed; ${
        propagation.missed
      } changes were not seen within 10 s.`,
    );
    out.push(
      table(
        [
          'Round',
          'Change',
          'PUT on A ms',
          'Until B agreed ms',
          'From A’s answer ms',
          'Polls',
        ],
        propagation.samples.map(s => [
          s.round + 1,
          s.change,
          fmt(s.putMs),
          fmt(s.fromRequestMs),
          fmt(s.fromCommitMs),
          s.polls,
        ]),
      ),
    );
  }

  if (mail) {
    out.push('## Mail');
    out.push(
      `${fmt(
        mail.backend.count,
        0,
      )} approved sign-up requests with their welcome emails in the outbox (as automatic approval writes them) are released at once and delivery is kicked by one sign-up over HTTP; the time runs until the local SMTP server (smtp-server, no TLS, no AUTH) has received mail for every one of them. The backend's transport is nodemailer over SMTP with \`pool: true\`; every welcome email gets a freshly minted registration link. The baseline is pooled nodemailer (same options) in a process of its own, handing all messages of about the same size (${fmt(
        mail.direct.avgBytes,
        0,
      )} bytes against ${fmt(
        mail.backend.avgBytes,
        0,
      )}) to \`sendMail\` at once; "one at a time" awaits each \`sendMail\` before the next (${fmt(
        mail.sequential.count,
        0,
      )} messages), for comparison. Both senders first deliver ${fmt(
        r.options.mailWarmup,
        0,
      )} messages of the same kind untimed (\`BENCH_MAIL_WARMUP\`), so that neither is measured while its code is still being compiled. The two alternate ${fmt(
        mail.rounds.length,
        0,
      )} times (\`BENCH_MAIL_ROUNDS\`); the table shows the pair with the median ratio. Ratios of every pair: ${mail.rounds
        .map(
          round =>
            `${fmt(round.backendRate, 0)} / ${fmt(round.directRate, 0)} = ${fmt(
              round.ratio,
              2,
            )}`,
        )
        .join('; ')}.`,
    );
    out.push(
      table(
        [
          'Sender',
          'Messages',
          'Seconds',
          'Per second',
          'Distinct recipients',
          'Lost',
          'Duplicates',
        ],
        [
          [
            'backend outbox (replica A)',
            fmt(mail.backend.count, 0),
            fmt(mail.backend.seconds, 2),
            fmt(mail.backend.rate, 0),
            fmt(mail.backend.distinct, 0),
            mail.backend.lost,
            mail.backend.duplicates,
          ],
          [
            'pooled nodemailer, all at once',
            fmt(mail.direct.count, 0),
            fmt(mail.direct.seconds, 2),
            fmt(mail.direct.rate, 0),
            fmt(mail.direct.distinct, 0),
            mail.direct.lost,
            mail.direct.total - mail.direct.distinct,
          ],
          [
            'pooled nodemailer, one at a time',
            fmt(mail.sequential.count, 0),
            fmt(mail.sequential.seconds, 2),
            fmt(mail.sequential.rate, 0),
            fmt(mail.sequential.distinct, 0),
            mail.sequential.lost,
            mail.sequential.total - mail.sequential.distinct,
          ],
        ],
      ),
    );
    out.push(
      `Outbox rows of the run afterwards, by status: ${Object.entries(
        mail.backend.outbox,
      )
        .map(([k, n]) => `${k} ${fmt(n, 0)}`)
        .join(', ')}. Backend CPU during delivery: ${fmt(
        mail.backend.backendCpuSeconds,
        1,
      )} s.`,
    );
  }

  if (frontend) {
    out.push('## Frontend bundle');
    if (frontend.error) {
      out.push(`Not measured: ${frontend.error}.`);
    } else {
      const row = (label, s) => [
        label,
        s.files,
        kb(s.raw),
        kb(s.gzipPerFile),
        kb(s.gzipTogether),
      ];
      out.push(
        '`yarn workspace backstage-plugin-api-store-access build` (and again with `--minify`): the JavaScript of `plugins/api-store-access/dist`, i.e. the plugin’s own code without its dependencies, gzipped at level 9 file by file and as one concatenated file.',
      );
      out.push(
        table(
          [
            'Build',
            'JS files',
            'Raw',
            'Gzipped per file (sum)',
            'Gzipped together',
          ],
          [
            row('plain', frontend.plain),
            ...(frontend.minified ? [row('--minify', frontend.minified)] : []),
          ],
        ),
      );
    }
  }

  out.push('## Logs');
  out.push(
    `Replica A wrote ${fmt(r.logCounts?.lines, 0)} log lines (${fmt(
      r.logCounts?.warnings,
      0,
    )} warnings, ${fmt(
      r.logCounts?.errors,
      0,
    )} errors); the logs of a run stay in \`bench/logs/<timestamp>/\` (not committed).`,
  );
  return `${out.join('\n\n')}\n`;
}

/** Writes RESULTS.md (formatted with the repository's prettier) and returns the summary. */
function writeResults(results, file, logDir) {
  fs.writeFileSync(
    path.join(logDir, 'results.json'),
    JSON.stringify(results, null, 2),
  );
  fs.writeFileSync(file, render(results));
  // Formatted like the rest of the repository, so that `yarn prettier:check` stays clean.
  spawnSync(
    process.execPath,
    [
      require.resolve('prettier/bin-prettier.js', { paths: [ROOT] }),
      '--write',
      file,
      path.join(logDir, 'results.json'),
    ],
    { cwd: ROOT, stdio: 'ignore' },
  );
  const summary = table(
    ['Measure', 'Figure', 'Target', 'Result'],
    summaryRows(results),
  );
  return `${summary.replace(/\*\*/g, '')}\n\nTotal time: ${fmt(
    results.totalSeconds / 60,
    1,
  )} minutes. Full results: ${path.relative(ROOT, file)}`;
}

module.exports = { writeResults, render };
