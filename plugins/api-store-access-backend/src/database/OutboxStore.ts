import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import {
  EmailTemplateKind,
  OutboxMessage,
  Page,
} from 'backstage-plugin-api-store-access-common';
import { pageBySeq } from './paging';
import { toIsoTime, toIsoTimeOrNull } from './time';
import { forEachChunk, IN_LIST_CHUNK } from './chunks';

const TABLE = 'api_store_access_outbox';

/** An email to write to the outbox with the change that causes it. */
export interface NewOutboxMessage {
  kind: EmailTemplateKind;
  /** An email address, or entity refs (comma separated) resolved when it is delivered. */
  recipient: string;
  /** Template values that are not secret (a reason, a display name). */
  payload?: Record<string, string>;
}

/** An outbox row claimed for delivery. */
export interface ClaimedOutboxMessage {
  seq: number;
  id: string;
  kind: EmailTemplateKind;
  recipient: string;
  payload: Record<string, string>;
  requestId: string | null;
  attempts: number;
}

type OutboxRow = {
  seq: number | string;
  id: string;
  kind: string;
  recipient: string;
  subject: string;
  payload: string;
  request_id: string | null;
  status: string;
  attempts: number;
  next_attempt_at: number | string;
  locked_until: number | string | null;
  last_error: string | null;
  created_at: number | string;
  sent_at: number | string | null;
};

/** Writes messages inside the caller's transaction, so they exist exactly when the change does. */
export async function enqueueMessages(
  tx: Knex | Knex.Transaction,
  requestId: string | null,
  messages: NewOutboxMessage[],
  now: number = Date.now(),
): Promise<void> {
  if (messages.length === 0) {
    return;
  }
  await tx(TABLE).insert(
    messages.map(message => ({
      id: randomUUID(),
      kind: message.kind,
      recipient: message.recipient,
      payload: JSON.stringify(message.payload ?? {}),
      request_id: requestId,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      created_at: now,
    })),
  );
}

function toMessage(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    kind: row.kind as EmailTemplateKind,
    recipient: row.recipient,
    subject: row.subject,
    status: row.status as OutboxMessage['status'],
    attempts: Number(row.attempts),
    lastError: row.last_error,
    requestId: row.request_id,
    createdAt: toIsoTime(row.created_at),
    sentAt: toIsoTimeOrNull(row.sent_at),
  };
}

/** The outbox: claimed by delivery workers, one claim per message across replicas. */
export class OutboxStore {
  constructor(private readonly db: Knex) {}

  /**
   * Claims up to `limit` due messages for `leaseMs`, counting an attempt. On PostgreSQL
   * rows are taken with FOR UPDATE SKIP LOCKED, so concurrent workers never share one;
   * elsewhere each row is taken with a guarded update.
   */
  async claimDue(
    now: number,
    limit: number,
    leaseMs: number,
  ): Promise<ClaimedOutboxMessage[]> {
    const lockedUntil = now + leaseMs;
    const due = (query: Knex.QueryBuilder) =>
      query
        .where('status', 'pending')
        .where('next_attempt_at', '<=', now)
        .where(q =>
          q.whereNull('locked_until').orWhere('locked_until', '<', now),
        );

    let rows: OutboxRow[];
    if (this.db.client.config.client === 'pg') {
      rows = await this.db.transaction(async tx => {
        const seqs = await due(tx(TABLE).select('seq'))
          .orderBy('seq')
          .limit(limit)
          .forUpdate()
          .skipLocked();
        if (seqs.length === 0) {
          return [];
        }
        return tx(TABLE)
          .whereIn(
            'seq',
            seqs.map((r: { seq: number }) => r.seq),
          )
          .update({
            locked_until: lockedUntil,
            attempts: tx.raw('attempts + 1'),
          })
          .returning('*');
      });
    } else {
      const candidates: OutboxRow[] = await due(this.db(TABLE).select('*'))
        .orderBy('seq')
        .limit(limit);
      rows = [];
      for (const row of candidates) {
        const taken = await due(this.db(TABLE).where('seq', row.seq)).update({
          locked_until: lockedUntil,
          attempts: this.db.raw('attempts + 1'),
        });
        if (taken === 1) {
          rows.push({ ...row, attempts: Number(row.attempts) + 1 });
        }
      }
    }
    return rows
      .map(row => ({
        seq: Number(row.seq),
        id: row.id,
        kind: row.kind as EmailTemplateKind,
        recipient: row.recipient,
        payload: JSON.parse(row.payload),
        requestId: row.request_id,
        attempts: Number(row.attempts),
      }))
      .sort((a, b) => a.seq - b.seq);
  }

  /** Records delivered messages in one transaction (one statement per distinct subject). */
  async markSentMany(
    sent: Array<{ id: string; subject: string }>,
    now: number,
  ): Promise<void> {
    if (sent.length === 0) {
      return;
    }
    const bySubject = new Map<string, string[]>();
    for (const { id, subject } of sent) {
      const ids = bySubject.get(subject) ?? [];
      ids.push(id);
      bySubject.set(subject, ids);
    }
    await this.db.transaction(async tx => {
      for (const [subject, ids] of bySubject) {
        await forEachChunk(ids, IN_LIST_CHUNK, chunk =>
          tx(TABLE).whereIn('id', chunk).update({
            status: 'sent',
            subject,
            sent_at: now,
            locked_until: null,
            last_error: null,
          }),
        );
      }
    });
  }

  /**
   * Records the same failed attempt for several messages: retried at `retryAt`, or
   * failed for good when it is null.
   */
  async markAttemptsFailed(
    ids: string[],
    error: string,
    retryAt: number | null,
    subject?: string,
  ): Promise<void> {
    await this.db.transaction(tx =>
      forEachChunk(ids, IN_LIST_CHUNK, chunk =>
        tx(TABLE)
          .whereIn('id', chunk)
          .update({
            status: retryAt === null ? 'failed' : 'pending',
            next_attempt_at: retryAt ?? Date.now(),
            locked_until: null,
            last_error: error.slice(0, 2000),
            ...(subject ? { subject } : {}),
          }),
      ),
    );
  }

  /** Messages, newest first, by status and request. */
  async list(query: {
    status?: OutboxMessage['status'];
    requestId?: string;
    limit: number;
    cursor?: string;
  }): Promise<Page<OutboxMessage>> {
    const filtered = this.db<OutboxRow>(TABLE);
    if (query.status) filtered.where('status', query.status);
    if (query.requestId) filtered.where('request_id', query.requestId);
    return pageBySeq<OutboxRow, OutboxMessage>(filtered, query, rows =>
      rows.map(toMessage),
    );
  }
}
