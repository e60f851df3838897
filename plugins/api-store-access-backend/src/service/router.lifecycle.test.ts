import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { migrateDatabase } from '../database/migrateDatabase';
import {
  ADMIN,
  as,
  BASE,
  startApiStoreAccessBackend,
} from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

describe.each(createTestDatabases().eachSupportedId())(
  'sign-up life cycle on %p',
  databaseId => {
    const databases = createTestDatabases();
    let knex: Knex;
    let t: Awaited<ReturnType<typeof startApiStoreAccessBackend>>;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await migrateDatabase(knex);
      t = await startApiStoreAccessBackend(knex);
    });
    afterAll(() => t.backend.stop());
    beforeEach(() => t.reset());

    const start = (id: string, headers = as.admin) =>
      t.http().post(`${BASE}/sign-up-requests/${id}/start`).set(headers);
    const complete = (id: string, body: object, headers = as.admin) =>
      t
        .http()
        .post(`${BASE}/sign-up-requests/${id}/complete`)
        .set(headers)
        .send(body);

    it('takes a sign-up through start and approval, recording each step', async () => {
      await t.configure({ approvalProcess: 'admin' });
      const submitted = await t.signUp('  Ada.Lovelace@Example.COM ', 'Ada');
      expect(submitted).toMatchObject({
        email: 'ada.lovelace@example.com',
        displayName: 'Ada',
        status: 'pending_approval',
        source: 'self-sign-up',
      });

      const started = await start(submitted.id);
      expect(started.status).toBe(200);
      expect(started.body).toMatchObject({
        status: 'in_review',
        assignee: ADMIN,
      });

      const done = await complete(submitted.id, {
        decision: 'approve',
        reason: 'Known partner',
      });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({
        status: 'approved',
        decision: 'approve',
        reason: 'Known partner',
        assignee: ADMIN,
      });
      const read = await t
        .http()
        .get(`${BASE}/sign-up-requests/${submitted.id}`)
        .set(as.admin);
      expect(
        read.body.history.map((e: any) => [e.actor, e.action, e.detail]),
      ).toEqual([
        ['ada.lovelace@example.com', 'submitted', null],
        [ADMIN, 'started', null],
        [ADMIN, 'approved', 'Known partner'],
      ]);
    });

    it('records a rejection with its reason', async () => {
      await t.configure({});
      const { id } = await t.signUp('spam@example.com');
      await start(id);
      const res = await complete(id, {
        decision: 'reject',
        reason: 'Not a partner',
      });
      expect(res.body).toMatchObject({
        status: 'rejected',
        reason: 'Not a partner',
      });
      const list = await t
        .http()
        .get(`${BASE}/sign-up-requests`)
        .query({ status: 'rejected' })
        .set(as.admin);
      expect(list.body.totalCount).toBe(1);
    });

    it('refuses to complete before start, twice, or by another admin', async () => {
      await t.configure({});
      const { id } = await t.signUp('order@example.com');
      const early = await complete(id, { decision: 'approve' });
      expect(early.status).toBe(409);
      expect(early.body.error.message).toBe(
        'Start the task before completing it',
      );

      await start(id);
      const again = await start(id, as.otherAdmin);
      expect(again.status).toBe(409);

      const stranger = await complete(
        id,
        { decision: 'approve' },
        as.otherAdmin,
      );
      expect(stranger.status).toBe(409);
      expect(stranger.body.error.message).toMatch(
        /started by user:default\/admin/,
      );

      expect((await complete(id, { decision: 'reject' })).status).toBe(200);
      const twice = await complete(id, { decision: 'approve' });
      expect(twice.status).toBe(409);
      expect(twice.body.error.message).toBe(
        'The task cannot complete: it is rejected',
      );
      const read = await t
        .http()
        .get(`${BASE}/sign-up-requests/${id}`)
        .set(as.admin);
      expect(read.body.status).toBe('rejected');
      expect(read.body.history).toHaveLength(3);
    });

    it('lets exactly one of two simultaneous completions win', async () => {
      await t.configure({});
      const first = await t.signUp('race1@example.com');
      await start(first.id);
      const byTwoAdmins = await Promise.all([
        complete(first.id, { decision: 'approve' }),
        complete(first.id, { decision: 'reject' }, as.otherAdmin),
      ]);
      expect(byTwoAdmins.map(r => r.status).sort()).toEqual([200, 409]);

      const second = await t.signUp('race2@example.com');
      await start(second.id);
      const bySameAdmin = await Promise.all([
        complete(second.id, { decision: 'approve' }),
        complete(second.id, { decision: 'reject' }),
      ]);
      expect(bySameAdmin.map(r => r.status).sort()).toEqual([200, 409]);
      const events = await knex('sign_up_request_events').where({
        request_id: second.id,
      });
      expect(events.map(e => e.action)).toHaveLength(3);
    });

    it('answers 404 for an unknown request', async () => {
      const res = await start('00000000-0000-0000-0000-000000000000');
      expect(res.status).toBe(404);
      expect(res.body.error.name).toBe('NotFoundError');
    });

    it('keeps one request for 20 simultaneous sign-ups of one address, each answered 202', async () => {
      await t.configure({});
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t
            .http()
            .post(`${BASE}/public/sign-ups`)
            .send({
              email: i % 2 ? 'Twenty@Example.com' : 'twenty@example.com ',
            }),
        ),
      );
      expect(new Set(responses.map(r => r.status))).toEqual(new Set([202]));
      expect(new Set(responses.map(r => JSON.stringify(r.body))).size).toBe(1);
      expect(
        await knex('sign_up_requests').where({ email: 'twenty@example.com' }),
      ).toHaveLength(1);
    });

    it('answers a known address exactly like a new one, and writes nothing', async () => {
      await t.configure({});
      const first = await t
        .http()
        .post(`${BASE}/public/sign-ups`)
        .send({ email: 'known@example.com' });
      const before = await t.rowCounts();
      const second = await t
        .http()
        .post(`${BASE}/public/sign-ups`)
        .send({ email: 'known@example.com' });
      expect(second.status).toBe(first.status);
      expect(second.body).toEqual(first.body);
      expect(await t.rowCounts()).toEqual(before);
    });

    it('approves at once in automatic mode', async () => {
      await t.configure({ approvalProcess: 'auto' });
      const request = await t.signUp('auto@example.com');
      expect(request).toMatchObject({
        status: 'approved',
        decision: 'approve',
      });
      expect(request.history.map((e: any) => [e.actor, e.action])).toEqual([
        ['auto@example.com', 'submitted'],
        ['system', 'approved'],
      ]);
    });

    it('applies domain rules: trusted domains approved, blocked ones rejected quietly', async () => {
      await t.configure({
        approvalProcess: 'admin',
        autoApproveDomains: ['Partner.example'],
        blockedDomains: ['@spam.test'],
      });
      expect((await t.signUp('a@partner.example')).status).toBe('approved');
      expect((await t.signUp('b@eu.partner.example')).status).toBe('approved');
      expect((await t.signUp('c@elsewhere.example')).status).toBe(
        'pending_approval',
      );

      const blocked = await t
        .http()
        .post(`${BASE}/public/sign-ups`)
        .send({ email: 'x@spam.test' });
      const normal = await t
        .http()
        .post(`${BASE}/public/sign-ups`)
        .send({ email: 'y@fine.test' });
      expect(blocked.status).toBe(202);
      expect(blocked.body).toEqual(normal.body);
      const [row] = await knex('sign_up_requests').where({
        email: 'x@spam.test',
      });
      expect(row).toMatchObject({
        status: 'rejected',
        decision: 'reject',
        reason: 'The domain spam.test is blocked',
      });
      await t
        .http()
        .post(`${BASE}/public/sign-ups`)
        .send({ email: 'x@spam.test' });
      expect(
        await knex('sign_up_requests').where({ email: 'x@spam.test' }),
      ).toHaveLength(1);
    });

    it('refuses sign-ups at once when disabled, keeping pending tasks reviewable', async () => {
      await t.configure({});
      const { id } = await t.signUp('before@example.com');
      await t.configure({ selfSignUpEnabled: false });

      const status = await t.http().get(`${BASE}/public/status`);
      expect(status.body).toEqual({
        selfSignUpEnabled: false,
        contactEmail: 'api-team@example.com',
      });
      const refused = await t
        .http()
        .post(`${BASE}/public/sign-ups`)
        .send({ email: 'after@example.com' });
      expect(refused.status).toBe(403);
      expect(
        await knex('sign_up_requests').where({ email: 'after@example.com' }),
      ).toHaveLength(0);

      expect((await start(id)).status).toBe(200);
      expect((await complete(id, { decision: 'approve' })).body.status).toBe(
        'approved',
      );
    });

    it('filters the list by status, assignee "me" and search, with cursor pages', async () => {
      await t.configure({});
      for (const email of [
        'p1@example.com',
        'p2@example.com',
        'p3@example.com',
      ]) {
        await t.signUp(email);
      }
      const mine = await t.signUp('mine@other.example');
      await start(mine.id);

      const page = await t
        .http()
        .get(`${BASE}/sign-up-requests`)
        .query({ limit: 2 })
        .set(as.admin);
      expect(page.body.totalCount).toBe(4);
      expect(page.body.items.map((i: any) => i.email)).toEqual([
        'mine@other.example',
        'p3@example.com',
      ]);
      const next = await t
        .http()
        .get(`${BASE}/sign-up-requests`)
        .query({ limit: 2, cursor: page.body.nextCursor })
        .set(as.admin);
      expect(next.body.items.map((i: any) => i.email)).toEqual([
        'p2@example.com',
        'p1@example.com',
      ]);
      expect(next.body.nextCursor).toBeNull();

      const assigned = await t
        .http()
        .get(`${BASE}/sign-up-requests`)
        .query({ assignee: 'me', status: 'in_review' })
        .set(as.admin);
      expect(assigned.body.items.map((i: any) => i.email)).toEqual([
        'mine@other.example',
      ]);
      const notOthers = await t
        .http()
        .get(`${BASE}/sign-up-requests`)
        .query({ assignee: 'me' })
        .set(as.otherAdmin);
      expect(notOthers.body.totalCount).toBe(0);
      const search = await t
        .http()
        .get(`${BASE}/sign-up-requests`)
        .query({ q: 'P2@' })
        .set(as.admin);
      expect(search.body.items.map((i: any) => i.email)).toEqual([
        'p2@example.com',
      ]);
    });
  },
);
