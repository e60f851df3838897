import {
  BackstageUserIdentity,
  DiscoveryApi,
  IdentityApi,
  ProfileInfo,
} from '@backstage/core-plugin-api';
import { endMemberSession, rememberMemberSignIn } from './memberSession';

/** The deprecated synchronous methods some apps still call on the identity. */
type LegacyIdentity = IdentityApi & {
  getUserId?(): string;
  getIdToken?(): Promise<string | undefined>;
  getProfile?(): ProfileInfo;
};

/**
 * A community member's identity: the one ProxiedSignInPage builds for the provider
 * `api-store-member`, whose sign-out also ends the member session in the backend
 * (DELETE /public/sessions, which clears the HttpOnly cookie that JavaScript cannot
 * touch) and forgets the member sign-in of this browser. Sign-out never throws, so the
 * app always goes on to its sign-in page.
 */
export class MemberIdentity implements IdentityApi {
  private readonly identityApi: LegacyIdentity;
  private readonly discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'>;

  constructor(options: {
    identityApi: IdentityApi;
    discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'>;
  }) {
    this.identityApi = options.identityApi;
    this.discoveryApi = options.discoveryApi;
  }

  getUserId(): string {
    if (!this.identityApi.getUserId) {
      throw new Error('IdentityApi.getUserId is not implemented');
    }
    return this.identityApi.getUserId();
  }

  getIdToken(): Promise<string | undefined> {
    if (!this.identityApi.getIdToken) {
      throw new Error('IdentityApi.getIdToken is not implemented');
    }
    return this.identityApi.getIdToken();
  }

  getProfile(): ProfileInfo {
    if (!this.identityApi.getProfile) {
      throw new Error('IdentityApi.getProfile is not implemented');
    }
    return this.identityApi.getProfile();
  }

  getProfileInfo(): Promise<ProfileInfo> {
    return this.identityApi.getProfileInfo();
  }

  getBackstageIdentity(): Promise<BackstageUserIdentity> {
    return this.identityApi.getBackstageIdentity();
  }

  getCredentials(): Promise<{ token?: string }> {
    return this.identityApi.getCredentials();
  }

  async signOut(): Promise<void> {
    rememberMemberSignIn(false);
    await endMemberSession(this.discoveryApi);
    try {
      // ProxiedSignInIdentity only stops its token refreshes here
      await this.identityApi.signOut();
    } catch {
      // nothing left to clean up
    }
  }
}
