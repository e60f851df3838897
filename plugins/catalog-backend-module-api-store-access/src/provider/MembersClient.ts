import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { normalizeEmail } from 'backstage-plugin-api-store-access-common';

/** The plugin that keeps the registered community members. */
export const API_STORE_ACCESS_PLUGIN_ID = 'api-store-access';

/**
 * A registered community member as the internal members route of api-store-access
 * reports it.
 *
 * @public
 */
export interface CommunityMember {
  id: string;
  /** Normalised: trimmed, lower-case. */
  email: string;
  displayName: string | null;
  status: 'active' | 'disabled';
  /** Last change, epoch milliseconds. */
  updatedAt: number;
}

/**
 * One answer of the members route: the members (all of them, or those changed at or
 * after `updatedSince`) and the server time the answer was taken at.
 *
 * @public
 */
export interface MemberChanges {
  members: CommunityMember[];
  /** Server time, epoch milliseconds: the `updatedSince` of the next round. */
  now: number;
  /** Entries of the answer that were not well-formed members and were left out. */
  skipped: number;
}

/**
 * Where the entity provider reads community members from.
 *
 * @public
 */
export interface MemberSource {
  /** Every member, or with `updatedSince` those changed at or after that time. */
  listMembers(options?: {
    updatedSince?: number;
    signal?: AbortSignal;
  }): Promise<MemberChanges>;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

function parseMember(value: unknown): CommunityMember | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const item = value as Record<string, unknown>;
  const { id, email, displayName, status, updatedAt } = item;
  if (
    typeof id !== 'string' ||
    typeof email !== 'string' ||
    !email.includes('@') ||
    (status !== 'active' && status !== 'disabled') ||
    typeof updatedAt !== 'number' ||
    !Number.isFinite(updatedAt)
  ) {
    return undefined;
  }
  return {
    id,
    email: normalizeEmail(email),
    displayName:
      typeof displayName === 'string' && displayName.trim()
        ? displayName.trim()
        : null,
    status,
    updatedAt,
  };
}

/** Reads a members answer, leaving out (and counting) malformed entries. */
export function parseMemberChanges(body: unknown): MemberChanges {
  const { items, now } = (body ?? {}) as { items?: unknown; now?: unknown };
  if (!Array.isArray(items) || typeof now !== 'number' || !isFinite(now)) {
    throw new TypeError(
      'Unexpected answer from the api-store-access members route: expected { items: [], now: number }',
    );
  }
  const members: CommunityMember[] = [];
  let skipped = 0;
  for (const item of items) {
    const member = parseMember(item);
    if (member) {
      members.push(member);
    } else {
      skipped += 1;
    }
  }
  return { members, now, skipped };
}

/**
 * Reads community members from the internal route of the api-store-access backend
 * plugin (`GET /internal/members`) with a service token of the calling plugin.
 *
 * @public
 */
export class ApiStoreAccessMembersClient implements MemberSource {
  readonly #auth: AuthService;
  readonly #discovery: DiscoveryService;
  readonly #requestTimeoutMs: number;

  constructor(options: {
    auth: AuthService;
    discovery: DiscoveryService;
    /** Abort a request that takes longer; default 15 seconds. */
    requestTimeoutMs?: number;
  }) {
    this.#auth = options.auth;
    this.#discovery = options.discovery;
    this.#requestTimeoutMs =
      options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  }

  async listMembers(
    options: { updatedSince?: number; signal?: AbortSignal } = {},
  ): Promise<MemberChanges> {
    const baseUrl = await this.#discovery.getBaseUrl(
      API_STORE_ACCESS_PLUGIN_ID,
    );
    const { token } = await this.#auth.getPluginRequestToken({
      onBehalfOf: await this.#auth.getOwnServiceCredentials(),
      targetPluginId: API_STORE_ACCESS_PLUGIN_ID,
    });
    const url = new URL(`${baseUrl}/internal/members`);
    if (options.updatedSince !== undefined) {
      url.searchParams.set(
        'updatedSince',
        String(Math.max(0, Math.floor(options.updatedSince))),
      );
    }
    const timeout = AbortSignal.timeout(this.#requestTimeoutMs);
    const response = await fetch(url, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      signal: options.signal
        ? AbortSignal.any([options.signal, timeout])
        : timeout,
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return parseMemberChanges(await response.json());
  }
}
