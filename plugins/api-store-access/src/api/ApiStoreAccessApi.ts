import { createApiRef } from '@backstage/core-plugin-api';
import {
  BulkCompletionResult,
  EmailTemplate,
  EmailTemplateContent,
  EmailTemplateKind,
  InvitationResult,
  Member,
  OutboxMessage,
  Page,
  RenderedEmail,
  SelfSignUpSettings,
  SignUpDecision,
  SignUpRequest,
  SignUpRequestStatus,
} from 'backstage-plugin-api-store-access-common';

/** A settings write: the changed fields and the version that was read. */
export type SelfSignUpSettingsUpdate = Partial<
  Omit<SelfSignUpSettings, 'version' | 'updatedBy' | 'updatedAt'>
> & { version: number };

/** Filters and cursor of the Approval Tasks list. */
export interface SignUpRequestQuery {
  status?: SignUpRequestStatus;
  /** An entity ref, or `me` for the caller. */
  assignee?: string;
  q?: string;
  limit?: number;
  cursor?: string;
}

/** Search and cursor of the members list. */
export interface MemberQuery {
  q?: string;
  limit?: number;
  cursor?: string;
}

/** An admin's decision on one Approval Task. */
export interface SignUpCompletion {
  decision: SignUpDecision;
  reason?: string;
}

/** The admin routes of the api-store-access backend, called with the user's token. */
export interface ApiStoreAccessApi {
  /** Reads the self sign-up settings. */
  getSettings(): Promise<SelfSignUpSettings>;
  /** Writes settings; a stale version is refused with a 409 ResponseError. */
  updateSettings(update: SelfSignUpSettingsUpdate): Promise<SelfSignUpSettings>;
  /** Lists sign-up requests, newest first, a page at a time. */
  listSignUpRequests(query?: SignUpRequestQuery): Promise<Page<SignUpRequest>>;
  /** Reads one sign-up request with its history. */
  getSignUpRequest(id: string): Promise<SignUpRequest>;
  /** Claims a pending task for the caller. */
  startSignUpRequest(id: string): Promise<SignUpRequest>;
  /** Approves or rejects a task the caller started. */
  completeSignUpRequest(
    id: string,
    completion: SignUpCompletion,
  ): Promise<SignUpRequest>;
  /** Sends a fresh registration link for an approved or expired request. */
  resendRegistrationLink(id: string): Promise<SignUpRequest>;
  /** Applies one decision to many tasks; each gets its own outcome. */
  bulkCompleteSignUpRequests(
    ids: string[],
    completion: SignUpCompletion,
  ): Promise<BulkCompletionResult[]>;
  /** Lists the email templates, one per kind. */
  listEmailTemplates(): Promise<EmailTemplate[]>;
  /** Saves the template of one kind. */
  updateEmailTemplate(
    kind: EmailTemplateKind,
    content: EmailTemplateContent,
  ): Promise<EmailTemplate>;
  /** Renders unsaved template content with sample values. */
  previewEmailTemplate(
    kind: EmailTemplateKind,
    content: EmailTemplateContent,
  ): Promise<RenderedEmail>;
  /** Invites people by email address. */
  invite(emails: string[]): Promise<InvitationResult>;
  /** Lists registered community members. */
  listMembers(query?: MemberQuery): Promise<Page<Member>>;
  /** Disables a member and ends their sessions. */
  disableMember(id: string): Promise<Member>;
  /** Lists emails that could not be delivered. */
  listFailedEmails(): Promise<Page<OutboxMessage>>;
}

/** The API ref of {@link ApiStoreAccessApi}. */
export const apiStoreAccessApiRef = createApiRef<ApiStoreAccessApi>({
  id: 'plugin.api-store-access.service',
});
