import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { ClaimedOutboxMessage } from '../database/OutboxStore';

/**
 * After an admin-notification email (or digest) went out, tells the same admins through
 * Backstage notifications, once per email. Best effort: a portal without the
 * notifications plugin just logs it. Done at delivery (not at sign-up), so intake stays
 * one database transaction.
 */
export function createAdminNotifier(
  notifications: NotificationService,
  logger: LoggerService,
): (covers: ClaimedOutboxMessage[]) => void {
  return covers => {
    const [message] = covers;
    if (
      message.kind !== 'admin-notification' ||
      !message.recipient.includes(':')
    ) {
      return;
    }
    notifications
      .send({
        recipients: { type: 'entity', entityRef: message.recipient.split(',') },
        payload: {
          title:
            covers.length > 1
              ? `${covers.length} new sign-up requests await approval`
              : `New sign-up request from ${message.payload.email}`,
          description:
            'Start the task on the Approval Tasks tab, then approve or reject it.',
          link: '/api-store-access/approval-tasks',
          severity: 'normal',
          topic: 'api-store-access',
        },
      })
      .catch(error =>
        logger.debug(
          `No Backstage notification for a sign-up request: ${error}`,
        ),
      );
  };
}
