import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { CachedSettingsStore } from './CachedSettingsStore';
import { DatabaseSettingsStore } from './DatabaseSettingsStore';
import { migrateDatabase } from './migrateDatabase';
import { SettingsValues } from './SettingsStore';

jest.setTimeout(60_000);

const VALUES: SettingsValues = {
  selfSignUpEnabled: true,
  signatureLine: 'The API team',
  contactEmail: 'api-team@example.com',
  notifyAllAdmins: false,
  approvalProcess: 'admin',
  autoApproveDomains: [],
  blockedDomains: [],
  sendRejectionEmail: false,
};

describe.each(createTestDatabases().eachSupportedId())(
  'CachedSettingsStore on %p',
  databaseId => {
    const databases = createTestDatabases();
    let knex: Knex;
    let settingsReads: number;
    let clock: number;
    let cached: CachedSettingsStore;
    let direct: DatabaseSettingsStore;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await migrateDatabase(knex);
      knex.on('query', (query: { sql: string }) => {
        if (/from [`"]api_store_access_settings[`"]/.test(query.sql)) {
          settingsReads++;
        }
      });
    });

    beforeEach(async () => {
      await knex('api_store_access_settings').delete();
      await knex('api_store_access_settings').insert({ id: 1 });
      settingsReads = 0;
      clock = 1_000_000;
      direct = new DatabaseSettingsStore(knex);
      cached = new CachedSettingsStore(direct, 250, () => clock);
    });

    it('reads the row once for a burst of concurrent and later reads within the max age', async () => {
      const burst = await Promise.all(
        Array.from({ length: 50 }, () => cached.get()),
      );
      clock += 249;
      const later = await cached.get();
      expect(settingsReads).toBe(1);
      expect(new Set([...burst, later].map(s => s.version)).size).toBe(1);
      expect(later.selfSignUpEnabled).toBe(false);
    });

    it('sees a change made elsewhere once the max age has passed', async () => {
      expect((await cached.get()).selfSignUpEnabled).toBe(false);
      await direct.replace(VALUES, 1, 'user:default/other-replica');
      expect((await cached.get()).selfSignUpEnabled).toBe(false);
      clock += 250;
      const fresh = await cached.get();
      expect(fresh.selfSignUpEnabled).toBe(true);
      expect(fresh.updatedBy).toBe('user:default/other-replica');
    });

    it('sees its own change at once, without reading the row again', async () => {
      await cached.get();
      const stored = await cached.replace(VALUES, 1, 'user:default/admin');
      const readsAfterWrite = settingsReads;
      const seen = await cached.get();
      expect(seen).toEqual(stored);
      expect(seen.selfSignUpEnabled).toBe(true);
      expect(settingsReads).toBe(readsAfterWrite);
    });

    it('keeps the cached value on a stale write, and reads again after the max age', async () => {
      await direct.replace(VALUES, 1, 'user:default/other-replica');
      expect(
        await cached.replace(
          { ...VALUES, signatureLine: 'Late' },
          1,
          'user:default/admin',
        ),
      ).toBeUndefined();
      const seen = await cached.get();
      expect(seen.version).toBe(2);
      expect(seen.signatureLine).toBe('The API team');
    });
  },
);
