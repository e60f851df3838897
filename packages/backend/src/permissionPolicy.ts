import {
  coreServices,
  createBackendModule,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';

/**
 * Name prefix shared by every permission of the API Store Access plugins
 * (`apiStoreAccessPermissions` in `backstage-plugin-api-store-access-common`).
 */
export const API_STORE_ACCESS_PERMISSION_PREFIX = 'api-store-access.';

/** The admin group used when `apiStoreAccess.adminGroup` is not configured. */
export const DEFAULT_API_STORE_ADMIN_GROUP = 'group:default/api-store-admins';

const normalizeRef = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * The example portal's policy: API Store Access permissions are allowed only
 * to members of the admin group (by the user's ownership entity refs, compared
 * case-insensitively) and denied to everyone else; every other permission is
 * allowed.
 */
export class ApiStoreAccessPermissionPolicy implements PermissionPolicy {
  readonly #adminGroup: string;
  readonly #userInfo: UserInfoService;

  /**
   * @param options.adminGroup - entity ref of the admin group
   * @param options.userInfo - resolves a user's ownership entity refs
   */
  constructor(options: { adminGroup: string; userInfo: UserInfoService }) {
    this.#adminGroup = normalizeRef(options.adminGroup);
    this.#userInfo = options.userInfo;
  }

  /** Decides one permission request for an optional user. */
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { name } = request.permission;
    if (!name.startsWith(API_STORE_ACCESS_PERMISSION_PREFIX)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (!user) {
      return { result: AuthorizeResult.DENY };
    }
    const { ownershipEntityRefs } = await this.#userInfo.getUserInfo(
      user.credentials,
    );
    const isAdmin = ownershipEntityRefs.some(
      ref => normalizeRef(ref) === this.#adminGroup,
    );
    return { result: isAdmin ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
  }
}

/**
 * Installs {@link ApiStoreAccessPermissionPolicy} in the permission backend,
 * with the admin group read from `apiStoreAccess.adminGroup`.
 */
export const permissionModuleApiStoreAccessPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'api-store-access-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, config, userInfo }) {
        const adminGroup =
          config.getOptionalString('apiStoreAccess.adminGroup') ??
          DEFAULT_API_STORE_ADMIN_GROUP;
        policy.setPolicy(
          new ApiStoreAccessPermissionPolicy({ adminGroup, userInfo }),
        );
      },
    });
  },
});
