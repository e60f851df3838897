import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { migrateDatabase } from '../database/migrateDatabase';
import {
  as,
  BASE,
  startApiStoreAccessBackend,
} from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

type Caller = keyof typeof as;

describe.each(createTestDatabases().eachSupportedId())(
  'admin routes permission matrix on %p',
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

    async function callEveryAdminRoute(caller: Caller) {
      const version = (await knex('api_store_access_settings').first('version'))
        .version;
      const { id } = await t.signUp('matrix@example.com');
      const headers = as[caller];
      return {
        'GET /settings': (await t.http().get(`${BASE}/settings`).set(headers))
          .status,
        'PUT /settings': (
          await t
            .http()
            .put(`${BASE}/settings`)
            .set(headers)
            .send({ version: Number(version), notifyAllAdmins: true })
        ).status,
        'GET /sign-up-requests': (
          await t.http().get(`${BASE}/sign-up-requests`).set(headers)
        ).status,
        'GET /sign-up-requests/{id}': (
          await t.http().get(`${BASE}/sign-up-requests/${id}`).set(headers)
        ).status,
        'POST /sign-up-requests/{id}/start': (
          await t
            .http()
            .post(`${BASE}/sign-up-requests/${id}/start`)
            .set(headers)
        ).status,
        'POST /sign-up-requests/{id}/complete': (
          await t
            .http()
            .post(`${BASE}/sign-up-requests/${id}/complete`)
            .set(headers)
            .send({ decision: 'approve' })
        ).status,
      };
    }

    it('answers anonymous callers with 401 on every admin route', async () => {
      await t.configure({});
      const before = await t.rowCounts();
      const statuses = await callEveryAdminRoute('anonymous');
      expect(Object.values(statuses)).toEqual([401, 401, 401, 401, 401, 401]);
      const after = await t.rowCounts();
      expect(after.settingsVersion).toBe(before.settingsVersion);
    });

    it('answers an ordinary user with 403 on every admin route and changes nothing', async () => {
      await t.configure({});
      const statuses = await callEveryAdminRoute('ordinary');
      expect(Object.values(statuses)).toEqual([403, 403, 403, 403, 403, 403]);
      const [row] = await knex('sign_up_requests');
      expect(row.status).toBe('pending_approval');
      expect(
        t.auditEvents.filter(e => e.eventId !== 'settings-update'),
      ).toEqual([]);
    });

    it('lets an admin call every admin route', async () => {
      await t.configure({});
      const statuses = await callEveryAdminRoute('admin');
      expect(statuses).toEqual({
        'GET /settings': 200,
        'PUT /settings': 200,
        'GET /sign-up-requests': 200,
        'GET /sign-up-requests/{id}': 200,
        'POST /sign-up-requests/{id}/start': 200,
        'POST /sign-up-requests/{id}/complete': 200,
      });
      expect(t.auditEvents.map(e => [e.eventId, e.outcome])).toEqual([
        ['settings-update', 'success'],
        ['settings-update', 'success'],
        ['sign-up-request-start', 'success'],
        ['sign-up-request-complete', 'success'],
      ]);
    });

    it('keeps the public routes open to anonymous callers', async () => {
      const status = await t
        .http()
        .get(`${BASE}/public/status`)
        .set(as.anonymous);
      expect(status.status).toBe(200);
      expect(status.body).toEqual({
        selfSignUpEnabled: false,
        contactEmail: '',
      });
      const refused = await t
        .http()
        .post(`${BASE}/public/sign-ups`)
        .set(as.anonymous)
        .send({ email: 'a@example.com' });
      expect(refused.status).toBe(403);
      expect(refused.body.error).toEqual({
        name: 'NotAllowedError',
        message: 'Self sign-up is disabled',
      });
    });
  },
);
