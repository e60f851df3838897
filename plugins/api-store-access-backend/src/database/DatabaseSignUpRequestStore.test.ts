import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { migrateDatabase } from './migrateDatabase';
import { DatabaseSignUpRequestStore } from './DatabaseSignUpRequestStore';
import { NewSignUpRequest } from './SignUpRequestStore';
import { encodeCursor } from './cursor';

jest.setTimeout(60_000);

function pending(
  email: string,
  displayName: string | null = null,
): NewSignUpRequest {
  return {
    email,
    displayName,
    status: 'pending_approval',
    source: 'self-sign-up',
    events: [{ actor: email, action: 'submitted' }],
  };
}

describe.each(createTestDatabases().eachSupportedId())(
  'DatabaseSignUpRequestStore on %p',
  databaseId => {
    const databases = createTestDatabases();
    let knex: Knex;
    let store: DatabaseSignUpRequestStore;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await migrateDatabase(knex);
    });

    beforeEach(async () => {
      await knex('api_store_access_outbox').delete();
      await knex('sign_up_request_events').delete();
      await knex('sign_up_requests').delete();
      store = new DatabaseSignUpRequestStore(knex);
    });

    it('creates a request with its history', async () => {
      const { created, request } = await store.create(
        pending('jo@example.com', 'Jo'),
      );
      expect(created).toBe(true);
      expect(request).toMatchObject({
        email: 'jo@example.com',
        displayName: 'Jo',
        status: 'pending_approval',
        source: 'self-sign-up',
        assignee: null,
        decision: null,
        reason: null,
        history: [
          { actor: 'jo@example.com', action: 'submitted', detail: null },
        ],
      });
      expect(new Date(request!.createdAt).getTime()).toBeGreaterThan(
        Date.now() - 60_000,
      );
      expect(await store.get(request!.id)).toEqual(request);
    });

    it('keeps one active request per email, even under 20 concurrent creates', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          store.create(pending('same@example.com')),
        ),
      );
      expect(results.filter(r => r.created)).toHaveLength(1);
      const rows = await knex('sign_up_requests').where({
        email: 'same@example.com',
      });
      expect(rows).toHaveLength(1);
      const events = await knex('sign_up_request_events');
      expect(events).toHaveLength(1);
    });

    it('writes 40 concurrent sign-ups, each with its own history and email', async () => {
      const emails = Array.from({ length: 40 }, (_, i) => `c${i}@example.com`);
      const results = await Promise.all(
        emails.map(email =>
          store.create({
            email,
            displayName: `Name of ${email}`,
            status: 'approved',
            source: 'self-sign-up',
            decision: 'approve',
            events: [
              { actor: email, action: 'submitted' },
              { actor: 'system', action: 'approved', detail: email },
            ],
            messages: [
              { kind: 'welcome', recipient: email, payload: { email } },
            ],
          }),
        ),
      );
      expect(results.every(r => r.created)).toBe(true);
      for (const [i, email] of emails.entries()) {
        const stored = await store.get(results[i].request!.id);
        expect(stored).toMatchObject({
          email,
          displayName: `Name of ${email}`,
          status: 'approved',
          history: [
            { actor: email, action: 'submitted', detail: null },
            { actor: 'system', action: 'approved', detail: email },
          ],
        });
      }
      const outbox = await knex('api_store_access_outbox').select(
        'request_id',
        'recipient',
        'payload',
      );
      expect(outbox).toHaveLength(40);
      for (const message of outbox) {
        const request = await store.get(message.request_id);
        expect(message.recipient).toBe(request!.email);
        expect(JSON.parse(message.payload)).toEqual({ email: request!.email });
      }
    });

    it('allows a new request once the earlier one was rejected', async () => {
      const first = await store.create(pending('again@example.com'));
      await store.transition(
        first.request!.id,
        { fromStatuses: ['pending_approval'] },
        { status: 'rejected', decision: 'reject' },
        { actor: 'user:default/admin', action: 'rejected' },
      );
      const second = await store.create(pending('again@example.com'));
      expect(second.created).toBe(true);
      expect(await store.existsForEmail('again@example.com')).toBe(true);
      expect(await store.existsForEmail('never@example.com')).toBe(false);
    });

    it('applies a transition only when its guard holds', async () => {
      const { request } = await store.create(pending('t@example.com'));
      const id = request!.id;
      const started = await store.transition(
        id,
        { fromStatuses: ['pending_approval'] },
        { status: 'in_review', assignee: 'user:default/a' },
        { actor: 'user:default/a', action: 'started' },
      );
      expect(started).toMatchObject({
        status: 'in_review',
        assignee: 'user:default/a',
      });

      const wrongAssignee = await store.transition(
        id,
        { fromStatuses: ['in_review'], assignee: 'user:default/b' },
        { status: 'approved', decision: 'approve' },
        { actor: 'user:default/b', action: 'approved' },
      );
      expect(wrongAssignee).toBeUndefined();
      expect((await store.get(id))!.status).toBe('in_review');
      expect((await store.get(id))!.history.map(e => e.action)).toEqual([
        'submitted',
        'started',
      ]);
      expect(
        await store.transition(
          'no-such-id',
          { fromStatuses: ['in_review'] },
          { status: 'approved' },
          { actor: 'x', action: 'approved' },
        ),
      ).toBeUndefined();
    });

    it('lists newest first with cursor pages, filters, search and totals', async () => {
      for (let i = 0; i < 7; i++) {
        await store.create(
          pending(`user${i}@example.com`, i === 3 ? 'Ada Lovelace' : null),
        );
      }
      const { request: other } = await store.create(pending('x_y%@other.org'));
      await store.transition(
        other!.id,
        { fromStatuses: ['pending_approval'] },
        { status: 'in_review', assignee: 'user:default/admin' },
        { actor: 'user:default/admin', action: 'started' },
      );

      const first = await store.list({ limit: 3 });
      expect(first.totalCount).toBe(8);
      expect(first.items.map(i => i.email)).toEqual([
        'x_y%@other.org',
        'user6@example.com',
        'user5@example.com',
      ]);
      expect(first.items[0].history.map(e => e.action)).toEqual([
        'submitted',
        'started',
      ]);
      const second = await store.list({ limit: 3, cursor: first.nextCursor! });
      expect(second.items.map(i => i.email)).toEqual([
        'user4@example.com',
        'user3@example.com',
        'user2@example.com',
      ]);
      const third = await store.list({ limit: 3, cursor: second.nextCursor! });
      expect(third.items.map(i => i.email)).toEqual([
        'user1@example.com',
        'user0@example.com',
      ]);
      expect(third.nextCursor).toBeNull();

      const reviewing = await store.list({ limit: 10, status: 'in_review' });
      expect(reviewing.items.map(i => i.email)).toEqual(['x_y%@other.org']);
      expect(reviewing.totalCount).toBe(1);
      const mine = await store.list({
        limit: 10,
        assignee: 'user:default/admin',
      });
      expect(mine.totalCount).toBe(1);

      expect(
        (await store.list({ limit: 10, q: 'LOVELACE' })).items.map(
          i => i.email,
        ),
      ).toEqual(['user3@example.com']);
      expect((await store.list({ limit: 10, q: 'user' })).totalCount).toBe(7);
      expect(
        (await store.list({ limit: 10, q: '_y%' })).items.map(i => i.email),
      ).toEqual(['x_y%@other.org']);
      expect((await store.list({ limit: 10, q: '%' })).totalCount).toBe(1);
    });

    it('refuses a cursor it did not make', async () => {
      await expect(
        store.list({ limit: 5, cursor: 'not-a-cursor' }),
      ).rejects.toThrow(/cursor is not valid/);
      expect(
        (await store.list({ limit: 5, cursor: encodeCursor(1) })).items,
      ).toEqual([]);
    });
  },
);

describe('DatabaseSignUpRequestStore on PostgreSQL, a statement that fails', () => {
  const databases = createTestDatabases();
  let knex: Knex;

  beforeAll(async () => {
    knex = await databases.init('POSTGRES_15');
    await migrateDatabase(knex);
  });

  it('fails only the request it could not write, not those written with it', async () => {
    const store = new DatabaseSignUpRequestStore(knex);
    const tooLong = `${'x'.repeat(300)}@example.com`;
    const results = await Promise.allSettled(
      ['ok1@example.com', 'ok2@example.com', tooLong, 'ok3@example.com'].map(
        email => store.create(pending(email)),
      ),
    );
    expect(results.map(r => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    const rows = await knex('sign_up_requests').select('email');
    expect(rows.map(r => r.email).sort()).toEqual([
      'ok1@example.com',
      'ok2@example.com',
      'ok3@example.com',
    ]);
    expect(await knex('sign_up_request_events')).toHaveLength(3);
  });
});
