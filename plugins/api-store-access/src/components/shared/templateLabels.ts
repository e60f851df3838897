import { EmailTemplateKind } from 'backstage-plugin-api-store-access-common';

/** The words shown for each kind of email. */
export const templateLabels: Record<EmailTemplateKind, string> = {
  'admin-notification': 'Admin notification',
  welcome: 'Welcome (registration link)',
  rejection: 'Rejection',
  invitation: 'Invitation',
};
