import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { Member, Page } from 'backstage-plugin-api-store-access-common';
import { decodeCursor, encodeCursor } from './cursor';
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
};

function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    status: row.status as Member['status'],
    createdAt: toIsoTime(row.created_at),
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
      const pattern = `%${query.q
        .toLowerCase()
        .replace(/[\\%_]/g, c => `\\${c}`)}%`;
      filtered.where(inner =>
        inner
          .whereRaw(`email like ? escape '\\'`, [pattern])
          .orWhereRaw(`lower(display_name) like ? escape '\\'`, [pattern]),
      );
    }
    const page = filtered
      .clone()
      .orderBy('seq', 'desc')
      .limit(query.limit + 1);
    if (query.cursor) page.where('seq', '<', decodeCursor(query.cursor));
    const [rows, [{ count }]] = await Promise.all([
      page.select('*'),
      filtered.clone().count({ count: '*' }),
    ]);
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toMember),
      totalCount: Number(count),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor(Number(last.seq))
          : null,
    };
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
