import { RequestInsert } from './insertRequestStatement';
import { RequestInsertBatcher } from './RequestInsertBatcher';

function insertOf(id: string): RequestInsert {
  return {
    row: {
      id,
      email: `${id}@example.com`,
      active_email: `${id}@example.com`,
      display_name: null,
      status: 'pending_approval',
      source: 'self-sign-up',
      decision: null,
      reason: null,
      created_at: 0,
    },
    events: [],
    messages: [],
  };
}

/** A write whose statements finish when the test says so, recording each batch. */
function controlledWrite() {
  const batches: string[][] = [];
  const finishers: Array<(created: Set<string>) => void> = [];
  const write = (inserts: RequestInsert[]) => {
    const ids = inserts.map(i => i.row.id);
    batches.push(ids);
    return new Promise<Set<string>>(resolve =>
      finishers.push(created => resolve(created)),
    );
  };
  const finish = (index: number, created: string[]) =>
    finishers[index](new Set(created));
  return { batches, write, finish };
}

/** Lets every promise callback that is due run (a turn of the event loop, no timer). */
const settle = () => new Promise(resolve => setImmediate(resolve));

describe('RequestInsertBatcher', () => {
  it('writes at once while idle, and what arrives meanwhile in one statement', async () => {
    const { batches, write, finish } = controlledWrite();
    const batcher = new RequestInsertBatcher(write, {
      maxInFlight: 2,
      maxBatch: 3,
    });
    const answers = ['a', 'b', 'c', 'd', 'e', 'f'].map(id =>
      batcher.insert(insertOf(id)),
    );
    expect(batches).toEqual([['a'], ['b']]);

    finish(0, ['a']);
    await settle();
    expect(batches).toEqual([['a'], ['b'], ['c', 'd', 'e']]);

    finish(1, []);
    await settle();
    expect(batches).toEqual([['a'], ['b'], ['c', 'd', 'e'], ['f']]);

    finish(2, ['c', 'e']);
    finish(3, ['f']);
    expect(await Promise.all(answers)).toEqual([
      true,
      false,
      true,
      false,
      true,
      true,
    ]);
  });

  it('retries a failed statement request by request, failing only the bad one', async () => {
    const batches: string[][] = [];
    const batcher = new RequestInsertBatcher(
      async inserts => {
        const ids = inserts.map(i => i.row.id);
        batches.push(ids);
        if (ids.includes('bad')) {
          throw new Error('value too long');
        }
        return new Set(ids);
      },
      { maxInFlight: 1, maxBatch: 10 },
    );
    const results = await Promise.allSettled(
      ['first', 'ok', 'bad', 'fine'].map(id => batcher.insert(insertOf(id))),
    );
    expect(results.map(r => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(batches).toEqual([
      ['first'],
      ['ok', 'bad', 'fine'],
      ['ok'],
      ['bad'],
      ['fine'],
    ]);
  });
});
