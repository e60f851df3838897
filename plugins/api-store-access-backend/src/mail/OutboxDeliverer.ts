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
      /** Told of each delivered message. */
      onDelivered?: (message: ClaimedOutboxMessage) => void;
    },
  ) {}

  /** Delivers everything due now; returns how many messages were sent. */
  async deliverDue(): Promise<number> {
    const now = this.deps.now ?? Date.now;
    let sent = 0;
    for (;;) {
      const batch = await this.deps.outbox.claimDue(
        now(),
        BATCH_SIZE,
        LEASE_MS,
      );
      sent += await this.deliverBatch(batch, now);
      if (batch.length < BATCH_SIZE) {
        return sent;
      }
    }
  }

  private async deliverBatch(
    batch: ClaimedOutboxMessage[],
    now: () => number,
  ): Promise<number> {
    if (batch.length === 0) {
      return 0;
    }
    const at = now();
    let composed: ComposedMessage[];
    try {
      composed = await this.deps.composer.composeBatch(batch, at);
    } catch (error) {
      composed = batch.map(message => ({ message, error: asError(error) }));
    }
    const queue = [...composed];
    const sent: Array<{ message: ClaimedOutboxMessage; subject: string }> = [];
    const failed: Array<{
      message: ClaimedOutboxMessage;
      error: Error;
      subject?: string;
    }> = [];
    const worker = async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        if ('error' in item) {
          failed.push(item);
          continue;
        }
        try {
          await this.deps.transport.send(item.email);
          sent.push({ message: item.message, subject: item.email.subject });
        } catch (error) {
          failed.push({
            message: item.message,
            error: asError(error),
            subject: item.email.subject,
          });
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    await this.deps.outbox.markSentMany(
      sent.map(({ message, subject }) => ({ id: message.id, subject })),
      at,
    );
    for (const { message } of sent) {
      this.deps.onDelivered?.(message);
    }
    for (const { message, error, subject } of failed) {
      await this.recordFailure(message, error, at, subject);
    }
    return sent.length;
  }

  private async recordFailure(
    message: ClaimedOutboxMessage,
    error: Error,
    now: number,
    subject?: string,
  ): Promise<void> {
    const { outbox, logger, retry } = this.deps;
    const final =
      error instanceof MessageObsoleteError ||
      message.attempts >= retry.maxAttempts;
    const delay = Math.min(
      retry.initialDelayMs * 2 ** (message.attempts - 1),
      MAX_DELAY_MS,
    );
    await outbox.markAttemptFailed(
      message.id,
      error.message,
      final ? null : now + delay,
      subject,
    );
    logger.warn(
      `Email ${message.id} (${message.kind}) attempt ${
        message.attempts
      } failed${
        final ? ' for good' : `, retrying in ${Math.round(delay / 1000)} s`
      }: ${error.message}`,
    );
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

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
