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
  SignUpDecision,
  SignUpRequest,
} from 'backstage-plugin-api-store-access-common';
import { SettingsStore } from '../database/SettingsStore';
import {
  NewSignUpRequest,
  SignUpRequestStore,
} from '../database/SignUpRequestStore';

/** The actor recorded for decisions the portal takes by itself. */
export const SYSTEM_ACTOR = 'system';

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
  ) {}

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
      };
    } else {
      request = { ...base, status: 'pending_approval', events: [submitted] };
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
    const completed = await this.requests.transition(
      id,
      { fromStatuses: ['in_review'], assignee: actor },
      { status, decision, reason: trimmedReason },
      { actor, action: status, detail: trimmedReason },
    );
    return completed ?? this.refuse(id, 'complete', actor);
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
