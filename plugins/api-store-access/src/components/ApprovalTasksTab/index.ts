export { ApprovalTasksTab } from './ApprovalTasksTab';
