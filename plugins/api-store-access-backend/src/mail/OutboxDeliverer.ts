import { LoggerService } from '@backstage/backend-plugin-api';
import { ClaimedOutboxMessage, OutboxStore } from '../database/OutboxStore';
import { EmailComposer, MessageObsoleteError } from './EmailComposer';
import { MailTransport } from './MailTransport';

/** Retry policy of the outbox. */
export interface RetryPolicy {
  /** Attempts before a message is failed for good. */
  maxAttempts: number;
  /** Wait before the second attempt; doubled for each further one, up to an hour. */
  initialDelayMs: number;
}

const MAX_DELAY_MS = 3600_000;
const BATCH_SIZE = 50;
const LEASE_MS = 120_000;
/** Messages of a batch in flight at once (a pooled SMTP transport keeps 5 connections). */
const CONCURRENCY = 5;
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
    const queue = [...batch];
    let sent = 0;
    const worker = async () => {
      for (let message = queue.shift(); message; message = queue.shift()) {
        if (await this.deliverOne(message, now())) {
          sent++;
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return sent;
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

  private async deliverOne(
    message: ClaimedOutboxMessage,
    now: number,
  ): Promise<boolean> {
    const { outbox, composer, transport, logger, retry } = this.deps;
    let subject: string | undefined;
    try {
      const email = await composer.compose(message, now);
      subject = email.subject;
      await transport.send(email);
      await outbox.markSent(message.id, email.subject, now);
      this.deps.onDelivered?.(message);
      return true;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const final =
        error instanceof MessageObsoleteError ||
        message.attempts >= retry.maxAttempts;
      const delay = Math.min(
        retry.initialDelayMs * 2 ** (message.attempts - 1),
        MAX_DELAY_MS,
      );
      await outbox.markAttemptFailed(
        message.id,
        reason,
        final ? null : now + delay,
        subject,
      );
      logger.warn(
        `Email ${message.id} (${message.kind}) attempt ${
          message.attempts
        } failed${
          final ? ' for good' : `, retrying in ${Math.round(delay / 1000)} s`
        }: ${reason}`,
      );
      return false;
    }
  }
}
