import { LoggerService } from '@backstage/backend-plugin-api';
import { OutboxStore } from '../database/OutboxStore';
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

/**
 * Delivers due outbox messages: claims them (one worker per message, across replicas),
 * composes and sends each, and records the outcome with exponential backoff.
 */
export class OutboxDeliverer {
  private running: Promise<number> | undefined;

  constructor(
    private readonly deps: {
      outbox: OutboxStore;
      composer: EmailComposer;
      transport: MailTransport;
      logger: LoggerService;
      retry: RetryPolicy;
      now?: () => number;
    },
  ) {}

  /** Delivers everything due now; returns how many messages were sent. */
  async deliverDue(): Promise<number> {
    const { outbox } = this.deps;
    const now = this.deps.now ?? Date.now;
    let sent = 0;
    for (;;) {
      const batch = await outbox.claimDue(now(), BATCH_SIZE, LEASE_MS);
      if (batch.length === 0) {
        return sent;
      }
      for (const message of batch) {
        sent += (await this.deliverOne(message, now())) ? 1 : 0;
      }
    }
  }

  /**
   * Starts a delivery round in the background unless one is running in this process;
   * used right after a change wrote mail, so emails leave within moments.
   */
  kick(): void {
    if (this.running) {
      return;
    }
    this.running = this.deliverDue()
      .catch(error => {
        this.deps.logger.warn(`Outbox delivery round failed: ${error}`);
        return 0;
      })
      .finally(() => {
        this.running = undefined;
      });
  }

  /** Waits for a round started by {@link OutboxDeliverer.kick}, if any. */
  async idle(): Promise<void> {
    await this.running;
  }

  private async deliverOne(
    message: Parameters<EmailComposer['compose']>[0],
    now: number,
  ): Promise<boolean> {
    const { outbox, composer, transport, logger, retry } = this.deps;
    let subject: string | undefined;
    try {
      const email = await composer.compose(message, now);
      subject = email.subject;
      await transport.send(email);
      await outbox.markSent(message.id, email.subject, now);
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
