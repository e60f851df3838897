import { createHash, randomBytes } from 'node:crypto';
import { Knex } from 'knex';
import { forEachChunk } from './chunks';

const TABLE = 'api_store_access_registration_links';
/** Rows per statement: 4 bound values each, well under SQLite's parameter limit. */
const CHUNK = 200;

/** Hashes a registration token for storage and lookup; the token itself is never stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A registration link as stored. */
export interface RegistrationLink {
  requestId: string;
  expiresAt: number;
  usedAt: number | null;
  voidedAt: number | null;
}

type LinkRow = {
  token_hash: string;
  request_id: string;
  created_at: number | string;
  expires_at: number | string;
  used_at: number | string | null;
  voided_at: number | string | null;
};

const toNumberOrNull = (v: number | string | null) =>
  v === null ? null : Number(v);

/** One-time registration links: 256 random bits, stored as SHA-256 hashes. */
export class RegistrationLinkStore {
  constructor(private readonly db: Knex) {}

  /**
   * Makes a fresh link for each of the (distinct) requests in one transaction, voiding
   * their earlier unused links. Returns the token per request.
   */
  async mintMany(
    requestIds: string[],
    expiresAt: number,
    now: number,
  ): Promise<Map<string, string>> {
    const tokens = new Map(
      requestIds.map(id => [id, randomBytes(32).toString('base64url')]),
    );
    const ids = [...tokens.keys()];
    if (ids.length === 0) {
      return tokens;
    }
    await this.db.transaction(async tx => {
      await forEachChunk(ids, CHUNK, async chunk => {
        await tx(TABLE)
          .whereIn('request_id', chunk)
          .whereNull('used_at')
          .whereNull('voided_at')
          .update({ voided_at: now });
        await tx(TABLE).insert(
          chunk.map(id => ({
            token_hash: hashToken(tokens.get(id)!),
            request_id: id,
            created_at: now,
            expires_at: expiresAt,
          })),
        );
      });
    });
    return tokens;
  }

  /** The link a token belongs to, if any. */
  async find(token: string): Promise<RegistrationLink | undefined> {
    const row = await this.db<LinkRow>(TABLE)
      .where({ token_hash: hashToken(token) })
      .first();
    return row
      ? {
          requestId: row.request_id,
          expiresAt: Number(row.expires_at),
          usedAt: toNumberOrNull(row.used_at),
          voidedAt: toNumberOrNull(row.voided_at),
        }
      : undefined;
  }

  /** Uses a link inside the caller's transaction; false when it was used, voided or expired. */
  async consume(
    tx: Knex.Transaction,
    token: string,
    now: number,
  ): Promise<boolean> {
    const count = await tx(TABLE)
      .where({ token_hash: hashToken(token) })
      .whereNull('used_at')
      .whereNull('voided_at')
      .where('expires_at', '>', now)
      .update({ used_at: now });
    return count === 1;
  }

  /** Voids a request's unused links made before `before` (later ones stay valid). */
  async voidEarlier(requestId: string, before: number): Promise<void> {
    await this.db(TABLE)
      .where({ request_id: requestId })
      .where('created_at', '<', before)
      .whereNull('used_at')
      .whereNull('voided_at')
      .update({ voided_at: before });
  }

  /** Requests whose latest live link has expired unused. */
  async requestsWithExpiredLinks(
    now: number,
    limit: number,
  ): Promise<string[]> {
    const rows = await this.db<LinkRow>(TABLE)
      .whereNull('used_at')
      .whereNull('voided_at')
      .where('expires_at', '<=', now)
      .distinct('request_id')
      .limit(limit);
    return rows.map(row => row.request_id);
  }
}
