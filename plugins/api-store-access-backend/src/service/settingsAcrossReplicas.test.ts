import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { migrateDatabase } from '../database/migrateDatabase';
import {
  as,
  BASE,
  startApiStoreAccessBackend,
} from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

describe.each(createTestDatabases().eachSupportedId())(
  'settings across two replicas on %p (default settings cache)',
  databaseId => {
    const databases = createTestDatabases();
    let knex: Knex;
    let a: Awaited<ReturnType<typeof startApiStoreAccessBackend>>;
    let b: Awaited<ReturnType<typeof startApiStoreAccessBackend>>;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await migrateDatabase(knex);
      a = await startApiStoreAccessBackend(knex, 9, {
        defaultSettingsCache: true,
      });
      b = await startApiStoreAccessBackend(knex, 9, {
        defaultSettingsCache: true,
      });
    });
    afterAll(async () => {
      await a.backend.stop();
      await b.backend.stop();
    });

    const signUpOn = (replica: typeof a, email: string) =>
      replica.http().post(`${BASE}/public/sign-ups`).send({ email });

    it('disabling on one replica refuses sign-ups there at once and on the other within a second', async () => {
      const enabled = await a.configure({ approvalProcess: 'admin' });
      // B has read the settings (and cached them) before the change.
      expect((await signUpOn(b, 'before@example.com')).status).toBe(202);

      const put = await a
        .http()
        .put(`${BASE}/settings`)
        .set(as.admin)
        .send({ ...enabled, selfSignUpEnabled: false });
      expect(put.status).toBe(200);
      const changedAt = Date.now();
      expect((await signUpOn(a, 'on-a@example.com')).status).toBe(403);

      let refusedOnB = false;
      let attempt = 0;
      while (!refusedOnB && Date.now() - changedAt < 5_000) {
        const res = await signUpOn(b, `on-b-${attempt++}@example.com`);
        refusedOnB = res.status === 403;
      }
      expect(refusedOnB).toBe(true);
      expect(Date.now() - changedAt).toBeLessThan(1_000);

      const status = await b.http().get(`${BASE}/public/status`);
      expect(status.body.selfSignUpEnabled).toBe(false);
    });
  },
);
