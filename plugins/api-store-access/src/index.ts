/**
 * The API Store Access frontend plugin: the admin page with Approval Tasks, and the
 * public Sign up and registration pages for signed-out visitors.
 *
 * @packageDocumentation
 */

export { apiStoreAccessPlugin, ApiStoreAccessPage } from './plugin';
export { rootRouteRef as apiStoreAccessRouteRef } from './routes';
export * from './api';
export {
  ApiStoreAccessSidebarItem,
  type ApiStoreAccessSidebarItemProps,
} from './components/ApiStoreAccessSidebarItem';
export {
  ApiStoreSignUpPage,
  ApiStoreRegistrationPage,
  type ApiStoreRegistrationPageProps,
  ApiStoreAccessSignInPage,
  type ApiStoreAccessSignInPageProps,
  type ApiStoreMemberSignInOptions,
} from './components/public';
