import fs from 'node:fs';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { migrationsDirectory } from './migrateDatabase';

jest.setTimeout(60_000);

const migrationFiles = fs
  .readdirSync(migrationsDirectory)
  .filter(name => name.endsWith('.js'))
  .sort();

async function tableNames(knex: Knex): Promise<string[]> {
  if (knex.client.config.client.includes('sqlite')) {
    const rows = await knex('sqlite_master')
      .where({ type: 'table' })
      .whereNot('name', 'like', 'sqlite_%')
      .whereNot('name', 'like', 'knex_%')
      .pluck('name');
    return rows.sort();
  }
  const rows = await knex('information_schema.tables')
    .where({ table_schema: 'public' })
    .whereNot('table_name', 'like', 'knex_%')
    .pluck('table_name');
  return rows.sort();
}

describe('migrations', () => {
  const databases = createTestDatabases();

  it('has at least one migration', () => {
    expect(migrationFiles.length).toBeGreaterThan(0);
  });

  it('adds trigram indexes for search on PostgreSQL', async () => {
    const knex = await databases.init('POSTGRES_15');
    await knex.migrate.latest({ directory: migrationsDirectory });
    const indexes = await knex('pg_indexes')
      .where({ tablename: 'sign_up_requests' })
      .pluck('indexname');
    expect(indexes).toEqual(
      expect.arrayContaining([
        'sign_up_requests_email_trgm_idx',
        'sign_up_requests_display_name_trgm_idx',
      ]),
    );
  });

  it.each(databases.eachSupportedId())(
    'steps every migration up and down, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const config = { directory: migrationsDirectory };
      const seen: string[][] = [await tableNames(knex)];

      for (const _file of migrationFiles) {
        await knex.migrate.up(config);
        seen.push(await tableNames(knex));
      }
      expect(seen[seen.length - 1]).toEqual([
        'api_store_access_email_templates',
        'api_store_access_members',
        'api_store_access_outbox',
        'api_store_access_registration_links',
        'api_store_access_sessions',
        'api_store_access_settings',
        'sign_up_request_events',
        'sign_up_requests',
      ]);
      const [, pending] = await knex.migrate.list(config);
      expect(pending).toEqual([]);

      for (let step = migrationFiles.length - 1; step >= 0; step--) {
        await knex.migrate.down(config);
        expect(await tableNames(knex)).toEqual(seen[step]);
      }
      expect(await tableNames(knex)).toEqual([]);

      await knex.migrate.latest(config);
      expect(await tableNames(knex)).toEqual(seen[seen.length - 1]);
      await knex.destroy();
    },
  );
});
