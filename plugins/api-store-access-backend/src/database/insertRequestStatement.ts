import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { NewOutboxMessage } from './OutboxStore';
import { NewSignUpRequestEvent } from './SignUpRequestStore';
import { NewRequestRow } from './requestRows';

/** A request to insert with its events and outbox messages. */
export type RequestInsert = {
  row: NewRequestRow;
  events: NewSignUpRequestEvent[];
  messages: NewOutboxMessage[];
};

function placeholders(rows: number, row: string): string {
  return Array.from({ length: rows }, () => row).join(', ');
}

/**
 * Writes requests, their events and their outbox messages with one PostgreSQL statement
 * (data-modifying CTEs: atomic without a transaction, one round trip however many
 * requests). A request whose email another active request holds, in the table or earlier
 * in the same list, is skipped with its events and messages. Returns the ids created.
 */
export async function insertRequestsInOneStatement(
  db: Knex,
  inserts: RequestInsert[],
): Promise<Set<string>> {
  const bindings: unknown[] = [];
  inserts.forEach(({ row }, ord) =>
    bindings.push(
      ord,
      row.id,
      row.email,
      row.active_email,
      row.display_name,
      row.status,
      row.source,
      row.decision,
      row.reason,
      row.created_at,
    ),
  );
  let sql = `with input (ord, id, email, active_email, display_name, status, source, decision, reason, created_at) as (
      values ${placeholders(
        inserts.length,
        '(?::int, ?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::bigint)',
      )}
    ), request as (
      insert into sign_up_requests
        (id, email, active_email, display_name, status, source, assignee, decision, reason, created_at, updated_at)
      select id, email, active_email, display_name, status, source, null, decision, reason, created_at, created_at
        from input order by ord
      on conflict (active_email) do nothing
      returning id
    )`;

  const events = inserts.flatMap(({ row, events: list }) =>
    list.map(event => ({ row, event })),
  );
  if (events.length > 0) {
    sql += `, events as (
      insert into sign_up_request_events (request_id, at, actor, action, detail)
      select e.request_id, e.at, e.actor, e.action, e.detail
        from request join (values ${placeholders(
          events.length,
          '(?::int, ?::text, ?::bigint, ?::text, ?::text, ?::text)',
        )}) as e(ord, request_id, at, actor, action, detail) on e.request_id = request.id
       order by e.ord
    )`;
    events.forEach(({ row, event }, ord) =>
      bindings.push(
        ord,
        row.id,
        row.created_at,
        event.actor,
        event.action,
        event.detail ?? null,
      ),
    );
  }

  const messages = inserts.flatMap(({ row, messages: list }) =>
    list.map(message => ({ row, message })),
  );
  if (messages.length > 0) {
    sql += `, messages as (
      insert into api_store_access_outbox
        (id, kind, recipient, payload, request_id, status, attempts, next_attempt_at, created_at)
      select m.id, m.kind, m.recipient, m.payload, m.request_id, 'pending', 0, m.at, m.at
        from request join (values ${placeholders(
          messages.length,
          '(?::int, ?::text, ?::text, ?::text, ?::text, ?::text, ?::bigint)',
        )}) as m(ord, id, request_id, kind, recipient, payload, at) on m.request_id = request.id
       order by m.ord
    )`;
    messages.forEach(({ row, message }, ord) =>
      bindings.push(
        ord,
        randomUUID(),
        row.id,
        message.kind,
        message.recipient,
        JSON.stringify(message.payload ?? {}),
        row.created_at,
      ),
    );
  }
  sql += ' select id from request';
  const result = await db.raw(sql, bindings as Knex.RawBinding[]);
  return new Set(result.rows.map((r: { id: string }) => r.id));
}
