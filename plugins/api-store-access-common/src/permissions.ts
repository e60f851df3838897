import { createPermission } from '@backstage/plugin-permission-common';

/** Read the self sign-up settings. */
export const apiStoreAccessSettingsReadPermission = createPermission({
  name: 'api-store-access.settings.read',
  attributes: { action: 'read' },
});

/** Change the self sign-up settings (enable, disable, approval process, domain rules). */
export const apiStoreAccessSettingsUpdatePermission = createPermission({
  name: 'api-store-access.settings.update',
  attributes: { action: 'update' },
});

/** List and read sign-up requests (the Approval Tasks). */
export const apiStoreAccessSignUpRequestReadPermission = createPermission({
  name: 'api-store-access.sign-up-request.read',
  attributes: { action: 'read' },
});

/** Start and complete Approval Tasks, resend registration links. */
export const apiStoreAccessSignUpRequestReviewPermission = createPermission({
  name: 'api-store-access.sign-up-request.review',
  attributes: { action: 'update' },
});

/** Invite people by email address. */
export const apiStoreAccessInvitationCreatePermission = createPermission({
  name: 'api-store-access.invitation.create',
  attributes: { action: 'create' },
});

/** List registered community members. */
export const apiStoreAccessMemberReadPermission = createPermission({
  name: 'api-store-access.member.read',
  attributes: { action: 'read' },
});

/** Disable community members and end their sessions. */
export const apiStoreAccessMemberManagePermission = createPermission({
  name: 'api-store-access.member.manage',
  attributes: { action: 'update' },
});

/** Every permission of the API Store Access plugins, for the permissions registry. */
export const apiStoreAccessPermissions = [
  apiStoreAccessSettingsReadPermission,
  apiStoreAccessSettingsUpdatePermission,
  apiStoreAccessSignUpRequestReadPermission,
  apiStoreAccessSignUpRequestReviewPermission,
  apiStoreAccessInvitationCreatePermission,
  apiStoreAccessMemberReadPermission,
  apiStoreAccessMemberManagePermission,
];
