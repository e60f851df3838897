import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { startSmtpServer, TestSmtpServer } from '../__testUtils__/smtpServer';
import { testConfig, testEntities } from '../__testUtils__/testBackend';
import { migrateDatabase } from '../database/migrateDatabase';
import { createContext } from '../service/createContext';
import { createSmtpTransport } from './MailTransport';
import { OutboxDeliverer } from './OutboxDeliverer';
import { waitUntil } from '../__testUtils__/waitUntil';

jest.setTimeout(60_000);

function recordingLogger(lines: string[]): LoggerService {
  const record = (message: string, meta?: unknown) => {
    lines.push(`${message} ${meta ? JSON.stringify(meta) : ''}`);
  };
  const logger: LoggerService = {
    error: record,
    warn: record,
    info: record,
    debug: record,
    child: () => logger,
  };
  return logger;
}

describe.each(createTestDatabases().eachSupportedId())(
  'outbox delivery on %p',
  databaseId => {
    const databases = createTestDatabases();
    let knex: Knex;
    let smtp: TestSmtpServer;
    let logLines: string[];

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await migrateDatabase(knex);
      smtp = await startSmtpServer();
    });
    afterAll(() => smtp.stop());

    async function setUp(maxAttempts = 8) {
      await knex('api_store_access_registration_links').delete();
      await knex('api_store_access_outbox').delete();
      await knex('sign_up_request_events').delete();
      await knex('sign_up_requests').delete();
      smtp.messages.length = 0;
      logLines = [];
      const data = testConfig(smtp.port);
      (data.apiStoreAccess.email as any).maxAttempts = maxAttempts;
      const logger = recordingLogger(logLines);
      const ctx = createContext({
        db: knex,
        config: new ConfigReader(data),
        logger,
        auth: mockServices.auth(),
        httpAuth: mockServices.httpAuth(),
        permissions: mockServices.permissions.mock(),
        auditor: mockServices.auditor.mock(),
        catalog: catalogServiceMock({ entities: testEntities }),
      });
      const current = await ctx.settings.get();
      await ctx.settings.replace(
        {
          ...current,
          selfSignUpEnabled: true,
          approvalProcess: 'auto',
          signatureLine: 'API team',
          contactEmail: 'help@example.com',
        },
        current.version,
        'user:default/admin',
      );
      let offset = 0;
      const makeDeliverer = () =>
        new OutboxDeliverer({
          outbox: ctx.outbox,
          composer: ctx.composer,
          transport: createSmtpTransport(
            { host: '127.0.0.1', port: smtp.port },
            logger,
          ),
          logger,
          retry: { maxAttempts, initialDelayMs: 30_000 },
          now: () => Date.now() + offset,
        });
      return {
        ctx,
        makeDeliverer,
        advance: (ms: number) => {
          offset += ms;
        },
      };
    }

    it('keeps messages while SMTP is down and delivers each once after recovery', async () => {
      const { ctx, makeDeliverer, advance } = await setUp();
      const deliverer = makeDeliverer();
      for (let i = 0; i < 5; i++) {
        await ctx.workflow.submit({ email: `outage${i}@example.com` });
      }
      await smtp.stop();
      expect(await deliverer.deliverDue()).toBe(0);
      const waiting = await knex('api_store_access_outbox').orderBy('seq');
      expect(waiting.map(r => [r.status, Number(r.attempts)])).toEqual(
        Array(5).fill(['pending', 1]),
      );
      expect(waiting[0].last_error).toMatch(/ECONNREFUSED/);

      await smtp.start();
      advance(1_000);
      expect(await deliverer.deliverDue()).toBe(0);
      advance(30_000);
      expect(await deliverer.deliverDue()).toBe(5);
      advance(3600_000);
      expect(await deliverer.deliverDue()).toBe(0);

      const recipients = smtp.messages
        .map(m => (m.to as any).value[0].address)
        .sort();
      expect(recipients).toEqual(
        [0, 1, 2, 3, 4].map(i => `outage${i}@example.com`),
      );
      const sent = await knex('api_store_access_outbox').where({
        status: 'sent',
      });
      expect(sent).toHaveLength(5);
    });

    it('backs off exponentially and leaves a permanent failure visible', async () => {
      const { ctx, makeDeliverer, advance } = await setUp(3);
      const deliverer = makeDeliverer();
      await ctx.workflow.submit({ email: 'never@example.com' });
      await smtp.stop();
      try {
        await deliverer.deliverDue();
        const first = await knex('api_store_access_outbox').first();
        advance(25_000);
        await deliverer.deliverDue();
        expect(
          Number((await knex('api_store_access_outbox').first()).attempts),
        ).toBe(1);
        advance(5_000);
        await deliverer.deliverDue();
        const second = await knex('api_store_access_outbox').first();
        expect(Number(second.attempts)).toBe(2);
        const gap =
          Number(second.next_attempt_at) - Number(first.next_attempt_at);
        expect(gap).toBeGreaterThanOrEqual(60_000);
        expect(gap).toBeLessThan(65_000);
        advance(60_000);
        await deliverer.deliverDue();
        advance(1_000_000);
        await deliverer.deliverDue();
      } finally {
        await smtp.start();
      }
      const failed = await ctx.outbox.list({ status: 'failed', limit: 10 });
      expect(failed.totalCount).toBe(1);
      expect(failed.items[0]).toMatchObject({
        recipient: 'never@example.com',
        attempts: 3,
        status: 'failed',
      });
      advance(3600_000);
      expect(await makeDeliverer().deliverDue()).toBe(0);
      expect(smtp.messages).toHaveLength(0);
    });

    it('sends each message once with two workers on one database', async () => {
      const { ctx, makeDeliverer } = await setUp();
      for (let i = 0; i < 40; i++) {
        await ctx.workflow.submit({ email: `worker${i}@example.com` });
      }
      const [a, b] = await Promise.all([
        makeDeliverer().deliverDue(),
        makeDeliverer().deliverDue(),
      ]);
      expect(a + b).toBe(40);
      const recipients = smtp.messages.map(m => (m.to as any).value[0].address);
      expect(recipients).toHaveLength(40);
      expect(new Set(recipients).size).toBe(40);
    });

    it('claims and composes the next batch once the last emails of the one before are under way, not sooner', async () => {
      const { ctx } = await setUp();
      const count = 260;
      for (let first = 0; first < count; first += 20) {
        await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            ctx.workflow.submit({ email: `pipe${first + i}@example.com` }),
          ),
        );
      }
      const logger = recordingLogger(logLines);
      const smtpTransport = createSmtpTransport(
        { host: '127.0.0.1', port: smtp.port },
        logger,
      );
      // The first 240 emails go at once; the last ten of the first batch wait at the gate.
      let started = 0;
      let open!: () => void;
      const gate = new Promise<void>(resolve => {
        open = resolve;
      });
      const startedAtEachCompose: number[] = [];
      const compose = ctx.composer.composeBatch.bind(ctx.composer);
      jest
        .spyOn(ctx.composer, 'composeBatch')
        .mockImplementation((batch, at) => {
          startedAtEachCompose.push(started);
          return compose(batch, at);
        });
      const deliverer = new OutboxDeliverer({
        outbox: ctx.outbox,
        composer: ctx.composer,
        transport: {
          send: async email => {
            started += 1;
            if (started > 240) {
              await gate;
            }
            await smtpTransport.send(email);
          },
          close: () => smtpTransport.close(),
        },
        logger,
        retry: { maxAttempts: 8, initialDelayMs: 30_000 },
      });

      const delivering = deliverer.deliverDue();
      await waitUntil(
        () => startedAtEachCompose.length === 2,
        'the second batch is composed while the last emails of the first wait',
      );
      const claimed = await knex('api_store_access_outbox')
        .whereNotNull('locked_until')
        .count({ n: '*' });
      open();

      expect(startedAtEachCompose).toEqual([0, 250]);
      expect(Number(claimed[0].n)).toBe(count);
      expect(await delivering).toBe(count);
      const recipients = (await smtp.waitFor(count)).map(
        m => (m.to as any).value[0].address,
      );
      expect(new Set(recipients).size).toBe(count);
      smtpTransport.close();
    });

    it('loses nothing when a worker dies after claiming: another delivers after the lease', async () => {
      const { ctx, makeDeliverer, advance } = await setUp();
      for (let i = 0; i < 3; i++) {
        await ctx.workflow.submit({ email: `restart${i}@example.com` });
      }
      const claimedByTheDeadWorker = await ctx.outbox.claimDue(
        Date.now(),
        50,
        120_000,
      );
      expect(claimedByTheDeadWorker).toHaveLength(3);

      const survivor = makeDeliverer();
      expect(await survivor.deliverDue()).toBe(0);
      advance(121_000);
      expect(await survivor.deliverDue()).toBe(3);
      const recipients = smtp.messages
        .map(m => (m.to as any).value[0].address)
        .sort();
      expect(recipients).toEqual([0, 1, 2].map(i => `restart${i}@example.com`));
    });

    it('never logs a registration link, token or password', async () => {
      const { ctx, makeDeliverer } = await setUp();
      await ctx.workflow.submit({ email: 'keeper@example.com' });
      await makeDeliverer().deliverDue();
      const [mail] = await smtp.waitFor(1);
      const token = mail.text!.match(/register\/([A-Za-z0-9_-]+)/)![1];
      await ctx.registration.register(token, 'a secret passphrase here');
      const log = logLines.join('\n');
      expect(log).toContain('keeper@example.com');
      expect(log).not.toContain(token);
      expect(log).not.toContain('/api-store/register/');
      expect(log).not.toContain('a secret passphrase here');
    });

    it('sends a batch with one working link per request; a link resent before delivery supersedes the first email', async () => {
      const { ctx, makeDeliverer } = await setUp();
      for (let i = 0; i < 3; i++) {
        await ctx.workflow.submit({ email: `batch${i}@example.com` });
      }
      const [request] = await knex('sign_up_requests').where({
        email: 'batch0@example.com',
      });
      await ctx.workflow.resendLink(request.id, 'user:default/admin');

      expect(await makeDeliverer().deliverDue()).toBe(3);
      const mails = await smtp.waitFor(3);
      const tokens = mails.map(
        m => m.text!.match(/register\/([A-Za-z0-9_-]+)/)![1],
      );
      expect(new Set(tokens).size).toBe(3);
      const described = await Promise.all(
        tokens.map(token => ctx.registration.describe(token)),
      );
      expect(described.map(d => d.email).sort()).toEqual(
        [0, 1, 2].map(i => `batch${i}@example.com`),
      );
      const links = await knex('api_store_access_registration_links').where({
        request_id: request.id,
      });
      expect(links).toHaveLength(1);
      const failed = await ctx.outbox.list({ status: 'failed', limit: 10 });
      expect(failed.items.map(m => [m.recipient, m.lastError])).toEqual([
        [
          'batch0@example.com',
          'Not sent: a newer email for this request carries its link',
        ],
      ]);
    });

    async function useAdminApproval(
      ctx: Awaited<ReturnType<typeof setUp>>['ctx'],
    ) {
      const current = await ctx.settings.get();
      await ctx.settings.replace(
        { ...current, approvalProcess: 'admin' },
        current.version,
        'user:default/admin',
      );
    }

    it('gathers the admin notifications of one round into one digest for the admin, and marks each sent', async () => {
      const { ctx } = await setUp();
      await useAdminApproval(ctx);
      await ctx.workflow.submit({
        email: 'first@example.com',
        displayName: 'First One',
      });
      await ctx.workflow.submit({ email: 'second@example.com' });
      await ctx.workflow.submit({ email: 'third@example.com' });
      const delivered: Array<[string, number]> = [];
      const deliverer = new OutboxDeliverer({
        outbox: ctx.outbox,
        composer: ctx.composer,
        transport: createSmtpTransport(
          { host: '127.0.0.1', port: smtp.port },
          recordingLogger(logLines),
        ),
        logger: recordingLogger(logLines),
        retry: { maxAttempts: 8, initialDelayMs: 30_000 },
        onDelivered: covers =>
          delivered.push([covers[0].recipient, covers.length]),
      });

      expect(await deliverer.deliverDue()).toBe(3);
      const [digest] = await smtp.waitFor(1);
      expect(smtp.messages).toHaveLength(1);
      expect(digest.to).toMatchObject({ text: 'admin@example.com' });
      expect(digest.subject).toBe('3 new sign-up requests await your approval');
      expect(digest.text).toContain('- First One (first@example.com)');
      expect(digest.text).toContain(
        '- second@example.com (second@example.com)',
      );
      expect(digest.html).toContain('third@example.com');
      expect(digest.text).toContain(
        'http://portal.test/api-store-access/approval-tasks',
      );
      expect(delivered).toEqual([['user:default/admin', 3]]);
      expect(logLines).toContainEqual(
        expect.stringContaining(
          'Sent 1 email for 3 outbox messages (3 admin-notification)',
        ),
      );
      const rows = await knex('api_store_access_outbox');
      expect(rows.map(r => [r.status, r.subject])).toEqual(
        Array(3).fill(['sent', '3 new sign-up requests await your approval']),
      );

      await ctx.workflow.submit({ email: 'later@example.com' });
      expect(await deliverer.deliverDue()).toBe(1);
      const [single] = (await smtp.waitFor(2)).slice(1);
      expect(single.subject).toBe('New sign-up request from later@example.com');
    });

    it('retries an admin notification whose admin the catalog does not know yet', async () => {
      const { ctx, makeDeliverer } = await setUp();
      const current = await ctx.settings.get();
      await ctx.settings.replace(
        { ...current, approvalProcess: 'admin' },
        current.version,
        'user:default/not-yet-ingested',
      );
      await ctx.workflow.submit({ email: 'early@example.com' });
      expect(await makeDeliverer().deliverDue()).toBe(0);
      const [row] = await knex('api_store_access_outbox');
      expect([row.status, Number(row.attempts), row.last_error]).toEqual([
        'pending',
        1,
        'No email address found for user:default/not-yet-ingested in the catalog',
      ]);
      expect(Number(row.next_attempt_at)).toBeGreaterThan(Date.now() + 25_000);
    });

    it('sends one admin notification per request when a customised template cannot list several', async () => {
      const { ctx, makeDeliverer } = await setUp();
      await useAdminApproval(ctx);
      await ctx.templates.put(
        'admin-notification',
        {
          subject: 'Please review {{ email }}',
          html: '<p>{{ email }} wants in.</p>',
          text: '{{ email }} wants in.',
          logoUrl: '',
        },
        'user:default/admin',
      );
      try {
        await ctx.workflow.submit({ email: 'one@example.com' });
        await ctx.workflow.submit({ email: 'two@example.com' });
        expect(await makeDeliverer().deliverDue()).toBe(2);
        const mails = await smtp.waitFor(2);
        expect(mails.map(m => m.subject).sort()).toEqual([
          'Please review one@example.com',
          'Please review two@example.com',
        ]);
      } finally {
        await knex('api_store_access_email_templates').delete();
      }
    });

    it('records a failure shared by several messages in one go, each with its own attempt count', async () => {
      const { ctx, makeDeliverer, advance } = await setUp();
      for (let i = 0; i < 3; i++) {
        await ctx.workflow.submit({ email: `down${i}@example.com` });
      }
      await smtp.stop();
      try {
        expect(await makeDeliverer().deliverDue()).toBe(0);
      } finally {
        await smtp.start();
      }
      const rows = await knex('api_store_access_outbox').orderBy('seq');
      expect(
        rows.map(r => [
          r.status,
          Number(r.attempts),
          r.last_error.includes('ECONNREFUSED'),
        ]),
      ).toEqual(Array(3).fill(['pending', 1, true]));
      expect(new Set(rows.map(r => Number(r.next_attempt_at))).size).toBe(1);
      const warnings = logLines.filter(line =>
        line.includes('retrying in 30 s'),
      );
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^Emails .*attempt 1.*attempt 1.*attempt 1/);
      advance(30_000);
      expect(await makeDeliverer().deliverDue()).toBe(3);
    });

    it('turns an approved request whose link expired unused into expired', async () => {
      const { ctx, makeDeliverer } = await setUp();
      await ctx.workflow.submit({ email: 'stale@example.com' });
      await makeDeliverer().deliverDue();
      expect(await ctx.workflow.expireStaleLinks()).toBe(0);
      await knex('api_store_access_registration_links').update({
        expires_at: Date.now() - 1,
      });
      expect(await ctx.workflow.expireStaleLinks()).toBe(1);
      expect(await ctx.workflow.expireStaleLinks()).toBe(0);
      const [row] = await knex('sign_up_requests').where({
        email: 'stale@example.com',
      });
      expect(row.status).toBe('expired');
    });
  },
);
