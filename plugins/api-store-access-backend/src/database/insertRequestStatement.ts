import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { NewOutboxMessage } from './OutboxStore';
import { NewSignUpRequestEvent } from './SignUpRequestStore';
import { NewRequestRow } from './requestRows';

/**
 * Writes a request, its events and its outbox messages with one PostgreSQL statement
 * (data-modifying CTEs: atomic without a transaction, one round trip). Nothing is
 * written when another active request holds the email. Returns whether it was created.
 */
export async function insertRequestInOneStatement(
  db: Knex,
  row: NewRequestRow,
  events: NewSignUpRequestEvent[],
  messages: NewOutboxMessage[],
): Promise<boolean> {
  const bindings: unknown[] = [
    row.id,
    row.email,
    row.active_email,
    row.display_name,
    row.status,
    row.source,
    row.decision,
    row.reason,
    row.created_at,
    row.created_at,
  ];
  let sql = `with request as (
      insert into sign_up_requests
        (id, email, active_email, display_name, status, source, assignee, decision, reason, created_at, updated_at)
      values (?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?)
      on conflict (active_email) do nothing
      returning id
    )`;
  if (events.length > 0) {
    sql += `, events as (
      insert into sign_up_request_events (request_id, at, actor, action, detail)
      select request.id, ?::bigint, e.actor, e.action, e.detail
        from request cross join (values ${events
          .map(() => '(?::int, ?::text, ?::text, ?::text)')
          .join(', ')}) as e(ord, actor, action, detail)
       order by e.ord
    )`;
    bindings.push(row.created_at);
    events.forEach((event, i) =>
      bindings.push(i, event.actor, event.action, event.detail ?? null),
    );
  }
  if (messages.length > 0) {
    sql += `, messages as (
      insert into api_store_access_outbox
        (id, kind, recipient, payload, request_id, status, attempts, next_attempt_at, created_at)
      select m.id, m.kind, m.recipient, m.payload, request.id, 'pending', 0, ?::bigint, ?::bigint
        from request cross join (values ${messages
          .map(() => '(?::int, ?::text, ?::text, ?::text, ?::text)')
          .join(', ')}) as m(ord, id, kind, recipient, payload)
       order by m.ord
    )`;
    bindings.push(row.created_at, row.created_at);
    messages.forEach((message, i) =>
      bindings.push(
        i,
        randomUUID(),
        message.kind,
        message.recipient,
        JSON.stringify(message.payload ?? {}),
      ),
    );
  }
  sql += ' select id from request';
  const result = await db.raw(sql, bindings as Knex.RawBinding[]);
  return result.rows.length === 1;
}
