import {
  Page,
  SignUpDecision,
  SignUpRequest,
  SignUpRequestSource,
  SignUpRequestStatus,
} from 'backstage-plugin-api-store-access-common';
import { NewOutboxMessage } from './OutboxStore';

/** A history entry to record with a change. */
export interface NewSignUpRequestEvent {
  actor: string;
  action: string;
  detail?: string | null;
}

/** A sign-up request to create. */
export interface NewSignUpRequest {
  email: string;
  displayName: string | null;
  status: SignUpRequestStatus;
  source: SignUpRequestSource;
  decision?: SignUpDecision | null;
  reason?: string | null;
  events: NewSignUpRequestEvent[];
  /** Emails written to the outbox in the same transaction. */
  messages?: NewOutboxMessage[];
}

/** Filters and paging of the Approval Tasks list. */
export interface SignUpRequestQuery {
  status?: SignUpRequestStatus;
  source?: SignUpRequestSource;
  assignee?: string;
  /** A substring of the email or display name, case-insensitive. */
  q?: string;
  limit: number;
  cursor?: string;
}

/** What a transition requires of the request's current state. */
export interface TransitionGuard {
  fromStatuses: SignUpRequestStatus[];
  /** When set, the request must be assigned to this entity ref. */
  assignee?: string;
}

/** The fields a transition sets. */
export interface TransitionChanges {
  status: SignUpRequestStatus;
  assignee?: string | null;
  decision?: SignUpDecision | null;
  reason?: string | null;
}

/** Where sign-up requests and their history live. */
export interface SignUpRequestStore {
  /**
   * Creates a request with its history, unless an active request (pending, in review,
   * approved or registered) already exists for the email: then nothing is written and
   * `created` is false.
   */
  create(
    request: NewSignUpRequest,
  ): Promise<{ created: boolean; request?: SignUpRequest }>;
  /** Whether any request, active or not, exists for the normalised email. */
  existsForEmail(email: string): Promise<boolean>;
  /** One request with its history. */
  get(id: string): Promise<SignUpRequest | undefined>;
  /** The current status of each of the given requests that exists. */
  statusesOf(ids: string[]): Promise<Map<string, SignUpRequestStatus>>;
  /** A page of requests, newest first. Throws InputError on a malformed cursor. */
  list(query: SignUpRequestQuery): Promise<Page<SignUpRequest>>;
  /**
   * Applies a change atomically when the guard holds, recording the event and writing
   * the messages to the outbox. Returns the changed request, or undefined when the guard
   * did not hold (nothing written).
   */
  transition(
    id: string,
    guard: TransitionGuard,
    changes: TransitionChanges,
    event: NewSignUpRequestEvent,
    messages?: NewOutboxMessage[],
  ): Promise<SignUpRequest | undefined>;
}

/** Statuses in which a request holds its email: a second sign-up changes nothing. */
export const activeStatuses: SignUpRequestStatus[] = [
  'pending_approval',
  'in_review',
  'approved',
  'registered',
];
