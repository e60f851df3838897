import { DiscoveryApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { PLUGIN_ID } from '../../api/pluginId';
import { messageOf } from '../shared/errors';

/** The auth provider that turns the member session cookie into a Backstage identity. */
export const MEMBER_PROVIDER_ID = 'api-store-member';

/**
 * The localStorage key remembering that this browser signed in as a community member, so
 * that a reload signs the member in again while the session cookie is valid.
 */
export const MEMBER_SIGN_IN_STORAGE_KEY =
  'backstage-plugin-api-store-access:member-sign-in';

/** Where a member lands after signing in with the form: the API explorer. */
export const DEFAULT_MEMBER_LANDING_PATH = '/api-docs';

/** The message of a 401 from POST /public/sessions, whatever the reason. */
export const WRONG_CREDENTIALS_MESSAGE = 'Incorrect email or password';

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // blocked storage (privacy settings): nothing is remembered
  }
}

/** Whether this browser's last sign-in was a community member's. */
export function isMemberSignInRemembered(): boolean {
  try {
    return storage()?.getItem(MEMBER_SIGN_IN_STORAGE_KEY) === 'true';
  } catch {
    return false;
  }
}

/** Remembers (or forgets) that this browser signed in as a community member. */
export function rememberMemberSignIn(remember: boolean): void {
  try {
    if (remember) {
      storage()?.setItem(MEMBER_SIGN_IN_STORAGE_KEY, 'true');
    } else {
      storage()?.removeItem(MEMBER_SIGN_IN_STORAGE_KEY);
    }
  } catch {
    // storage full or blocked: the member signs in again after a reload
  }
}

async function sessionsUrl(
  discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'>,
): Promise<string> {
  return `${await discoveryApi.getBaseUrl(PLUGIN_ID)}/public/sessions`;
}

/** Why POST /public/sessions did not start a session, in words for the member. */
export class MemberSignInError extends Error {
  readonly status?: number;

  constructor(message: string, status?: number) {
    super(message);
    this.name = 'MemberSignInError';
    this.status = status;
  }
}

function retryAfterText(response: Response): string {
  const header = response.headers.get('Retry-After');
  const seconds = header ? Number(header) : NaN;
  if (!Number.isFinite(seconds) || seconds <= 0) {
    return 'Wait a few minutes and try again.';
  }
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 1
    ? 'Try again in a minute.'
    : `Try again in ${minutes} minutes.`;
}

/**
 * Starts a member session: POST /public/sessions with the global fetch (the app's fetchApi
 * waits for a sign-in), so that the backend sets the HttpOnly session cookie. Throws
 * {@link MemberSignInError} with a message to show.
 */
export async function startMemberSession(
  discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'>,
  credentials: { email: string; password: string },
): Promise<void> {
  let response: Response;
  try {
    response = await globalThis.fetch(await sessionsUrl(discoveryApi), {
      method: 'POST',
      credentials: 'include',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(credentials),
    });
  } catch {
    throw new MemberSignInError(
      'Could not reach the portal. Check your connection and try again.',
    );
  }
  if (response.ok) {
    return;
  }
  const status = response.status;
  if (status === 401) {
    throw new MemberSignInError(WRONG_CREDENTIALS_MESSAGE, status);
  }
  if (status === 429) {
    throw new MemberSignInError(
      `Too many sign-in attempts. ${retryAfterText(response)}`,
      status,
    );
  }
  const error = await ResponseError.fromResponse(response);
  if (status === 400) {
    throw new MemberSignInError(messageOf(error), status);
  }
  throw new MemberSignInError(
    `Sign-in is not available right now (${status}): ${messageOf(
      error,
    )}. Try again later.`,
    status,
  );
}

/**
 * Ends the member session: DELETE /public/sessions, which also clears the cookie.
 * Never throws: signing out must go on even when the backend cannot be reached.
 */
export async function endMemberSession(
  discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'>,
): Promise<void> {
  try {
    await globalThis.fetch(await sessionsUrl(discoveryApi), {
      method: 'DELETE',
      credentials: 'include',
    });
  } catch {
    // the session cookie expires on its own
  }
}
