import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import { ApiStoreAccessPermissionPolicy } from './permissionPolicy';

const adminRef = 'user:default/guest';
const ordinaryRef = 'user:default/jane.ordinary';

const ownership: Record<string, string[]> = {
  [adminRef]: [adminRef, 'Group:Default/API-Store-Admins'],
  [ordinaryRef]: [ordinaryRef, 'group:default/guests'],
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
});
