/**
 * The backend plugin `api-store-access`: self sign-up, Approval Tasks and registration
 * for a Backstage API store.
 *
 * @packageDocumentation
 */

export { apiStoreAccessPlugin as default } from './plugin';
