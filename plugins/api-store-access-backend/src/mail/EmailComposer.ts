import {
  EmailTemplate,
  SelfSignUpSettings,
} from 'backstage-plugin-api-store-access-common';
import { EmailTemplateStore } from '../database/EmailTemplateStore';
import { ShortLivedCache } from './ShortLivedCache';
import { ClaimedOutboxMessage } from '../database/OutboxStore';
import { RegistrationLinkStore } from '../database/RegistrationLinkStore';
import { SettingsStore } from '../database/SettingsStore';
import { SignUpRequestStore } from '../database/SignUpRequestStore';
import { OutgoingEmail } from './MailTransport';
import { RecipientResolver } from './RecipientResolver';
import {
  formatExpiry,
  TemplateRenderer,
  TemplateVariables,
} from './TemplateRenderer';

/** What the composer reads from config. */
export interface ComposerOptions {
  appBaseUrl: string;
  portalTitle: string;
  fromAddress: string;
  linkLifetimeMs: number;
}

/** A message that must not be sent any more; delivery records it as failed at once. */
export class MessageObsoleteError extends Error {
  name = 'MessageObsoleteError';
}

/**
 * Builds the email for an outbox message at delivery time: settings, template and, for
 * welcome and invitation emails, a freshly minted one-time registration link (so no
 * token ever rests in the outbox).
 */
export class EmailComposer {
  // A batch of messages reads settings and templates once; changes show within a second.
  private readonly settingsCache = new ShortLivedCache<SelfSignUpSettings>(
    1000,
  );
  private readonly templateCache = new ShortLivedCache<EmailTemplate>(1000);

  constructor(
    private readonly deps: {
      settings: SettingsStore;
      templates: EmailTemplateStore;
      requests: SignUpRequestStore;
      links: RegistrationLinkStore;
      recipients: RecipientResolver;
      renderer: TemplateRenderer;
      options: ComposerOptions;
    },
  ) {}

  /** The email for a message; `now` fixes link expiry. */
  async compose(
    message: ClaimedOutboxMessage,
    now: number,
  ): Promise<OutgoingEmail> {
    const {
      settings,
      templates,
      requests,
      links,
      recipients,
      renderer,
      options,
    } = this.deps;
    const [current, template, to] = await Promise.all([
      this.settingsCache.get('settings', () => settings.get()),
      this.templateCache.get(message.kind, () => templates.get(message.kind)),
      recipients.resolve(message.recipient),
    ]);
    if (to.length === 0) {
      throw new MessageObsoleteError(
        `No email address found for ${message.recipient}`,
      );
    }
    const variables: TemplateVariables = {
      email: message.payload.email ?? '',
      displayName: message.payload.displayName ?? '',
      reason: message.payload.reason ?? '',
      link: '',
      expiresAt: '',
      signatureLine: current.signatureLine,
      contactEmail: current.contactEmail,
      portalTitle: options.portalTitle,
      logoUrl: '',
      approvalTasksLink: `${options.appBaseUrl}/api-store-access/approval-tasks`,
    };
    if (message.kind === 'welcome' || message.kind === 'invitation') {
      const request = message.requestId
        ? await requests.get(message.requestId)
        : undefined;
      if (!request || request.status !== 'approved') {
        throw new MessageObsoleteError(
          `Not sent: the request is ${
            request?.status ?? 'gone'
          }, a link is no longer due`,
        );
      }
      const minted = await links.mint(
        request.id,
        now + options.linkLifetimeMs,
        now,
      );
      variables.link = `${options.appBaseUrl}/api-store/register/${minted.token}`;
      variables.expiresAt = formatExpiry(new Date(minted.expiresAt));
    }
    const rendered = renderer.render(template, variables);
    return {
      from: {
        name: current.signatureLine || options.portalTitle,
        address: options.fromAddress,
      },
      replyTo: current.contactEmail || undefined,
      to,
      ...rendered,
    };
  }
}
