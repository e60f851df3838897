import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { Member, Page } from 'backstage-plugin-api-store-access-common';
import { pageBySeq, whereEmailOrNameContains } from './paging';
import { toIsoTime } from './time';

const TABLE = 'api_store_access_members';

type MemberRow = {
  seq: number | string;
  id: string;
  email: string;
  display_name: string | null;
  password_hash: string;
  status: string;
  request_id: string | null;
  created_at: number | string;
  updated_at: number | string;
  failed_attempts?: number;
  first_failed_at?: number | string | null;
  locked_until?: number | string | null;
};

/** What sign-in needs to know of a member. */
export interface MemberCredentials {
  id: string;
  email: string;
  displayName: string | null;
  status: Member['status'];
  passwordHash: string;
  lockedUntil: number | null;
}

/** A member as other backend plugins see it (the catalog module, the auth module). */
export interface MemberRecord {
  id: string;
  email: string;
  displayName: string | null;
  status: Member['status'];
  updatedAt: number;
}

function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    status: row.status as Member['status'],
    createdAt: toIsoTime(row.created_at),
  };
}

function toRecord(row: MemberRow): MemberRecord {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    status: row.status as Member['status'],
    updatedAt: Number(row.updated_at),
  };
}

/** Registered community members and their password hashes. */
export class MemberStore {
  constructor(private readonly db: Knex) {}

  /** Adds a member inside the caller's transaction. */
  async create(
    tx: Knex.Transaction,
    member: {
      email: string;
      displayName: string | null;
      passwordHash: string;
      requestId: string;
    },
    now: number,
  ): Promise<Member> {
    const row = {
      id: randomUUID(),
      email: member.email,
      display_name: member.displayName,
      password_hash: member.passwordHash,
      status: 'active',
      request_id: member.requestId,
      created_at: now,
      updated_at: now,
    };
    await tx(TABLE).insert(row);
    return toMember({ ...row, seq: 0 });
  }

  /** Whether a member, active or disabled, has this email. */
  async existsForEmail(email: string): Promise<boolean> {
    return Boolean(await this.db(TABLE).where({ email }).first('id'));
  }

  /** Members, newest first, optionally filtered by an email or name substring. */
  async list(query: {
    q?: string;
    limit: number;
    cursor?: string;
  }): Promise<Page<Member>> {
    const filtered = this.db<MemberRow>(TABLE);
    if (query.q) {
      whereEmailOrNameContains(filtered, query.q);
    }
    return pageBySeq<MemberRow, Member>(filtered, query, rows =>
      rows.map(toMember),
    );
  }

  /** A member's sign-in data by normalised email. */
  async credentials(email: string): Promise<MemberCredentials | undefined> {
    const row = await this.db<MemberRow>(TABLE).where({ email }).first();
    return row
      ? {
          id: row.id,
          email: row.email,
          displayName: row.display_name,
          status: row.status as Member['status'],
          passwordHash: row.password_hash,
          lockedUntil: row.locked_until ? Number(row.locked_until) : null,
        }
      : undefined;
  }

  /** One member by id. */
  async record(id: string): Promise<MemberRecord | undefined> {
    const row = await this.db<MemberRow>(TABLE).where({ id }).first();
    return row ? toRecord(row) : undefined;
  }

  /** Members changed at or after a time (every member without one). */
  async changedSince(since?: number): Promise<MemberRecord[]> {
    const query = this.db<MemberRow>(TABLE).orderBy('updated_at');
    if (since !== undefined) {
      query.where('updated_at', '>=', since);
    }
    return (await query).map(toRecord);
  }

  /**
   * Counts a failed sign-in. Failures older than `windowMs` start a new count; the
   * `maxFailures`-th within the window locks the member until `now + lockMs`.
   */
  async recordFailure(
    id: string,
    now: number,
    policy: { maxFailures: number; windowMs: number; lockMs: number },
  ): Promise<void> {
    const windowStart = now - policy.windowMs;
    const fresh = this.db.raw(
      'first_failed_at is null or first_failed_at < ?',
      [windowStart],
    );
    await this.db(TABLE)
      .where({ id })
      .update({
        failed_attempts: this.db.raw(
          `case when ${fresh.toQuery()} then 1 else failed_attempts + 1 end`,
        ),
        first_failed_at: this.db.raw(
          `case when ${fresh.toQuery()} then ? else first_failed_at end`,
          [now],
        ),
      });
    await this.db(TABLE)
      .where({ id })
      .where('failed_attempts', '>=', policy.maxFailures)
      .update({
        locked_until: now + policy.lockMs,
        failed_attempts: 0,
        first_failed_at: null,
      });
  }

  /** Clears the failure count after a successful sign-in. */
  async recordSuccess(id: string): Promise<void> {
    await this.db(TABLE).where({ id }).update({
      failed_attempts: 0,
      first_failed_at: null,
      locked_until: null,
    });
  }

  /** Disables a member; undefined when there is no such member. */
  async disable(id: string): Promise<Member | undefined> {
    await this.db(TABLE)
      .where({ id })
      .update({ status: 'disabled', updated_at: Date.now() });
    const row = await this.db<MemberRow>(TABLE).where({ id }).first();
    return row ? toMember(row) : undefined;
  }
}
