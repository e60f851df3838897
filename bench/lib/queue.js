'use strict';

const { request, percentile } = require('./util');

/**
 * Fills `sign_up_requests` up to `target` rows with one INSERT ... SELECT over
 * generate_series (statuses spread like a queue that has been worked on for a while),
 * with the history events the workflow would have written, then VACUUM (ANALYZE)s the
 * tables as autovacuum would.
 */
async function fillQueue(pool, target) {
  const started = Date.now();
  const client = await pool.connect();
  try {
    const {
      rows: [{ count, maxseq }],
    } = await client.query(
      'select count(*)::int as count, coalesce(max(seq), 0)::bigint as maxseq from sign_up_requests',
    );
    const missing = Math.max(0, target - count);
    if (missing > 0) {
      await client.query('begin');
      await client.query(
        `insert into sign_up_requests
           (id, email, active_email, display_name, status, source, assignee, decision, reason, created_at, updated_at)
         select gen_random_uuid()::text, email,
                case when status in ('pending_approval', 'in_review', 'approved', 'registered') then email end,
                'Queue Person ' || g,
                status,
                case when g % 10 = 0 then 'invitation' else 'self-sign-up' end,
                case when status = 'in_review' then 'user:default/guest' end,
                case when status in ('approved', 'registered') then 'approve'
                     when status = 'rejected' then 'reject' end,
                null,
                $2::bigint - ($1::bigint - g) * 1000,
                $2::bigint - ($1::bigint - g) * 1000
           from (
             select g,
                    'queue-' || g || '@example' || (g % 50) || '.org' as email,
                    case
                      when g % 20 < 2 then 'pending_approval'
                      when g % 20 = 2 then 'in_review'
                      when g % 20 < 11 then 'approved'
                      when g % 20 < 14 then 'rejected'
                      when g % 20 < 18 then 'registered'
                      else 'expired'
                    end as status
               from generate_series(1, $1::int) as g
           ) as rows
          order by g`,
        [missing, Date.now()],
      );
      await client.query(
        `insert into sign_up_request_events (request_id, at, actor, action, detail)
         select id, created_at, email, 'submitted', null
           from sign_up_requests where seq > $1
         union all
         select id, updated_at, 'user:default/guest', status, null
           from sign_up_requests where seq > $1 and status <> 'pending_approval'`,
        [maxseq],
      );
      await client.query('commit');
    }
    // What autovacuum does to a table that has grown over time: statistics and the
    // visibility map (which index-only scans need).
    await client.query('vacuum (analyze) sign_up_requests');
    await client.query('vacuum (analyze) sign_up_request_events');
    const {
      rows: [stats],
    } = await client.query(
      `select (select count(*)::int from sign_up_requests) as requests,
              (select count(*)::int from sign_up_requests where status = 'pending_approval') as pending,
              (select count(*)::int from sign_up_request_events) as events`,
    );
    return {
      ...stats,
      inserted: missing,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    client.release();
  }
}

/** Times `count` sequential GETs of one URL (after `warmup` untimed ones). */
async function timeGet(url, token, { count, warmup = 20 }) {
  const headers = { authorization: `Bearer ${token}` };
  for (let i = 0; i < warmup; i++) {
    const res = await request('GET', url, { headers });
    if (res.status !== 200) {
      throw new Error(
        `GET ${url} answered ${res.status}: ${JSON.stringify(res.body)}`,
      );
    }
  }
  const times = [];
  let last;
  for (let i = 0; i < count; i++) {
    last = await request('GET', url, { headers });
    if (last.status !== 200) {
      throw new Error(`GET ${url} answered ${last.status}`);
    }
    times.push(last.ms);
  }
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: percentile(times, 100),
    count,
    items: last.body.items?.length,
    totalCount: last.body.totalCount,
  };
}

/** Follows nextCursor `pages` times from the first page; returns the URL of that page. */
async function deepPageUrl(baseUrl, token, pages) {
  const headers = { authorization: `Bearer ${token}` };
  let url = `${baseUrl}/api/api-store-access/sign-up-requests?limit=25`;
  for (let i = 0; i < pages; i++) {
    const res = await request('GET', url, { headers });
    if (res.status !== 200 || !res.body.nextCursor) {
      throw new Error(`No page ${i + 2}: ${res.status}`);
    }
    url = `${baseUrl}/api/api-store-access/sign-up-requests?limit=25&cursor=${encodeURIComponent(
      res.body.nextCursor,
    )}`;
  }
  return url;
}

/** The seq a v1 cursor stands for (see plugins/api-store-access-backend/src/database/cursor.ts). */
function cursorSeq(url) {
  const cursor = new URL(url).searchParams.get('cursor');
  return cursor
    ? Number(Buffer.from(cursor, 'base64url').toString('utf8').slice(3))
    : undefined;
}

const lit = value => `'${String(value).replace(/'/g, "''")}'`;

function likePattern(q) {
  return `%${q.toLowerCase().replace(/[\\%_]/g, c => `\\${c}`)}%`;
}

/**
 * The SQL that DatabaseSignUpRequestStore.list (with pageBySeq and whereEmailOrNameContains
 * in database/paging.ts) runs for a query (as knex renders it for
 * PostgreSQL, parameters inlined): the page (limit + 1 rows), the total count, and the
 * history of the page's rows (withHistory).
 */
function listStatements({ status, q, cursorSeq: seq, limit = 25 }) {
  const where = [];
  if (status) where.push(`"status" = ${lit(status)}`);
  if (q) {
    const pattern = lit(likePattern(q));
    where.push(
      `(email like ${pattern} escape '\\' or lower(display_name) like ${pattern} escape '\\')`,
    );
  }
  const filter = where.length ? ` where ${where.join(' and ')}` : '';
  const pageWhere = seq
    ? `${filter ? `${filter} and` : ' where'} "seq" < ${Number(seq)}`
    : filter;
  return {
    page: `select * from "sign_up_requests"${pageWhere} order by "seq" desc limit ${
      limit + 1
    }`,
    count: `select count(*) as "count" from "sign_up_requests"${filter}`,
    history: ids =>
      `select * from "sign_up_request_events" where "request_id" in (${ids
        .map(lit)
        .join(', ')}) order by "seq" asc`,
  };
}

/**
 * Scan nodes of a text plan: which tables were read by index and which sequentially, and
 * how many rows (or index entries) each one went through (returned + removed by filter).
 */
function scans(planLines) {
  const found = [];
  for (const line of planLines) {
    const m =
      /(Parallel )?(Seq Scan|Index Only Scan|Index Scan|Bitmap Heap Scan|Bitmap Index Scan)( Backward)?( using (\S+))? on (\S+).*actual time=\S+ rows=(\d+) loops=(\d+)/.exec(
        line,
      );
    if (m) {
      const bitmapIndex = m[2] === 'Bitmap Index Scan';
      found.push({
        node: `${m[1] ?? ''}${m[2]}${m[3] ?? ''}`,
        index: bitmapIndex ? m[6] : m[5],
        table: bitmapIndex ? undefined : m[6],
        rows: Number(m[7]) * Number(m[8]),
      });
      continue;
    }
    const removed = /Rows Removed by Filter: (\d+)/.exec(line);
    if (removed && found.length > 0) {
      found[found.length - 1].rows += Number(removed[1]);
    }
  }
  return found;
}

/** EXPLAIN (ANALYZE, BUFFERS) of every statement of a list query. */
async function explainList(pool, query) {
  const statements = listStatements(query);
  const out = [];
  const run = async (label, sql) => {
    const { rows } = await pool.query(`explain (analyze, buffers) ${sql}`);
    const lines = rows.map(r => r['QUERY PLAN']);
    const time = /Execution Time: ([\d.]+) ms/.exec(lines.join('\n'));
    const found = scans(lines);
    out.push({
      label,
      sql,
      plan: lines,
      executionMs: time ? Number(time[1]) : NaN,
      scans: found,
      // bitmap index scans feed the heap scan above them: count the heap scan only
      rowsRead: found
        .filter(scan => scan.table)
        .reduce((sum, scan) => sum + scan.rows, 0),
      usesIndex: found.length > 0 && found.every(s => !/Seq Scan/.test(s.node)),
    });
  };
  await run('page', statements.page);
  await run('count', statements.count);
  const { rows } = await pool.query(statements.page);
  const ids = rows.slice(0, query.limit ?? 25).map(r => r.id);
  if (ids.length > 0) await run('history', statements.history(ids));
  return out;
}

module.exports = {
  fillQueue,
  timeGet,
  deepPageUrl,
  cursorSeq,
  explainList,
  scans,
};
