import { EmailTemplateContent } from 'backstage-plugin-api-store-access-common';
import { ClaimedOutboxMessage } from '../database/OutboxStore';

/** Whether an admin-notification template can list several requests in one email. */
export function isDigestTemplate(template: EmailTemplateContent): boolean {
  return [template.subject, template.html, template.text].some(part =>
    /\brequest(s|Count)\b/.test(part),
  );
}

/**
 * Groups a batch for sending: admin notifications due for the same recipients become one
 * email (a digest, so a burst of sign-ups does not flood the admins' inboxes) when
 * `digest` is true; every other message is an email of its own. Each group lists the
 * messages one email stands for, the one it is sent as first; order is kept.
 */
export function groupForSending(
  messages: ClaimedOutboxMessage[],
  digest: boolean,
): ClaimedOutboxMessage[][] {
  const groups: ClaimedOutboxMessage[][] = [];
  const byRecipient = new Map<string, ClaimedOutboxMessage[]>();
  for (const message of messages) {
    if (digest && message.kind === 'admin-notification') {
      const group = byRecipient.get(message.recipient);
      if (group) {
        group.push(message);
        continue;
      }
      const created = [message];
      byRecipient.set(message.recipient, created);
      groups.push(created);
    } else {
      groups.push([message]);
    }
  }
  return groups;
}
