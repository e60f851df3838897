import { SignUpRequest } from 'backstage-plugin-api-store-access-common';

/** Whether a task can take part in a bulk decision by this admin. */
export function isSelectable(task: SignUpRequest, me?: string): boolean {
  return (
    task.status === 'pending_approval' ||
    (task.status === 'in_review' && Boolean(me) && task.assignee === me)
  );
}
