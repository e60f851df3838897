import { EmailTemplateKind } from 'backstage-plugin-api-store-access-common';

/** A value a template can show, written `{{ name }}`. */
export interface TemplatePlaceholder {
  name: string;
  description: string;
}

const COMMON: TemplatePlaceholder[] = [
  { name: 'email', description: "the registrant's email address" },
  { name: 'displayName', description: "the registrant's name, if given" },
  { name: 'portalTitle', description: "the portal's title" },
  { name: 'signatureLine', description: 'the signature line (sender name)' },
  { name: 'contactEmail', description: 'the contact email' },
  { name: 'logoUrl', description: 'the logo URL of this template' },
];

const LINK: TemplatePlaceholder[] = [
  { name: 'link', description: 'the one-time registration link' },
  { name: 'expiresAt', description: 'when the link expires' },
];

const BY_KIND: Record<EmailTemplateKind, TemplatePlaceholder[]> = {
  'admin-notification': [
    { name: 'approvalTasksLink', description: 'the Approval Tasks page' },
    {
      name: 'requestCount',
      description:
        'how many requests the email tells of (more than 1 when several arrive together)',
    },
    {
      name: 'requests',
      description:
        'those requests, each with email and displayName: {% for request in requests %}…{% endfor %}',
    },
  ],
  welcome: LINK,
  invitation: LINK,
  rejection: [{ name: 'reason', description: "the admin's reason" }],
};

/** The placeholders of one kind of email, its own first. */
export function placeholdersFor(
  kind: EmailTemplateKind,
): TemplatePlaceholder[] {
  return [...(BY_KIND[kind] ?? []), ...COMMON];
}
