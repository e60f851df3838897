import {
  coreServices,
  createBackendModule,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isResourcePermission,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { readCommunityGroupRef } from 'backstage-plugin-catalog-backend-module-api-store-access';

/**
 * Name prefix shared by every permission of the API Store Access plugins
 * (`apiStoreAccessPermissions` in `backstage-plugin-api-store-access-common`).
 */
export const API_STORE_ACCESS_PERMISSION_PREFIX = 'api-store-access.';

/** The admin group used when `apiStoreAccess.adminGroup` is not configured. */
export const DEFAULT_API_STORE_ADMIN_GROUP = 'group:default/api-store-admins';

/** The community group used when `apiStoreAccess.communityGroup` is not configured. */
export const DEFAULT_API_STORE_COMMUNITY_GROUP =
  'group:default/api-store-community';

/** The one catalog permission community members get, and only conditionally. */
export const CATALOG_ENTITY_READ_PERMISSION = 'catalog.entity.read';

const normalizeRef = (ref: string) => ref.toLocaleLowerCase('en-US');

const allow: PolicyDecision = { result: AuthorizeResult.ALLOW };
const deny: PolicyDecision = { result: AuthorizeResult.DENY };

/** `kind:namespace/name` (the full form that user info and config carry). */
function splitEntityRef(
  ref: string,
): { kind: string; namespace: string; name: string } | undefined {
  const match = /^([^:/]+):([^:/]+)\/([^:/]+)$/.exec(ref);
  return match
    ? { kind: match[1], namespace: match[2], name: match[3] }
    : undefined;
}

/** Exactly one entity: its kind, namespace and name all match. */
function isEntity(
  kind: string,
  ref: string,
): PermissionCriteria<PermissionCondition<'catalog-entity'>> | undefined {
  const parts = splitEntityRef(ref);
  if (!parts || normalizeRef(parts.kind) !== normalizeRef(kind)) {
    return undefined;
  }
  return {
    allOf: [
      catalogConditions.isEntityKind({ kinds: [kind] }),
      catalogConditions.hasMetadata({
        key: 'namespace',
        value: parts.namespace,
      }),
      catalogConditions.hasMetadata({ key: 'name', value: parts.name }),
    ],
  };
}

/**
 * What a community member may read in the catalog: every API entity, their own User
 * and the community Group.
 */
export function memberReadableEntities(options: {
  userEntityRef: string;
  communityGroup: string;
}): PermissionCriteria<PermissionCondition<'catalog-entity'>> {
  const own = isEntity('User', options.userEntityRef);
  const group = isEntity('Group', options.communityGroup);
  return {
    anyOf: [
      catalogConditions.isEntityKind({ kinds: ['API'] }),
      ...(own ? [own] : []),
      ...(group ? [group] : []),
    ],
  };
}

/**
 * The example portal's policy.
 *
 * - Members of the admin group (by the user's ownership entity refs, compared
 *   case-insensitively) are allowed everything, API Store Access permissions included.
 * - Registered community members (the community group in their ownership refs, not in
 *   the admin group) may read API entities, their own User and the community Group
 *   (`catalog.entity.read`, conditionally) and nothing else: no other catalog
 *   permission, no API Store Access permission, no scaffolder or kubernetes action.
 * - Everyone else (the portal's own employees) is allowed every permission except the
 *   API Store Access ones; requests without a user likewise.
 */
export class ApiStoreAccessPermissionPolicy implements PermissionPolicy {
  readonly #adminGroup: string;
  readonly #communityGroup: string;
  readonly #communityGroupKey: string;
  readonly #userInfo: UserInfoService;

  /**
   * @param options.adminGroup - entity ref of the admin group
   * @param options.communityGroup - entity ref of the community members' group
   *   (default `group:default/api-store-community`)
   * @param options.userInfo - resolves a user's ownership entity refs
   */
  constructor(options: {
    adminGroup: string;
    communityGroup?: string;
    userInfo: UserInfoService;
  }) {
    this.#adminGroup = normalizeRef(options.adminGroup);
    this.#communityGroup =
      options.communityGroup ?? DEFAULT_API_STORE_COMMUNITY_GROUP;
    this.#communityGroupKey = normalizeRef(this.#communityGroup);
    this.#userInfo = options.userInfo;
  }

  /** Decides one permission request for an optional user. */
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    const apiStoreAccessPermission = permission.name.startsWith(
      API_STORE_ACCESS_PERMISSION_PREFIX,
    );
    if (!user) {
      return apiStoreAccessPermission ? deny : allow;
    }
    const { userEntityRef, ownershipEntityRefs } =
      await this.#userInfo.getUserInfo(user.credentials);
    const refs = new Set(ownershipEntityRefs.map(normalizeRef));
    if (refs.has(this.#adminGroup)) {
      return allow;
    }
    if (refs.has(this.#communityGroupKey)) {
      if (
        permission.name === CATALOG_ENTITY_READ_PERMISSION &&
        isResourcePermission(permission, 'catalog-entity')
      ) {
        return createCatalogConditionalDecision(
          permission,
          memberReadableEntities({
            userEntityRef,
            communityGroup: this.#communityGroup,
          }),
        );
      }
      return deny;
    }
    return apiStoreAccessPermission ? deny : allow;
  }
}

/**
 * Installs {@link ApiStoreAccessPermissionPolicy} in the permission backend, with
 * the admin group read from `apiStoreAccess.adminGroup` and the community group from
 * `apiStoreAccess.communityGroup` (a Group name in the `default` namespace).
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
          new ApiStoreAccessPermissionPolicy({
            adminGroup,
            communityGroup: readCommunityGroupRef(config),
            userInfo,
          }),
        );
      },
    });
  },
});
