import {
  AuditorService,
  AuditorServiceCreateEventOptions,
} from '@backstage/backend-plugin-api';

/** Runs an admin change inside an audit event: success when it resolves, fail when it throws. */
export async function audited<T>(
  auditor: AuditorService,
  event: AuditorServiceCreateEventOptions,
  change: () => Promise<T>,
): Promise<T> {
  const auditEvent = await auditor.createEvent({
    severityLevel: 'medium',
    ...event,
  });
  try {
    const result = await change();
    await auditEvent.success();
    return result;
  } catch (error) {
    await auditEvent.fail({ error: error as Error });
    throw error;
  }
}
