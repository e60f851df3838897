import { randomBytes } from 'node:crypto';
import { Knex } from 'knex';
import { hashToken } from './RegistrationLinkStore';

const TABLE = 'api_store_access_sessions';

/** Member sessions: random 256-bit tokens in a cookie, stored only as hashes. */
export class SessionStore {
  constructor(private readonly db: Knex) {}

  /** Starts a session; returns the token for the cookie. */
  async create(
    memberId: string,
    expiresAt: number,
    now: number,
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.db(TABLE).insert({
      token_hash: hashToken(token),
      member_id: memberId,
      created_at: now,
      expires_at: expiresAt,
    });
    return token;
  }

  /** The member of a live session, if the token is one. */
  async memberOf(token: string, now: number): Promise<string | undefined> {
    const row = await this.db(TABLE)
      .where({ token_hash: hashToken(token) })
      .whereNull('revoked_at')
      .where('expires_at', '>', now)
      .first('member_id');
    return row?.member_id;
  }

  /** Ends one session. */
  async revoke(token: string, now: number): Promise<void> {
    await this.db(TABLE)
      .where({ token_hash: hashToken(token) })
      .whereNull('revoked_at')
      .update({ revoked_at: now });
  }

  /** Ends every session of a member. */
  async revokeAllOf(memberId: string, now: number): Promise<void> {
    await this.db(TABLE)
      .where({ member_id: memberId })
      .whereNull('revoked_at')
      .update({ revoked_at: now });
  }
}
