import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/** The folder of this package's knex migrations. */
export const migrationsDirectory = resolvePackagePath(
  'backstage-plugin-api-store-access-backend',
  'migrations',
);

/** Brings the plugin's tables up to the latest migration. */
export async function migrateDatabase(knex: Knex): Promise<void> {
  await knex.migrate.latest({ directory: migrationsDirectory });
}
