import { LoggerService } from '@backstage/backend-plugin-api';
import { ClaimedOutboxMessage, OutboxStore } from '../database/OutboxStore';
import {
  ComposedMessage,
  EmailComposer,
  MessageObsoleteError,
} from './EmailComposer';
import { MailTransport } from './MailTransport';

/** Retry policy of the outbox. */
export interface RetryPolicy {
  /** Attempts before a message is failed for good. */
  maxAttempts: number;
  /** Wait before the second attempt; doubled for each further one, up to an hour. */
  initialDelayMs: number;
}

const MAX_DELAY_MS = 3600_000;
const BATCH_SIZE = 250;
const LEASE_MS = 120_000;
/**
 * Messages of a batch in flight at once: enough to keep a pooled SMTP transport's 5
 * connections busy while others are handed over, few enough for an unpooled one.
 */
const CONCURRENCY = 10;
/** How long a kick waits, so that a burst of changes shares one delivery round. */
const KICK_DELAY_MS = 100;

/**
 * Delivers due outbox messages: claims them (one worker per message, across replicas),
 * composes and sends them a few at a time, and records each outcome with exponential
 * backoff.
 */
export class OutboxDeliverer {
  private running: Promise<number> | undefined;
  private scheduled: NodeJS.Timeout | undefined;
  private rerun = false;
  private stopped = false;

  constructor(
    private readonly deps: {
      outbox: OutboxStore;
      composer: EmailComposer;
      transport: MailTransport;
      logger: LoggerService;
      retry: RetryPolicy;
      now?: () => number;
      /** Told of each delivered email: the messages it covered, its own first. */
      onDelivered?: (covers: ClaimedOutboxMessage[]) => void;
    },
  ) {}

  /**
   * Delivers everything due now; returns how many messages were sent. Once the last
   * emails of a batch are under way, the next batch is claimed and composed, so that the
   * transport does not wait for the database between batches, while each lease still
   * has to cover little more than its own batch. A round that fails leaves that next
   * batch to its lease, as a worker that died would.
   */
  async deliverDue(): Promise<number> {
    const now = this.deps.now ?? Date.now;
    let sent = 0;
    let next: Promise<PreparedBatch> | undefined = this.prepareBatch(now);
    while (next) {
      const prepared: PreparedBatch = await next;
      const outcome = await this.sendBatch(
        prepared,
        prepared.claimed === BATCH_SIZE
          ? () => markHandled(this.prepareBatch(now))
          : undefined,
      );
      sent += outcome.sent;
      next = outcome.next;
    }
    return sent;
  }

  /** Claims the next due messages and composes their emails. */
  private async prepareBatch(now: () => number): Promise<PreparedBatch> {
    const batch = await this.deps.outbox.claimDue(now(), BATCH_SIZE, LEASE_MS);
    const at = now();
    if (batch.length === 0) {
      return { claimed: 0, composed: [], at };
    }
    let composed: ComposedMessage[];
    try {
      composed = await this.deps.composer.composeBatch(batch, at);
    } catch (error) {
      composed = batch.map(message => ({
        covers: [message],
        error: asError(error),
      }));
    }
    return { claimed: batch.length, composed, at };
  }

  /**
   * Sends a prepared batch a few at a time and records the outcomes. `prepareNext`, if
   * given, is started once the last of its emails has been handed to the transport;
   * returns how many messages were sent and that next batch.
   */
  private async sendBatch(
    { composed, at }: PreparedBatch,
    prepareNext?: () => Promise<PreparedBatch>,
  ): Promise<{ sent: number; next?: Promise<PreparedBatch> }> {
    if (composed.length === 0) {
      return { sent: 0, next: prepareNext?.() };
    }
    let next: Promise<PreparedBatch> | undefined;
    const queue = [...composed];
    const takeNext = () => {
      const item = queue.shift();
      if (item && queue.length === 0) {
        next = prepareNext?.();
      }
      return item;
    };
    const sent: Array<{ covers: ClaimedOutboxMessage[]; subject: string }> = [];
    const failed: FailedAttempt[] = [];
    const worker = async () => {
      for (let item = takeNext(); item; item = takeNext()) {
        if ('error' in item) {
          failed.push({ covers: item.covers, error: item.error });
          continue;
        }
        try {
          await this.deps.transport.send(item.email);
          sent.push({ covers: item.covers, subject: item.email.subject });
        } catch (error) {
          failed.push({
            covers: item.covers,
            error: asError(error),
            subject: item.email.subject,
          });
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    await this.deps.outbox.markSentMany(
      sent.flatMap(({ covers, subject }) =>
        covers.map(message => ({ id: message.id, subject })),
      ),
      at,
    );
    for (const { covers } of sent) {
      this.deps.onDelivered?.(covers);
    }
    if (sent.length > 0) {
      this.deps.logger.info(describeDelivery(sent));
    }
    await this.recordFailures(failed, at);
    return {
      sent: sent.reduce((count, { covers }) => count + covers.length, 0),
      next,
    };
  }

  /**
   * Records failed attempts, one statement per outcome shared by several messages:
   * retried with exponential backoff, or failed for good (obsolete, or out of attempts).
   */
  private async recordFailures(
    failed: FailedAttempt[],
    now: number,
  ): Promise<void> {
    const { outbox, logger, retry } = this.deps;
    const outcomes = new Map<
      string,
      {
        error: string;
        retryAt: number | null;
        subject?: string;
        messages: ClaimedOutboxMessage[];
      }
    >();
    for (const { covers, error, subject } of failed) {
      for (const message of covers) {
        const final =
          error instanceof MessageObsoleteError ||
          message.attempts >= retry.maxAttempts;
        const retryAt = final
          ? null
          : now +
            Math.min(
              retry.initialDelayMs * 2 ** (message.attempts - 1),
              MAX_DELAY_MS,
            );
        const key = JSON.stringify([error.message, retryAt, subject]);
        const outcome = outcomes.get(key) ?? {
          error: error.message,
          retryAt,
          subject,
          messages: [],
        };
        outcome.messages.push(message);
        outcomes.set(key, outcome);
      }
    }
    for (const { error, retryAt, subject, messages } of outcomes.values()) {
      await outbox.markAttemptsFailed(
        messages.map(message => message.id),
        error,
        retryAt,
        subject,
      );
      logger.warn(
        `${describeMessages(messages)} failed${
          retryAt === null
            ? ' for good'
            : `, retrying in ${Math.round((retryAt - now) / 1000)} s`
        }: ${error}`,
      );
    }
  }

  /**
   * Asks for a delivery round soon (after a change wrote mail), so emails leave within
   * moments; kicks close together share one round.
   */
  kick(): void {
    if (this.scheduled || this.stopped) {
      return;
    }
    this.scheduled = setTimeout(() => {
      this.scheduled = undefined;
      if (this.running) {
        this.rerun = true;
      } else {
        this.startRound();
      }
    }, KICK_DELAY_MS);
    this.scheduled.unref();
  }

  /** Stops kicked rounds (the scheduled task stops with the scheduler). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.scheduled);
    this.scheduled = undefined;
  }

  private startRound() {
    this.running = this.deliverDue()
      .catch(error => {
        this.deps.logger.warn(`Outbox delivery round failed: ${error}`);
        return 0;
      })
      .finally(() => {
        this.running = undefined;
        if (this.rerun) {
          this.rerun = false;
          this.kick();
        }
      });
  }
}

/** A claimed batch with its emails composed, ready to send. */
type PreparedBatch = {
  claimed: number;
  composed: ComposedMessage[];
  at: number;
};

/**
 * The same promise, marked as handled: it may reject while the batch before it is still
 * being sent, before anyone awaits it.
 */
function markHandled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

type FailedAttempt = {
  covers: ClaimedOutboxMessage[];
  error: Error;
  subject?: string;
};

const LOGGED_IDS = 10;

/** Names messages in a log line: kind, id and attempt of each, the first few of many. */
function describeMessages(messages: ClaimedOutboxMessage[]): string {
  const named = messages
    .slice(0, LOGGED_IDS)
    .map(m => `${m.id} (${m.kind}, attempt ${m.attempts})`)
    .join(', ');
  const more =
    messages.length > LOGGED_IDS
      ? ` and ${messages.length - LOGGED_IDS} more`
      : '';
  return `${messages.length === 1 ? 'Email' : 'Emails'} ${named}${more}`;
}

/** One line for a delivered round: emails sent and the messages they carried, by kind. */
function describeDelivery(
  sent: Array<{ covers: ClaimedOutboxMessage[] }>,
): string {
  const byKind = new Map<string, number>();
  let messages = 0;
  for (const { covers } of sent) {
    messages += covers.length;
    for (const message of covers) {
      byKind.set(message.kind, (byKind.get(message.kind) ?? 0) + 1);
    }
  }
  const kinds = [...byKind].map(([kind, n]) => `${n} ${kind}`).join(', ');
  return `Sent ${sent.length} ${
    sent.length === 1 ? 'email' : 'emails'
  } for ${messages} outbox ${
    messages === 1 ? 'message' : 'messages'
  } (${kinds})`;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
