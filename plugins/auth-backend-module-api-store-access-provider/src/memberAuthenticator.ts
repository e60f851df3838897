import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { AuthenticationError } from '@backstage/errors';
import { createProxyAuthenticator } from '@backstage/plugin-auth-node';

/** The cookie set by `POST /api/api-store-access/public/sessions`. */
export const MEMBER_SESSION_COOKIE = 'api-store-member-session';

/** A signed-in community member, as the api-store-access backend vouches for them. */
export interface MemberSignInResult {
  id: string;
  email: string;
  displayName: string | null;
}

function readCookie(
  req: { headers: { cookie?: string } },
  name: string,
): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) {
      return decodeURIComponent(value.join('='));
    }
  }
  return undefined;
}

/**
 * Turns the member session cookie into a member: the api-store-access backend resolves
 * the session (service-to-service), so passwords and sessions stay in that plugin.
 */
export function createMemberAuthenticator(deps: {
  discovery: DiscoveryService;
  auth: AuthService;
}) {
  return createProxyAuthenticator<unknown, MemberSignInResult, undefined>({
    defaultProfileTransform: async result => ({
      profile: {
        email: result.email,
        displayName: result.displayName ?? result.email,
      },
    }),
    initialize() {
      return undefined;
    },
    async authenticate({ req }) {
      const token = readCookie(req, MEMBER_SESSION_COOKIE);
      if (!token) {
        throw new AuthenticationError('Not signed in as a community member');
      }
      const { token: serviceToken } = await deps.auth.getPluginRequestToken({
        onBehalfOf: await deps.auth.getOwnServiceCredentials(),
        targetPluginId: 'api-store-access',
      });
      const baseUrl = await deps.discovery.getBaseUrl('api-store-access');
      const response = await fetch(`${baseUrl}/internal/sessions/resolve`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${serviceToken}`,
        },
        body: JSON.stringify({ token }),
      });
      if (response.status === 401) {
        throw new AuthenticationError('The community member session has ended');
      }
      if (!response.ok) {
        throw new Error(
          `Could not resolve the member session: api-store-access answered ${response.status}`,
        );
      }
      const member = (await response.json()) as MemberSignInResult;
      return { result: member };
    },
  });
}
