import {
  BulkCompletionResult,
  SignUpDecision,
  SignUpRequest,
} from 'backstage-plugin-api-store-access-common';

/** One line saying how a bulk decision went, naming the tasks that failed. */
export function bulkSummary(
  decision: SignUpDecision,
  results: BulkCompletionResult[],
  tasks: SignUpRequest[],
): { severity: 'success' | 'warning'; message: string } {
  const done = results.filter(r => r.ok).length;
  const failed = results.filter(r => !r.ok);
  const verb = decision === 'approve' ? 'approved' : 'rejected';
  const head = `${done} ${done === 1 ? 'request' : 'requests'} ${verb}.`;
  if (failed.length === 0) {
    return { severity: 'success', message: head };
  }
  const emailOf = (id: string) => tasks.find(t => t.id === id)?.email ?? id;
  const detail = failed
    .map(r => `${emailOf(r.id)}: ${r.error?.message ?? 'not completed'}`)
    .join('; ');
  return {
    severity: 'warning',
    message: `${head} ${failed.length} could not be completed: ${detail}`,
  };
}
