/** How new sign-up requests are decided. */
export type ApprovalProcess = 'admin' | 'auto';

/** The self sign-up settings an admin edits on the API Store Access page. */
export interface SelfSignUpSettings {
  selfSignUpEnabled: boolean;
  signatureLine: string;
  contactEmail: string;
  notifyAllAdmins: boolean;
  approvalProcess: ApprovalProcess;
  autoApproveDomains: string[];
  blockedDomains: string[];
  sendRejectionEmail: boolean;
  /** Optimistic concurrency token: a write must carry the version it read. */
  version: number;
  /** Entity ref of the admin who changed the settings last, if any. */
  updatedBy: string | null;
  /** ISO 8601 time of the last change, if any. */
  updatedAt: string | null;
}

/** The states of a sign-up request. */
export const signUpRequestStatuses = [
  'pending_approval',
  'in_review',
  'approved',
  'rejected',
  'registered',
  'expired',
] as const;

/** A state of a sign-up request. */
export type SignUpRequestStatus = (typeof signUpRequestStatuses)[number];

/** How a sign-up request came to be. */
export type SignUpRequestSource = 'self-sign-up' | 'invitation';

/** An admin's decision on an Approval Task. */
export type SignUpDecision = 'approve' | 'reject';

/** One recorded transition of a sign-up request. */
export interface SignUpRequestEvent {
  at: string;
  actor: string;
  action: string;
  detail: string | null;
}

/** A sign-up request (an Approval Task while it awaits a decision). */
export interface SignUpRequest {
  id: string;
  email: string;
  displayName: string | null;
  status: SignUpRequestStatus;
  source: SignUpRequestSource;
  assignee: string | null;
  decision: SignUpDecision | null;
  reason: string | null;
  createdAt: string;
  updatedAt: string;
  history: SignUpRequestEvent[];
}

/** A page of a cursor-paginated list. */
export interface Page<T> {
  items: T[];
  totalCount: number;
  nextCursor: string | null;
}

/** What signed-out visitors may know about self sign-up. */
export interface PublicStatus {
  selfSignUpEnabled: boolean;
  contactEmail: string;
}

/** The kinds of email the portal sends, each with its own editable template. */
export const emailTemplateKinds = [
  'admin-notification',
  'welcome',
  'rejection',
  'invitation',
] as const;

/** A kind of email. */
export type EmailTemplateKind = (typeof emailTemplateKinds)[number];

/** The editable parts of an email template. */
export interface EmailTemplateContent {
  subject: string;
  html: string;
  text: string;
  /** An absolute https URL of the logo shown at the top, or empty for none. */
  logoUrl: string;
}

/** An email template as stored. */
export interface EmailTemplate extends EmailTemplateContent {
  kind: EmailTemplateKind;
  /** Whether an admin changed it; false while the default is in use. */
  customized: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** A rendered email, as the preview returns it. */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** A registered community member. */
export interface Member {
  id: string;
  email: string;
  displayName: string | null;
  status: 'active' | 'disabled';
  createdAt: string;
}

/** The outcome of an invitation call. */
export interface InvitationResult {
  /** Addresses that were sent an invitation. */
  invited: string[];
  /** Addresses that already have an active request or membership: not mailed again. */
  alreadyActive: string[];
}

/** One task's outcome in a bulk decision. */
export interface BulkCompletionResult {
  id: string;
  ok: boolean;
  request?: SignUpRequest;
  error?: { name: string; message: string };
}

/** What a registration link shows before the password is set. */
export interface RegistrationInfo {
  email: string;
  displayName: string | null;
  expiresAt: string;
}

/** An email in the outbox. */
export interface OutboxMessage {
  id: string;
  kind: EmailTemplateKind;
  recipient: string;
  subject: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  requestId: string | null;
  createdAt: string;
  sentAt: string | null;
}
