export * from './ApiStoreAccessApi';
export { ApiStoreAccessClient } from './ApiStoreAccessClient';
export { PublicApiStoreAccessClient } from './PublicApiStoreAccessClient';
export type {
  RegistrationSubmission,
  SignUpSubmission,
} from './PublicApiStoreAccessClient';
