import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { SignUpRequest } from 'backstage-plugin-api-store-access-common';

/**
 * Tells admins of a request awaiting approval through Backstage notifications, beside
 * the email. Best effort: a portal without the notifications plugin just logs it.
 */
export function createAdminNotifier(
  notifications: NotificationService,
  logger: LoggerService,
): (request: SignUpRequest, recipients: string) => void {
  return (request, recipients) => {
    notifications
      .send({
        recipients: { type: 'entity', entityRef: recipients.split(',') },
        payload: {
          title: `New sign-up request from ${request.email}`,
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
