import {
  EmailTemplateContent,
  EmailTemplateKind,
} from 'backstage-plugin-api-store-access-common';
import { emailButton, emailLayout } from './emailLayout';

const textFooter = `
--
{{ signatureLine }}{% if contactEmail %}
Questions? Write to {{ contactEmail }}.{% endif %}`;

/** The templates in use until an admin changes them. */
export const defaultTemplates: Record<EmailTemplateKind, EmailTemplateContent> =
  {
    'admin-notification': {
      subject:
        '{% if requestCount > 1 %}{{ requestCount }} new sign-up requests await your approval{% else %}New sign-up request from {{ email }}{% endif %}',
      logoUrl: '',
      html: emailLayout(`{% if requestCount > 1 %}<h1 style="font-size:20px;margin:0 0 16px 0;">{{ requestCount }} new sign-ups await your approval</h1>
<p>These people asked to join {{ portalTitle }}:</p>
<ul style="margin:0 0 16px 0;padding-left:20px;">{% for request in requests %}
<li><strong>{{ request.displayName or request.email }}</strong> ({{ request.email }})</li>{% endfor %}
</ul>
<p>Start each task on the Approval Tasks tab (or select several), choose Approve or Reject, and complete it.</p>
{% else %}<h1 style="font-size:20px;margin:0 0 16px 0;">A new sign-up awaits your approval</h1>
<p><strong>{{ displayName or email }}</strong> ({{ email }}) asked to join {{ portalTitle }}.</p>
<p>Start the task on the Approval Tasks tab, choose Approve or Reject, and complete it.</p>
{% endif %}${emailButton('{{ approvalTasksLink }}', 'Open Approval Tasks')}`),
      text: `{% if requestCount > 1 %}{{ requestCount }} new sign-ups await your approval.

These people asked to join {{ portalTitle }}:
{% for request in requests %}- {{ request.displayName or request.email }} ({{ request.email }})
{% endfor %}
Start each task on the Approval Tasks tab (or select several), choose Approve or Reject, and complete it:
{% else %}A new sign-up awaits your approval.

{{ displayName or email }} ({{ email }}) asked to join {{ portalTitle }}.
Start the task on the Approval Tasks tab, choose Approve or Reject, and complete it:
{% endif %}{{ approvalTasksLink }}
${textFooter}`,
    },
    welcome: {
      subject: 'Welcome to {{ portalTitle }}: complete your registration',
      logoUrl: '',
      html: emailLayout(`<h1 style="font-size:20px;margin:0 0 16px 0;">Welcome{% if displayName %}, {{ displayName }}{% endif %}!</h1>
<p>Your request to join {{ portalTitle }} was approved. Set a password to finish your registration; then sign in with {{ email }} to browse and consume our APIs.</p>
${emailButton('{{ link }}', 'Complete registration')}
<p style="font-size:13px;color:#616e7c;">The link works once and expires on {{ expiresAt }}.</p>`),
      text: `Welcome{% if displayName %}, {{ displayName }}{% endif %}!

Your request to join {{ portalTitle }} was approved. Set a password to finish your registration; then sign in with {{ email }} to browse and consume our APIs:

{{ link }}

The link works once and expires on {{ expiresAt }}.
${textFooter}`,
    },
    rejection: {
      subject: 'Your request to join {{ portalTitle }}',
      logoUrl: '',
      html: emailLayout(`<h1 style="font-size:20px;margin:0 0 16px 0;">About your sign-up request</h1>
<p>Thank you for your interest in {{ portalTitle }}. We are unable to approve the request for {{ email }} at this time.</p>
{% if reason %}<p style="padding:12px 16px;background:#f4f5f7;border-radius:4px;"><strong>Reason:</strong> {{ reason }}</p>{% endif %}
<p>If you believe this is a mistake, reply to this email.</p>`),
      text: `About your sign-up request

Thank you for your interest in {{ portalTitle }}. We are unable to approve the request for {{ email }} at this time.
{% if reason %}
Reason: {{ reason }}
{% endif %}
If you believe this is a mistake, reply to this email.
${textFooter}`,
    },
    invitation: {
      subject: 'You are invited to {{ portalTitle }}',
      logoUrl: '',
      html: emailLayout(`<h1 style="font-size:20px;margin:0 0 16px 0;">You are invited</h1>
<p>You have been invited to join {{ portalTitle }} and use our APIs. Set a password to create your account for {{ email }}.</p>
${emailButton('{{ link }}', 'Accept the invitation')}
<p style="font-size:13px;color:#616e7c;">The link works once and expires on {{ expiresAt }}.</p>`),
      text: `You are invited

You have been invited to join {{ portalTitle }} and use our APIs. Set a password to create your account for {{ email }}:

{{ link }}

The link works once and expires on {{ expiresAt }}.
${textFooter}`,
    },
  };
