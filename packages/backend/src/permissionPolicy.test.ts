import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { permissionRules } from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  createPermission,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import { readCommunityGroupRef } from 'backstage-plugin-catalog-backend-module-api-store-access';
import {
  ApiStoreAccessPermissionPolicy,
  DEFAULT_API_STORE_COMMUNITY_GROUP,
} from './permissionPolicy';

const adminRef = 'user:default/guest';
const ordinaryRef = 'user:default/jane.ordinary';
// a registered community member, named as the auth and catalog modules name them
const memberRef = 'user:default/a.b-api_at_example.com-1a2b3c4d';
const otherMemberRef = 'user:default/other_at_example.com';
// in both groups: the admin group wins
const adminMemberRef = 'user:default/admin_at_example.com';
const communityRef = 'group:default/api-store-community';

const ownership: Record<string, string[]> = {
  [adminRef]: [adminRef, 'Group:Default/API-Store-Admins'],
  [ordinaryRef]: [ordinaryRef, 'group:default/guests'],
  [memberRef]: [memberRef, 'Group:default/API-Store-Community'],
  [otherMemberRef]: [otherMemberRef, communityRef],
  [adminMemberRef]: [
    adminMemberRef,
    communityRef,
    'group:default/api-store-admins',
  ],
};

function userOf(userEntityRef: string): PolicyQueryUser {
  const ownershipEntityRefs = ownership[userEntityRef];
  return {
    credentials: mockCredentials.user(userEntityRef),
    info: { userEntityRef, ownershipEntityRefs },
  };
}

const settingsUpdate = createPermission({
  name: 'api-store-access.settings.update',
  attributes: { action: 'update' },
});
const catalogRead = createPermission({
  name: 'catalog.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});
const catalogRefresh = createPermission({
  name: 'catalog.entity.refresh',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});
const catalogCreate = createPermission({
  name: 'catalog.entity.create',
  attributes: { action: 'create' },
});
const catalogDelete = createPermission({
  name: 'catalog.entity.delete',
  attributes: { action: 'delete' },
  resourceType: 'catalog-entity',
});
const locationCreate = createPermission({
  name: 'catalog.location.create',
  attributes: { action: 'create' },
});
const memberManage = createPermission({
  name: 'api-store-access.member.manage',
  attributes: { action: 'update' },
});
const scaffolderTaskCreate = createPermission({
  name: 'scaffolder.task.create',
  attributes: { action: 'create' },
});

type Entity = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  spec?: Record<string, unknown>;
};

function entity(kind: string, name: string, namespace?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec: {},
  };
}

/** Evaluates a catalog conditional decision with the catalog's own rules. */
function allowsEntity(decision: PolicyDecision, target: Entity): boolean {
  if (decision.result !== AuthorizeResult.CONDITIONAL) {
    throw new Error(`expected a conditional decision, got ${decision.result}`);
  }
  expect(decision.pluginId).toBe('catalog');
  expect(decision.resourceType).toBe('catalog-entity');
  const rules = Object.values(permissionRules);
  const evaluate = (
    criteria: PermissionCriteria<PermissionCondition<'catalog-entity'>>,
  ): boolean => {
    if ('allOf' in criteria) return criteria.allOf.every(evaluate);
    if ('anyOf' in criteria) return criteria.anyOf.some(evaluate);
    if ('not' in criteria) return !evaluate(criteria.not);
    const rule = rules.find(r => r.name === criteria.rule);
    if (!rule) throw new Error(`unknown rule ${criteria.rule}`);
    return rule.apply(target as any, criteria.params as any);
  };
  return evaluate(
    decision.conditions as PermissionCriteria<
      PermissionCondition<'catalog-entity'>
    >,
  );
}

describe('ApiStoreAccessPermissionPolicy', () => {
  const userInfo = mockServices.userInfo.mock({
    getUserInfo: async credentials => {
      const { userEntityRef } = credentials.principal as {
        userEntityRef: string;
      };
      return { userEntityRef, ownershipEntityRefs: ownership[userEntityRef] };
    },
  });
  const policy = new ApiStoreAccessPermissionPolicy({
    adminGroup: 'group:default/api-store-admins',
    userInfo,
  });

  it('allows api-store-access permissions to admin group members', async () => {
    await expect(
      policy.handle({ permission: settingsUpdate }, userOf(adminRef)),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('denies api-store-access permissions to other users', async () => {
    await expect(
      policy.handle({ permission: settingsUpdate }, userOf(ordinaryRef)),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it('denies api-store-access permissions to requests without a user', async () => {
    await expect(
      policy.handle({ permission: settingsUpdate }),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it('allows every other permission to ordinary users', async () => {
    await expect(
      policy.handle({ permission: catalogRead }, userOf(ordinaryRef)),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('allows ordinary users every catalog permission and scaffolder, as before', async () => {
    for (const permission of [
      catalogRefresh,
      catalogCreate,
      catalogDelete,
      locationCreate,
      scaffolderTaskCreate,
    ]) {
      await expect(
        policy.handle({ permission }, userOf(ordinaryRef)),
      ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    }
  });

  describe('community members', () => {
    it('read API entities, their own User and the community Group only', async () => {
      const decision = await policy.handle(
        { permission: catalogRead },
        userOf(memberRef),
      );
      const member = (ref: string) => ref.split('/')[1];

      expect(allowsEntity(decision, entity('API', 'petstore'))).toBe(true);
      expect(allowsEntity(decision, entity('api', 'orders', 'payments'))).toBe(
        true,
      );
      expect(allowsEntity(decision, entity('User', member(memberRef)))).toBe(
        true,
      );
      expect(
        allowsEntity(decision, entity('User', member(memberRef), 'default')),
      ).toBe(true);
      expect(
        allowsEntity(decision, entity('Group', 'api-store-community')),
      ).toBe(true);

      expect(
        allowsEntity(decision, entity('User', member(otherMemberRef))),
      ).toBe(false);
      expect(allowsEntity(decision, entity('User', 'jane.ordinary'))).toBe(
        false,
      );
      expect(
        allowsEntity(decision, entity('User', member(memberRef), 'partners')),
      ).toBe(false);
      expect(allowsEntity(decision, entity('Group', 'api-store-admins'))).toBe(
        false,
      );
      expect(allowsEntity(decision, entity('Group', member(memberRef)))).toBe(
        false,
      );
      expect(allowsEntity(decision, entity('Component', 'petstore'))).toBe(
        false,
      );
      expect(allowsEntity(decision, entity('System', 'examples'))).toBe(false);
      expect(allowsEntity(decision, entity('Location', 'x'))).toBe(false);
    });

    it('get the conditions as the catalog stores them', async () => {
      await expect(
        policy.handle({ permission: catalogRead }, userOf(memberRef)),
      ).resolves.toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          anyOf: [
            {
              rule: 'IS_ENTITY_KIND',
              resourceType: 'catalog-entity',
              params: { kinds: ['API'] },
            },
            {
              allOf: [
                {
                  rule: 'IS_ENTITY_KIND',
                  resourceType: 'catalog-entity',
                  params: { kinds: ['User'] },
                },
                {
                  rule: 'HAS_METADATA',
                  resourceType: 'catalog-entity',
                  params: { key: 'namespace', value: 'default' },
                },
                {
                  rule: 'HAS_METADATA',
                  resourceType: 'catalog-entity',
                  params: { key: 'name', value: memberRef.split('/')[1] },
                },
              ],
            },
            {
              allOf: [
                {
                  rule: 'IS_ENTITY_KIND',
                  resourceType: 'catalog-entity',
                  params: { kinds: ['Group'] },
                },
                {
                  rule: 'HAS_METADATA',
                  resourceType: 'catalog-entity',
                  params: { key: 'namespace', value: 'default' },
                },
                {
                  rule: 'HAS_METADATA',
                  resourceType: 'catalog-entity',
                  params: { key: 'name', value: 'api-store-community' },
                },
              ],
            },
          ],
        },
      });
    });

    it('are denied every other catalog permission', async () => {
      for (const permission of [
        catalogRefresh,
        catalogCreate,
        catalogDelete,
        locationCreate,
      ]) {
        await expect(
          policy.handle({ permission }, userOf(memberRef)),
        ).resolves.toEqual({ result: AuthorizeResult.DENY });
      }
    });

    it("are denied API Store Access and other plugins' permissions", async () => {
      for (const permission of [
        settingsUpdate,
        memberManage,
        scaffolderTaskCreate,
      ]) {
        await expect(
          policy.handle({ permission }, userOf(otherMemberRef)),
        ).resolves.toEqual({ result: AuthorizeResult.DENY });
      }
    });

    it('in the admin group as well are treated as admins', async () => {
      for (const permission of [catalogRead, memberManage, catalogDelete]) {
        await expect(
          policy.handle({ permission }, userOf(adminMemberRef)),
        ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
      }
    });

    it('of a configured community group are recognised by that group', async () => {
      const partnersPolicy = new ApiStoreAccessPermissionPolicy({
        adminGroup: 'group:default/api-store-admins',
        communityGroup: readCommunityGroupRef(
          new ConfigReader({ apiStoreAccess: { communityGroup: 'partners' } }),
        ),
        userInfo,
      });
      // a member of the default group is an ordinary user under this policy
      await expect(
        partnersPolicy.handle({ permission: catalogRead }, userOf(memberRef)),
      ).resolves.toEqual({ result: AuthorizeResult.ALLOW });

      ownership['user:default/p_at_example.com'] = [
        'user:default/p_at_example.com',
        'group:default/partners',
      ];
      const decision = await partnersPolicy.handle(
        { permission: catalogRead },
        userOf('user:default/p_at_example.com'),
      );
      expect(allowsEntity(decision, entity('Group', 'partners'))).toBe(true);
      expect(
        allowsEntity(decision, entity('Group', 'api-store-community')),
      ).toBe(false);
      expect(allowsEntity(decision, entity('User', 'p_at_example.com'))).toBe(
        true,
      );
    });

    it('default to the group the catalog module emits', () => {
      expect(readCommunityGroupRef(new ConfigReader({}))).toBe(
        DEFAULT_API_STORE_COMMUNITY_GROUP,
      );
    });
  });
});
