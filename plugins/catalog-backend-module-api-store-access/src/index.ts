/**
 * A catalog module that puts the registered community members of API Store Access
 * into the catalog as User entities of one community Group.
 *
 * @packageDocumentation
 */

export { catalogModuleApiStoreAccessMembers as default } from './module';
export { readCommunityGroupName, readCommunityGroupRef } from './config';
export { ApiStoreMembersEntityProvider } from './provider/ApiStoreMembersEntityProvider';
export type { ApiStoreMembersEntityProviderOptions } from './provider/ApiStoreMembersEntityProvider';
export { ApiStoreAccessMembersClient } from './provider/MembersClient';
export type {
  CommunityMember,
  MemberChanges,
  MemberSource,
} from './provider/MembersClient';
