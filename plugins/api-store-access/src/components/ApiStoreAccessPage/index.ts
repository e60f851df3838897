export { ApiStoreAccessPage } from './ApiStoreAccessPage';
