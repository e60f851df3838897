export { MembersTab } from './MembersTab';
