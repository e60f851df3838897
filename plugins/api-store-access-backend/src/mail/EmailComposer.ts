import {
  EmailTemplate,
  EmailTemplateKind,
} from 'backstage-plugin-api-store-access-common';
import { EmailTemplateStore } from '../database/EmailTemplateStore';
import { ShortLivedCache } from './ShortLivedCache';
import { groupForSending, isDigestTemplate } from './adminDigest';
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
 * One email of a batch, or why it cannot be sent now, with the outbox messages it stands
 * for (`covers`: its own message first, then the admin notifications a digest gathers).
 */
export type ComposedMessage =
  | { covers: ClaimedOutboxMessage[]; email: OutgoingEmail }
  | { covers: ClaimedOutboxMessage[]; error: Error };

type RegistrationLink = { url: string; expiresAt: string };

const LINK_KINDS: EmailTemplateKind[] = ['welcome', 'invitation'];

/**
 * Builds the emails for outbox messages at delivery time: settings, template and, for
 * welcome and invitation emails, a freshly minted one-time registration link (so no
 * token ever rests in the outbox). A batch reads each template, recipient and request
 * status once and mints its links in one transaction; admin notifications for the same
 * admins in one batch become one digest email.
 */
export class EmailComposer {
  // Batches read templates once; changes show within a second. (The settings store
  // caches for itself.)
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

  /**
   * The emails for a batch of messages, in order (a digest where its first message
   * was). Throws only when what every message needs (settings, templates, request
   * statuses, links) cannot be read or written.
   */
  async composeBatch(
    messages: ClaimedOutboxMessage[],
    now: number,
  ): Promise<ComposedMessage[]> {
    const { settings, templates, recipients, renderer, options } = this.deps;
    const kinds = [...new Set(messages.map(message => message.kind))];
    const distinctRecipients = [
      ...new Set(messages.map(message => message.recipient)),
    ];
    const [current, kindTemplates, addresses, links] = await Promise.all([
      settings.get(),
      Promise.all(
        kinds.map(kind =>
          this.templateCache.get(kind, () => templates.get(kind)),
        ),
      ),
      Promise.allSettled(distinctRecipients.map(r => recipients.resolve(r))),
      this.mintLinks(messages, now),
    ]);
    const templateOf = new Map(
      kinds.map((kind, i) => [kind, kindTemplates[i]]),
    );
    const addressesOf = new Map(
      distinctRecipients.map((recipient, i) => [recipient, addresses[i]]),
    );

    const adminTemplate = templateOf.get('admin-notification');
    const groups = groupForSending(
      messages,
      adminTemplate !== undefined && isDigestTemplate(adminTemplate),
    );
    return groups.map((covers): ComposedMessage => {
      const [message] = covers;
      const resolved = addressesOf.get(message.recipient)!;
      if (resolved.status === 'rejected') {
        return { covers, error: asError(resolved.reason) };
      }
      if (resolved.value.length === 0) {
        return {
          covers,
          // A User may be missing from the catalog only for now (not ingested yet,
          // or a refresh under way): retried with backoff, failed after the last try.
          error: new Error(
            `No email address found for ${message.recipient} in the catalog`,
          ),
        };
      }
      const link = links.get(message.id);
      if (link instanceof Error) {
        return { covers, error: link };
      }
      const variables: TemplateVariables = {
        email: message.payload.email ?? '',
        displayName: message.payload.displayName ?? '',
        reason: message.payload.reason ?? '',
        link: link?.url ?? '',
        expiresAt: link?.expiresAt ?? '',
        signatureLine: current.signatureLine,
        contactEmail: current.contactEmail,
        portalTitle: options.portalTitle,
        logoUrl: '',
        approvalTasksLink: `${options.appBaseUrl}/api-store-access/approval-tasks`,
        requestCount: covers.length,
        requests: covers.map(covered => ({
          email: covered.payload.email ?? '',
          displayName: covered.payload.displayName ?? '',
        })),
      };
      try {
        const rendered = renderer.render(
          templateOf.get(message.kind)!,
          variables,
        );
        return {
          covers,
          email: {
            from: {
              name: current.signatureLine || options.portalTitle,
              address: options.fromAddress,
            },
            replyTo: current.contactEmail || undefined,
            to: resolved.value,
            ...rendered,
          },
        };
      } catch (error) {
        return { covers, error: asError(error) };
      }
    });
  }

  /**
   * Registration links for the batch's welcome and invitation messages, by message id:
   * one fresh link per approved request (its latest message carries it), or why none is
   * due any more.
   */
  private async mintLinks(
    messages: ClaimedOutboxMessage[],
    now: number,
  ): Promise<Map<string, RegistrationLink | Error>> {
    const { requests, links, options } = this.deps;
    const result = new Map<string, RegistrationLink | Error>();
    const linked = messages.filter(message =>
      LINK_KINDS.includes(message.kind),
    );
    if (linked.length === 0) {
      return result;
    }
    const requestIds = [
      ...new Set(linked.flatMap(message => message.requestId ?? [])),
    ];
    const statuses = await requests.statusesOf(requestIds);
    const latest = new Map<string, ClaimedOutboxMessage>();
    for (const message of linked) {
      const status = message.requestId && statuses.get(message.requestId);
      if (message.requestId && status === 'approved') {
        latest.set(message.requestId, message);
      } else {
        result.set(
          message.id,
          new MessageObsoleteError(
            `Not sent: the request is ${
              status || 'gone'
            }, a link is no longer due`,
          ),
        );
      }
    }
    const expiresAt = now + options.linkLifetimeMs;
    const tokens = await links.mintMany([...latest.keys()], expiresAt, now);
    const expiry = formatExpiry(new Date(expiresAt));
    for (const message of linked) {
      if (result.has(message.id)) {
        continue;
      }
      const requestId = message.requestId!;
      result.set(
        message.id,
        latest.get(requestId) === message
          ? {
              url: `${options.appBaseUrl}/api-store/register/${tokens.get(
                requestId,
              )}`,
              expiresAt: expiry,
            }
          : new MessageObsoleteError(
              'Not sent: a newer email for this request carries its link',
            ),
      );
    }
    return result;
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
