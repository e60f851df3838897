import knexFactory, { Knex } from 'knex';
import { migrateDatabase } from '../database/migrateDatabase';
import { startTcpProxy, TcpProxy } from '../__testUtils__/tcpProxy';
import { BASE, startApiStoreAccessBackend } from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(120_000);

describe('PostgreSQL connection loss under load', () => {
  const databases = createTestDatabases();
  let direct: Knex;
  let proxied: Knex;
  let proxy: TcpProxy;
  let t: Awaited<ReturnType<typeof startApiStoreAccessBackend>>;

  beforeAll(async () => {
    direct = await databases.init('POSTGRES_15');
    await migrateDatabase(direct);
    const connection = direct.client.config
      .connection as Knex.PgConnectionConfig;
    const url = new URL(
      process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING!,
    );
    proxy = await startTcpProxy({
      host: url.hostname,
      port: Number(url.port || 5432),
    });
    proxied = knexFactory({
      client: 'pg',
      connection: { ...connection, host: '127.0.0.1', port: proxy.port },
      pool: {
        min: 0,
        max: 5,
        acquireTimeoutMillis: 2_000,
        createTimeoutMillis: 2_000,
      },
      acquireConnectionTimeout: 2_000,
    });
    t = await startApiStoreAccessBackend(proxied);
    await t.configure({ approvalProcess: 'admin' });
  });
  afterAll(async () => {
    await t.backend.stop();
    await proxied.destroy();
    await proxy.close();
  });

  const signUp = (email: string) =>
    t.http().post(`${BASE}/public/sign-ups`).send({ email });

  it('answers 503 while the database is gone, recovers without a restart, and loses no accepted sign-up', async () => {
    const accepted: string[] = [];
    const record = async (email: string) => {
      const res = await signUp(email);
      if (res.status === 202) accepted.push(email);
      return res.status;
    };

    const before = await Promise.all(
      Array.from({ length: 20 }, (_, i) => record(`before${i}@example.com`)),
    );
    expect(new Set(before)).toEqual(new Set([202]));

    await proxy.cut();
    const during = await Promise.all(
      Array.from({ length: 10 }, (_, i) => record(`during${i}@example.com`)),
    );
    expect(new Set(during)).toEqual(new Set([503]));
    const refused = await signUp('probe@example.com');
    expect(refused.status).toBe(503);
    expect(refused.body.error.name).toBe('ServiceUnavailableError');

    await proxy.restore();
    const after = await Promise.all(
      Array.from({ length: 20 }, (_, i) => record(`after${i}@example.com`)),
    );
    expect(new Set(after)).toEqual(new Set([202]));

    const stored = await direct('sign_up_requests').pluck('email');
    expect(stored.sort()).toEqual([...accepted].sort());
    expect(stored).toHaveLength(40);
  });
});
