import { TestDatabases } from '@backstage/backend-test-utils';

const POSTGRES_VARIABLE =
  'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

/**
 * SQLite and PostgreSQL for store and router tests. PostgreSQL is required: the
 * project's test command starts it and sets the connection string, so a run without it
 * fails here instead of silently testing SQLite alone.
 */
export function createTestDatabases(): TestDatabases {
  if (!process.env[POSTGRES_VARIABLE]) {
    throw new Error(
      `${POSTGRES_VARIABLE} is not set: run the tests with scripts/test.sh, which starts PostgreSQL and sets it`,
    );
  }
  return TestDatabases.create({
    ids: ['POSTGRES_15', 'SQLITE_3'],
    disableDocker: true,
  });
}
