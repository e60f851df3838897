import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import {
  Page,
  SignUpDecision,
  SignUpRequest,
  SignUpRequestEvent,
  SignUpRequestSource,
  SignUpRequestStatus,
} from 'backstage-plugin-api-store-access-common';
import {
  activeStatuses,
  NewSignUpRequest,
  NewSignUpRequestEvent,
  SignUpRequestQuery,
  SignUpRequestStore,
  TransitionChanges,
  TransitionGuard,
} from './SignUpRequestStore';
import { pageBySeq, whereEmailOrNameContains } from './paging';
import { toIsoTime } from './time';
import { enqueueMessages, NewOutboxMessage } from './OutboxStore';
import { insertRequestsInOneStatement } from './insertRequestStatement';
import { RequestInsertBatcher } from './RequestInsertBatcher';
import { NewRequestRow, RequestRow } from './requestRows';
import { forEachChunk, IN_LIST_CHUNK } from './chunks';

const REQUESTS = 'sign_up_requests';
const EVENTS = 'sign_up_request_events';

type EventRow = {
  request_id: string;
  at: number | string;
  actor: string;
  action: string;
  detail: string | null;
};

function toEvent(row: EventRow): SignUpRequestEvent {
  return {
    at: toIsoTime(row.at),
    actor: row.actor,
    action: row.action,
    detail: row.detail,
  };
}

function toRequest(
  row: RequestRow,
  history: SignUpRequestEvent[],
): SignUpRequest {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    status: row.status as SignUpRequestStatus,
    source: row.source as SignUpRequestSource,
    assignee: row.assignee,
    decision: row.decision as SignUpDecision | null,
    reason: row.reason,
    createdAt: toIsoTime(row.created_at),
    updatedAt: toIsoTime(row.updated_at),
    history,
  };
}

function activeEmailFor(status: SignUpRequestStatus, email: string) {
  return activeStatuses.includes(status) ? email : null;
}

/** Sign-up requests in the plugin's database (SQLite or PostgreSQL). */
export class DatabaseSignUpRequestStore implements SignUpRequestStore {
  private readonly batcher?: RequestInsertBatcher;

  constructor(private readonly db: Knex) {
    if (db.client.config.client === 'pg') {
      this.batcher = new RequestInsertBatcher(inserts =>
        insertRequestsInOneStatement(db, inserts),
      );
    }
  }

  async create(
    request: NewSignUpRequest,
  ): Promise<{ created: boolean; request?: SignUpRequest }> {
    const id = randomUUID();
    const now = Date.now();
    const row: NewRequestRow = {
      id,
      email: request.email,
      active_email: activeEmailFor(request.status, request.email),
      display_name: request.displayName,
      status: request.status,
      source: request.source,
      decision: request.decision ?? null,
      reason: request.reason ?? null,
      created_at: now,
    };
    const created = this.batcher
      ? await this.batcher.insert({
          row,
          events: request.events,
          messages: request.messages ?? [],
        })
      : await this.db.transaction(async tx => {
          const inserted = await tx(REQUESTS)
            .insert({ ...row, assignee: null, updated_at: now })
            .onConflict('active_email')
            .ignore()
            .returning('id');
          if (inserted.length === 0) {
            return false;
          }
          await this.insertEvents(tx, id, now, request.events);
          await enqueueMessages(tx, id, request.messages ?? [], now);
          return true;
        });
    if (!created) {
      return { created };
    }
    const at = toIsoTime(now);
    return {
      created,
      request: {
        id,
        email: request.email,
        displayName: request.displayName,
        status: request.status,
        source: request.source,
        assignee: null,
        decision: request.decision ?? null,
        reason: request.reason ?? null,
        createdAt: at,
        updatedAt: at,
        history: request.events.map(event => ({
          at,
          actor: event.actor,
          action: event.action,
          detail: event.detail ?? null,
        })),
      },
    };
  }

  async existsForEmail(email: string): Promise<boolean> {
    const row = await this.db(REQUESTS).where({ email }).first('id');
    return Boolean(row);
  }

  async get(id: string): Promise<SignUpRequest | undefined> {
    const row = await this.db<RequestRow>(REQUESTS).where({ id }).first();
    if (!row) {
      return undefined;
    }
    const [request] = await this.withHistory([row]);
    return request;
  }

  async statusesOf(ids: string[]): Promise<Map<string, SignUpRequestStatus>> {
    const statuses = new Map<string, SignUpRequestStatus>();
    await forEachChunk(ids, IN_LIST_CHUNK, async chunk => {
      const rows = await this.db<RequestRow>(REQUESTS)
        .whereIn('id', chunk)
        .select('id', 'status');
      for (const row of rows) {
        statuses.set(row.id, row.status as SignUpRequestStatus);
      }
    });
    return statuses;
  }

  async list(query: SignUpRequestQuery): Promise<Page<SignUpRequest>> {
    const filtered = this.db<RequestRow>(REQUESTS);
    if (query.status) {
      filtered.where('status', query.status);
    }
    if (query.assignee) {
      filtered.where('assignee', query.assignee);
    }
    if (query.source) {
      filtered.where('source', query.source);
    }
    if (query.q) {
      whereEmailOrNameContains(filtered, query.q);
    }
    return pageBySeq<RequestRow, SignUpRequest>(filtered, query, rows =>
      this.withHistory(rows),
    );
  }

  async transition(
    id: string,
    guard: TransitionGuard,
    changes: TransitionChanges,
    event: NewSignUpRequestEvent,
    messages: NewOutboxMessage[] = [],
  ): Promise<SignUpRequest | undefined> {
    const now = Date.now();
    const applied = await this.db.transaction(async tx => {
      const current = await tx<RequestRow>(REQUESTS)
        .where({ id })
        .first('email');
      if (!current) {
        return false;
      }
      const update: Partial<RequestRow> = {
        status: changes.status,
        active_email: activeEmailFor(changes.status, current.email),
        updated_at: now,
      };
      if (changes.assignee !== undefined) update.assignee = changes.assignee;
      if (changes.decision !== undefined) update.decision = changes.decision;
      if (changes.reason !== undefined) update.reason = changes.reason;
      const guarded = tx(REQUESTS)
        .where({ id })
        .whereIn('status', guard.fromStatuses);
      if (guard.assignee !== undefined) {
        guarded.where('assignee', guard.assignee);
      }
      const count = await guarded.update(update);
      if (count !== 1) {
        return false;
      }
      await this.insertEvents(tx, id, now, [event]);
      await enqueueMessages(tx, id, messages, now);
      return true;
    });
    return applied ? this.get(id) : undefined;
  }

  private async insertEvents(
    tx: Knex.Transaction,
    requestId: string,
    at: number,
    events: NewSignUpRequestEvent[],
  ) {
    if (events.length === 0) {
      return;
    }
    await tx(EVENTS).insert(
      events.map(event => ({
        request_id: requestId,
        at,
        actor: event.actor,
        action: event.action,
        detail: event.detail ?? null,
      })),
    );
  }

  private async withHistory(rows: RequestRow[]): Promise<SignUpRequest[]> {
    if (rows.length === 0) {
      return [];
    }
    const events = await this.db<EventRow>(EVENTS)
      .whereIn(
        'request_id',
        rows.map(row => row.id),
      )
      .orderBy('seq', 'asc');
    const byRequest = new Map<string, SignUpRequestEvent[]>();
    for (const event of events) {
      const list = byRequest.get(event.request_id) ?? [];
      list.push(toEvent(event));
      byRequest.set(event.request_id, list);
    }
    return rows.map(row => toRequest(row, byRequest.get(row.id) ?? []));
  }
}
