/**
 * The auth provider `api-store-member`: registered API store members sign in to
 * Backstage with email and password.
 *
 * @packageDocumentation
 */

export { authModuleApiStoreAccessProvider as default } from './module';
export {
  createMemberAuthenticator,
  MEMBER_SESSION_COOKIE,
  type MemberSignInResult,
} from './memberAuthenticator';
