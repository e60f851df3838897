import { Knex } from 'knex';
import { CustomErrorBase, NotFoundError } from '@backstage/errors';
import { RegistrationInfo } from 'backstage-plugin-api-store-access-common';
import { MemberStore } from '../database/MemberStore';
import {
  RegistrationLinkStore,
  RegistrationLink,
} from '../database/RegistrationLinkStore';
import { SignUpRequestStore } from '../database/SignUpRequestStore';
import { checkPassword } from './passwordRules';
import { hashPassword } from './passwordHash';

/** A registration link that was used, replaced or has expired: answered with 410. */
export class LinkGoneError extends CustomErrorBase {
  name = 'LinkGoneError' as const;
  statusCode = 410;
}

function assertUsable(
  link: RegistrationLink | undefined,
  now: number,
): RegistrationLink {
  if (!link) {
    throw new NotFoundError('This registration link is not known');
  }
  if (link.usedAt !== null) {
    throw new LinkGoneError(
      'This registration link was already used; sign in instead',
    );
  }
  if (link.expiresAt <= now) {
    throw new LinkGoneError(
      'This registration link has expired; ask for a new one',
    );
  }
  if (link.voidedAt !== null) {
    throw new LinkGoneError(
      'This registration link was replaced by a newer one; use the latest email',
    );
  }
  return link;
}

/** Completes registrations: one-time links become members with a password. */
export class RegistrationService {
  constructor(
    private readonly db: Knex,
    private readonly links: RegistrationLinkStore,
    private readonly requests: SignUpRequestStore,
    private readonly members: MemberStore,
  ) {}

  /** What the registration form shows; throws 404 or 410 errors. */
  async describe(token: string): Promise<RegistrationInfo> {
    const link = assertUsable(await this.links.find(token), Date.now());
    const request = await this.requests.get(link.requestId);
    if (!request) {
      throw new NotFoundError('This registration link is not known');
    }
    return {
      email: request.email,
      displayName: request.displayName,
      expiresAt: new Date(link.expiresAt).toISOString(),
    };
  }

  /**
   * Sets the password and creates the member; the link is used up in the same
   * transaction, so of many simultaneous calls exactly one succeeds.
   */
  async register(
    token: string,
    password: string,
    displayName?: string,
  ): Promise<{ email: string }> {
    const link = assertUsable(await this.links.find(token), Date.now());
    const request = await this.requests.get(link.requestId);
    if (!request) {
      throw new NotFoundError('This registration link is not known');
    }
    checkPassword(password, request.email);
    const passwordHash = await hashPassword(password);
    const name = displayName?.trim() || request.displayName;
    const registered = await this.db.transaction(async tx => {
      const now = Date.now();
      if (!(await this.links.consume(tx, token, now))) {
        return false;
      }
      await this.members.create(
        tx,
        {
          email: request.email,
          displayName: name,
          passwordHash,
          requestId: request.id,
        },
        now,
      );
      return true;
    });
    if (!registered) {
      assertUsable(await this.links.find(token), Date.now());
      throw new LinkGoneError(
        'This registration link was already used; sign in instead',
      );
    }
    await this.requests.transition(
      request.id,
      { fromStatuses: ['approved', 'expired'] },
      { status: 'registered' },
      { actor: request.email, action: 'registered' },
    );
    return { email: request.email };
  }
}
