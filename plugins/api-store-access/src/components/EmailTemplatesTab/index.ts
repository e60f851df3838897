export { EmailTemplatesTab } from './EmailTemplatesTab';
