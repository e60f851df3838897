export { ApiStoreSignUpPage } from './ApiStoreSignUpPage';
export {
  ApiStoreRegistrationPage,
  type ApiStoreRegistrationPageProps,
} from './ApiStoreRegistrationPage';
export {
  ApiStoreAccessSignInPage,
  type ApiStoreAccessSignInPageProps,
  type ApiStoreMemberSignInOptions,
} from './ApiStoreAccessSignInPage';
