import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  authProvidersExtensionPoint,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import {
  DEFAULT_COMMUNITY_GROUP,
  memberUserEntityRef,
} from 'backstage-plugin-api-store-access-common';
import {
  createMemberAuthenticator,
  MemberSignInResult,
} from './memberAuthenticator';

/**
 * The auth provider `api-store-member`: community members who signed in with email and
 * password (session cookie) get a Backstage identity as their catalog User, member of
 * the community Group.
 */
export const authModuleApiStoreAccessProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'api-store-member-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
      },
      async init({ providers, discovery, auth, config }) {
        const communityGroup = `group:default/${
          config.getOptionalString('apiStoreAccess.communityGroup') ??
          DEFAULT_COMMUNITY_GROUP
        }`;
        providers.registerProvider({
          providerId: 'api-store-member',
          factory: createProxyAuthProviderFactory<MemberSignInResult>({
            authenticator: createMemberAuthenticator({ discovery, auth }),
            async signInResolver({ result }, ctx) {
              const userRef = memberUserEntityRef(result.email);
              try {
                return await ctx.signInWithCatalogUser({ entityRef: userRef });
              } catch {
                // The catalog takes a few seconds to ingest a new member; the member is
                // vouched for by api-store-access, so sign them in with the ownership the
                // catalog module will give them.
                return ctx.issueToken({
                  claims: { sub: userRef, ent: [userRef, communityGroup] },
                });
              }
            },
          }),
        });
      },
    });
  },
});
