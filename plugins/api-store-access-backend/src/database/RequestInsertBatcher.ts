import { RequestInsert } from './insertRequestStatement';

/** How {@link RequestInsertBatcher} groups its inserts. */
export type RequestInsertBatcherOptions = {
  /** Statements under way at once; later inserts wait and go together. */
  maxInFlight: number;
  /** The most requests one statement writes. */
  maxBatch: number;
};

type Waiting = {
  insert: RequestInsert;
  resolve: (created: boolean) => void;
  reject: (error: unknown) => void;
};

/**
 * Group commit for new requests: an insert goes out at once while fewer than
 * `maxInFlight` statements are under way (by default one: a second slot mostly carried
 * single sign-ups and lengthened the tail); otherwise it waits for one of them to finish
 * and goes out with everything else that waited, in one statement. An idle portal writes
 * each sign-up alone, without delay; a busy one pays one round trip and one commit for
 * many. A request is answered only once its own statement has committed, and a statement
 * that fails is retried request by request, so that one bad row fails nobody else.
 */
export class RequestInsertBatcher {
  private readonly waiting: Waiting[] = [];
  private inFlight = 0;

  constructor(
    private readonly write: (inserts: RequestInsert[]) => Promise<Set<string>>,
    private readonly options: RequestInsertBatcherOptions = {
      maxInFlight: 1,
      maxBatch: 100,
    },
  ) {}

  /** Inserts one request; resolves to whether it was created (false: email taken). */
  insert(insert: RequestInsert): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ insert, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.inFlight < this.options.maxInFlight && this.waiting.length) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      this.inFlight += 1;
      this.writeBatch(batch).finally(() => {
        this.inFlight -= 1;
        this.dispatch();
      });
    }
  }

  private async writeBatch(batch: Waiting[]): Promise<void> {
    try {
      const created = await this.write(batch.map(w => w.insert));
      for (const w of batch) w.resolve(created.has(w.insert.row.id));
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      await Promise.all(batch.map(w => this.writeBatch([w])));
    }
  }
}
