import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  domainMatches,
  emailDomain,
  isValidEmail,
  normalizeEmail,
  BulkCompletionResult,
  SelfSignUpSettings,
  SignUpDecision,
  SignUpRequest,
} from 'backstage-plugin-api-store-access-common';
import { SettingsStore } from '../database/SettingsStore';
import {
  NewSignUpRequest,
  SignUpRequestStore,
} from '../database/SignUpRequestStore';
import { NewOutboxMessage } from '../database/OutboxStore';
import { RegistrationLinkStore } from '../database/RegistrationLinkStore';

/** The actor recorded for decisions the portal takes by itself. */
export const SYSTEM_ACTOR = 'system';

function welcomeMessage(
  email: string,
  displayName: string | null,
): NewOutboxMessage {
  return {
    kind: 'welcome',
    recipient: email,
    payload: { email, displayName: displayName ?? '' },
  };
}

function linkMessage(request: SignUpRequest): NewOutboxMessage {
  return {
    ...welcomeMessage(request.email, request.displayName),
    kind: request.source === 'invitation' ? 'invitation' : 'welcome',
  };
}

/** A visitor's sign-up as it arrives. */
export interface SignUpSubmission {
  email: string;
  displayName?: string;
}

/**
 * The sign-up request life cycle: intake with domain rules and automatic approval, then
 * the Approval Tasks an admin starts and completes.
 */
export class SignUpWorkflow {
  constructor(
    private readonly settings: SettingsStore,
    private readonly requests: SignUpRequestStore,
    private readonly links: RegistrationLinkStore,
    private readonly options: { adminGroup: string },
  ) {}

  /** Who hears of a new request: the admin group, or the admin who configured sign-up. */
  private adminRecipients(settings: SelfSignUpSettings): string {
    return settings.notifyAllAdmins || !settings.updatedBy
      ? this.options.adminGroup
      : settings.updatedBy;
  }

  /**
   * Takes a visitor's sign-up. Resolves the same way for a new, a known and a blocked
   * address; throws NotAllowedError while self sign-up is disabled.
   */
  async submit(submission: SignUpSubmission): Promise<void> {
    const settings = await this.settings.get();
    if (!settings.selfSignUpEnabled) {
      throw new NotAllowedError('Self sign-up is disabled');
    }
    const email = normalizeEmail(submission.email);
    if (!isValidEmail(email)) {
      throw new InputError(
        'email must be an email address, such as jane@example.com',
      );
    }
    const displayName = submission.displayName?.trim() || null;
    const base = { email, displayName, source: 'self-sign-up' as const };
    const submitted = { actor: email, action: 'submitted' };

    let request: NewSignUpRequest;
    if (domainMatches(email, settings.blockedDomains)) {
      if (await this.requests.existsForEmail(email)) {
        return;
      }
      const reason = `The domain ${emailDomain(email)} is blocked`;
      request = {
        ...base,
        status: 'rejected',
        decision: 'reject',
        reason,
        events: [
          submitted,
          { actor: SYSTEM_ACTOR, action: 'rejected', detail: reason },
        ],
      };
    } else if (
      settings.approvalProcess === 'auto' ||
      domainMatches(email, settings.autoApproveDomains)
    ) {
      const detail =
        settings.approvalProcess === 'auto'
          ? 'Approved automatically'
          : `Approved automatically: the domain ${emailDomain(
              email,
            )} is trusted`;
      request = {
        ...base,
        status: 'approved',
        decision: 'approve',
        events: [
          submitted,
          { actor: SYSTEM_ACTOR, action: 'approved', detail },
        ],
        messages: [welcomeMessage(email, displayName)],
      };
    } else {
      request = {
        ...base,
        status: 'pending_approval',
        events: [submitted],
        messages: [
          {
            kind: 'admin-notification',
            recipient: this.adminRecipients(settings),
            payload: { email, displayName: displayName ?? '' },
          },
        ],
      };
    }
    await this.requests.create(request);
  }

  /** One request with its history; throws NotFoundError. */
  async get(id: string): Promise<SignUpRequest> {
    const request = await this.requests.get(id);
    if (!request) {
      throw new NotFoundError(`No sign-up request with id ${id}`);
    }
    return request;
  }

  /** Claims a pending task for an admin: it becomes in_review, assigned to them. */
  async start(id: string, actor: string): Promise<SignUpRequest> {
    const started = await this.requests.transition(
      id,
      { fromStatuses: ['pending_approval'] },
      { status: 'in_review', assignee: actor },
      { actor, action: 'started' },
    );
    return started ?? this.refuse(id, 'start', actor);
  }

  /** Approves or rejects a task that the same admin started. */
  async complete(
    id: string,
    actor: string,
    decision: SignUpDecision,
    reason?: string,
  ): Promise<SignUpRequest> {
    const trimmedReason = reason?.trim() || null;
    const status = decision === 'approve' ? 'approved' : 'rejected';
    const request = await this.get(id);
    const messages: NewOutboxMessage[] = [];
    if (decision === 'approve') {
      messages.push(welcomeMessage(request.email, request.displayName));
    } else if ((await this.settings.get()).sendRejectionEmail) {
      messages.push({
        kind: 'rejection',
        recipient: request.email,
        payload: {
          email: request.email,
          displayName: request.displayName ?? '',
          reason: trimmedReason ?? '',
        },
      });
    }
    const completed = await this.requests.transition(
      id,
      { fromStatuses: ['in_review'], assignee: actor },
      { status, decision, reason: trimmedReason },
      { actor, action: status, detail: trimmedReason },
      messages,
    );
    return completed ?? this.refuse(id, 'complete', actor);
  }

  /**
   * Decides many tasks at once, each on its own: a pending task is started and
   * completed by the caller, a task the caller started is completed. Each outcome is
   * reported; one failure does not stop the others.
   */
  async completeMany(
    ids: string[],
    actor: string,
    decision: SignUpDecision,
    reason?: string,
  ): Promise<BulkCompletionResult[]> {
    const results: BulkCompletionResult[] = [];
    for (const id of [...new Set(ids)]) {
      try {
        const current = await this.get(id);
        if (current.status === 'pending_approval') {
          await this.start(id, actor);
        }
        const request = await this.complete(id, actor, decision, reason);
        results.push({ id, ok: true, request });
      } catch (error) {
        const { name, message } = error as Error;
        results.push({ id, ok: false, error: { name, message } });
      }
    }
    return results;
  }

  /**
   * Sends a fresh registration link for an approved or expired request and voids the
   * earlier ones.
   */
  async resendLink(id: string, actor: string): Promise<SignUpRequest> {
    const request = await this.get(id);
    const resendAt = Date.now();
    let resent: SignUpRequest | undefined;
    try {
      resent = await this.requests.transition(
        id,
        { fromStatuses: ['approved', 'expired'] },
        { status: 'approved' },
        { actor, action: 'link-resent' },
        [linkMessage(request)],
      );
    } catch (error) {
      throw new ConflictError(
        `Another active request exists for ${request.email}; resend the link from that one`,
      );
    }
    if (!resent) {
      throw new ConflictError(
        `A link can only be resent for approved or expired requests; this one is ${request.status}`,
      );
    }
    await this.links.voidEarlier(id, resendAt);
    return resent;
  }

  /** Turns approved requests whose link expired unused into `expired`. */
  async expireStaleLinks(now: number = Date.now()): Promise<number> {
    let expired = 0;
    for (const id of await this.links.requestsWithExpiredLinks(now, 500)) {
      const changed = await this.requests.transition(
        id,
        { fromStatuses: ['approved'] },
        { status: 'expired' },
        {
          actor: SYSTEM_ACTOR,
          action: 'expired',
          detail: 'The registration link expired unused',
        },
      );
      await this.links.voidEarlier(id, now + 1);
      expired += changed ? 1 : 0;
    }
    return expired;
  }

  private async refuse(
    id: string,
    step: 'start' | 'complete',
    actor: string,
  ): Promise<never> {
    const request = await this.get(id);
    if (step === 'complete' && request.status === 'pending_approval') {
      throw new ConflictError('Start the task before completing it');
    }
    if (request.status === 'in_review' && request.assignee !== actor) {
      throw new ConflictError(
        `The task was started by ${request.assignee}; only they can ${step} it`,
      );
    }
    throw new ConflictError(`The task cannot ${step}: it is ${request.status}`);
  }
}
