import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  DEFAULT_NAMESPACE,
  GroupEntity,
  UserEntity,
} from '@backstage/catalog-model';
import { memberEntityName } from 'backstage-plugin-api-store-access-common';
import { CommunityMember } from './MembersClient';

/**
 * The location of every entity this module emits: the `backstage.io/managed-by-location`
 * annotations and the locationKey of each added and removed entity (one key, so adding
 * and removing always refer to the same owner of the entity).
 */
export const MEMBERS_LOCATION = 'api-store-access:members';

const managedBy = {
  [ANNOTATION_LOCATION]: MEMBERS_LOCATION,
  [ANNOTATION_ORIGIN_LOCATION]: MEMBERS_LOCATION,
};

/** The ref of a member's User, `user:default/<memberEntityName(email)>`. */
export function memberUserRef(member: Pick<CommunityMember, 'email'>): string {
  return `user:${DEFAULT_NAMESPACE}/${memberEntityName(member.email)}`;
}

/** The User entity of an (active) community member. */
export function toMemberUser(
  member: CommunityMember,
  communityGroup: string,
): UserEntity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name: memberEntityName(member.email),
      namespace: DEFAULT_NAMESPACE,
      annotations: { ...managedBy },
    },
    spec: {
      profile: {
        email: member.email,
        displayName: member.displayName ?? member.email,
      },
      memberOf: [communityGroup],
    },
  };
}

/** The community Group that all members belong to. */
export function toCommunityGroup(communityGroup: string): GroupEntity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: communityGroup,
      namespace: DEFAULT_NAMESPACE,
      description:
        'Registered community members of the API store (self sign-up and invitations), kept in sync by API Store Access',
      annotations: { ...managedBy },
    },
    spec: {
      type: 'community',
      profile: { displayName: 'API Store community' },
      children: [],
    },
  };
}
