import { AuthenticationError } from '@backstage/errors';
import { normalizeEmail } from 'backstage-plugin-api-store-access-common';
import { MemberStore } from '../database/MemberStore';
import { SessionStore } from '../database/SessionStore';
import { hashPassword, verifyPassword } from './passwordHash';

/** How sign-in protects members. */
export interface SignInPolicy {
  sessionLifetimeMs: number;
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

/** The one answer to every failed sign-in, so none tells which part was wrong. */
export const SIGN_IN_FAILED = 'Incorrect email or password';

/**
 * Member sign-in with email and password. Wrong passwords, unknown emails, disabled and
 * locked members all get the same error after the same work (a password hash is checked
 * in every case), so neither the answer nor its timing tells them apart.
 */
export class MemberSignIn {
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly members: MemberStore,
    private readonly sessions: SessionStore,
    private readonly policy: SignInPolicy,
  ) {}

  /** Checks the credentials and starts a session; returns its token and expiry. */
  async signIn(
    rawEmail: string,
    password: string,
  ): Promise<{ token: string; expiresAt: number }> {
    const email = normalizeEmail(rawEmail);
    const member = await this.members.credentials(email);
    this.dummyHash ??= hashPassword('not the password of anyone at all');
    const valid = await verifyPassword(
      password,
      member?.passwordHash ?? (await this.dummyHash),
    );
    const now = Date.now();
    if (!member) {
      throw new AuthenticationError(SIGN_IN_FAILED);
    }
    const locked = member.lockedUntil !== null && member.lockedUntil > now;
    if (!valid) {
      if (!locked) {
        await this.members.recordFailure(member.id, now, this.policy);
      }
      throw new AuthenticationError(SIGN_IN_FAILED);
    }
    if (locked || member.status !== 'active') {
      throw new AuthenticationError(SIGN_IN_FAILED);
    }
    await this.members.recordSuccess(member.id);
    const expiresAt = now + this.policy.sessionLifetimeMs;
    return {
      token: await this.sessions.create(member.id, expiresAt, now),
      expiresAt,
    };
  }

  /** Ends a session. */
  async signOut(token: string): Promise<void> {
    await this.sessions.revoke(token, Date.now());
  }

  /** The active member behind a session token; throws AuthenticationError otherwise. */
  async resolve(token: string) {
    const memberId = await this.sessions.memberOf(token, Date.now());
    const member = memberId ? await this.members.record(memberId) : undefined;
    if (!member || member.status !== 'active') {
      throw new AuthenticationError('No active member session');
    }
    return member;
  }
}
