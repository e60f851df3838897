import { TestDatabases } from '@backstage/backend-test-utils';
import fc from 'fast-check';
import { Knex } from 'knex';
import { migrateDatabase } from '../database/migrateDatabase';
import { BASE, startApiStoreAccessBackend } from '../__testUtils__/testBackend';

jest.setTimeout(300_000);

const TABLES = [
  'sign_up_requests',
  'sign_up_request_events',
  'api_store_access_outbox',
  'api_store_access_members',
  'api_store_access_sessions',
  'api_store_access_registration_links',
  'api_store_access_settings',
];

/**
 * Outbox columns that the delivery worker updates in the background after an earlier,
 * accepted sign-up; they are not writes of the request under test.
 */
const DELIVERY_COLUMNS = [
  'status',
  'attempts',
  'next_attempt_at',
  'locked_until',
  'last_error',
  'subject',
  'sent_at',
];

/** Bodies that look like ours but are wrong in every way fast-check can think of. */
const bodies = fc.oneof(
  fc.anything(),
  fc.record(
    {
      email: fc.oneof(fc.string(), fc.emailAddress(), fc.anything()),
      displayName: fc.oneof(fc.string({ maxLength: 300 }), fc.anything()),
      password: fc.oneof(fc.string({ maxLength: 200 }), fc.anything()),
    },
    { requiredKeys: [] },
  ),
  fc.dictionary(fc.string(), fc.jsonValue()),
);

const routes = fc.constantFrom(
  { method: 'get', path: '/public/status' },
  { method: 'post', path: '/public/sign-ups' },
  { method: 'get', path: '/public/registrations/:token' },
  { method: 'post', path: '/public/registrations/:token' },
  { method: 'post', path: '/public/sessions' },
  { method: 'delete', path: '/public/sessions' },
);

const tokens = fc.oneof(
  fc.string({ minLength: 1, maxLength: 200 }),
  fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
  fc.constantFrom('%00', '..%2F..', '%E0%A4%A', 'a'.repeat(1000)),
);

describe('public routes under fuzzing (SQLite)', () => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3'],
    disableDocker: true,
  });
  let knex: Knex;
  let t: Awaited<ReturnType<typeof startApiStoreAccessBackend>>;

  beforeAll(async () => {
    knex = await databases.init('SQLITE_3');
    await migrateDatabase(knex);
    t = await startApiStoreAccessBackend(knex);
    await t.configure({ approvalProcess: 'admin' });
  });
  afterAll(() => t.backend.stop());

  async function snapshot() {
    const counts: Record<string, unknown> = {};
    for (const table of TABLES) {
      const rows: Record<string, unknown>[] = await knex(table).select('*');
      counts[table] =
        table === 'api_store_access_outbox'
          ? rows.map(row =>
              Object.fromEntries(
                Object.entries(row).filter(
                  ([column]) => !DELIVERY_COLUMNS.includes(column),
                ),
              ),
            )
          : rows;
    }
    return JSON.stringify(counts);
  }

  it('never answers 5xx, and writes nothing when it answers 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(routes, bodies, tokens, async (route, body, token) => {
        const before = await snapshot();
        const path = `${BASE}${route.path.replace(
          ':token',
          encodeURIComponent(token),
        )}`;
        const call = (t.http() as any)[route.method](path);
        const res =
          route.method === 'get'
            ? await call
            : await call
                .set('Content-Type', 'application/json')
                .send(JSON.stringify(body) ?? 'undefined');
        const refused = res.status >= 400;
        expect(res.status).toBeLessThan(500);
        expect(refused ? typeof res.body.error?.message : 'string').toBe(
          'string',
        );
        expect(refused ? await snapshot() : before).toBe(before);
      }),
      { numRuns: 300 },
    );
  });
});
