import { mockCredentials } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { startSmtpServer, TestSmtpServer } from '../__testUtils__/smtpServer';
import { migrateDatabase } from '../database/migrateDatabase';
import {
  as,
  BASE,
  startApiStoreAccessBackend,
} from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

const PASSWORD = 'a sturdy member passphrase';
const service = { Authorization: mockCredentials.service.header() };

describe.each(createTestDatabases().eachSupportedId())(
  'member sessions on %p',
  databaseId => {
    const databases = createTestDatabases();
    let knex: Knex;
    let smtp: TestSmtpServer;
    let t: Awaited<ReturnType<typeof startApiStoreAccessBackend>>;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await migrateDatabase(knex);
      smtp = await startSmtpServer();
      t = await startApiStoreAccessBackend(knex, smtp.port);
    });
    afterAll(async () => {
      await t.backend.stop();
      await smtp.stop();
    });
    beforeEach(async () => {
      await knex('api_store_access_sessions').delete();
      await t.reset();
      smtp.messages.length = 0;
      await t.configure({ approvalProcess: 'auto' });
    });

    async function registerMember(email: string) {
      await t.signUp(email);
      const mail = await smtp.waitFor(smtp.messages.length + 1);
      const token = mail[mail.length - 1].text!.match(
        /register\/([A-Za-z0-9_-]+)/,
      )![1];
      const res = await t
        .http()
        .post(`${BASE}/public/registrations/${token}`)
        .send({ password: PASSWORD });
      expect(res.status).toBe(201);
      return (await knex('api_store_access_members').where({ email }).first())
        .id as string;
    }

    const signIn = (email: string, password: string) =>
      t.http().post(`${BASE}/public/sessions`).send({ email, password });
    const cookieOf = (res: { headers: Record<string, any> }) =>
      (res.headers['set-cookie'] as string[])[0].split(';')[0];
    const resolve = (
      cookie: string,
      headers: Record<string, string> = service,
    ) =>
      t
        .http()
        .post(`${BASE}/internal/sessions/resolve`)
        .set(headers)
        .send({ token: decodeURIComponent(cookie.split('=')[1]) });

    it('signs a member in with an HttpOnly cookie that resolves to the member', async () => {
      const id = await registerMember('mia@example.com');
      const res = await signIn(' Mia@Example.com ', PASSWORD);
      expect(res.status).toBe(204);
      const [setCookie] = res.headers['set-cookie'] as unknown as string[];
      expect(setCookie).toMatch(/^api-store-member-session=[A-Za-z0-9_-]{43};/);
      expect(setCookie).toMatch(/; Path=\/api;/);
      expect(setCookie).toMatch(/; HttpOnly/);
      expect(setCookie).toMatch(/; SameSite=Lax/);
      expect(setCookie).not.toMatch(/Secure/);
      const expires = new Date(
        setCookie.match(/Expires=([^;]+)/)![1],
      ).getTime();
      expect(expires - Date.now()).toBeGreaterThan(11.9 * 3600_000);

      const cookie = cookieOf(res);
      const member = await resolve(cookie);
      expect(member.status).toBe(200);
      expect(member.body).toMatchObject({
        id,
        email: 'mia@example.com',
        status: 'active',
      });
      expect((await resolve(cookie, as.admin)).status).toBe(403);
      const stored = JSON.stringify(await knex('api_store_access_sessions'));
      expect(stored).not.toContain(decodeURIComponent(cookie.split('=')[1]));

      const out = await t
        .http()
        .delete(`${BASE}/public/sessions`)
        .set('Cookie', cookie);
      expect(out.status).toBe(204);
      expect((await resolve(cookie)).status).toBe(401);
    });

    it('answers wrong password, unknown email, disabled and locked members alike', async () => {
      const id = await registerMember('same@example.com');
      await registerMember('gone@example.com');
      const answers = [
        await signIn('same@example.com', 'not the right passphrase'),
        await signIn('nobody@example.com', PASSWORD),
      ];
      const goneId = (
        await knex('api_store_access_members')
          .where({ email: 'gone@example.com' })
          .first()
      ).id;
      await t.http().post(`${BASE}/members/${goneId}/disable`).set(as.admin);
      answers.push(await signIn('gone@example.com', PASSWORD));
      await knex('api_store_access_members')
        .where({ id })
        .update({ locked_until: Date.now() + 60_000 });
      answers.push(await signIn('same@example.com', PASSWORD));

      expect(answers.map(a => a.status)).toEqual([401, 401, 401, 401]);
      expect(new Set(answers.map(a => JSON.stringify(a.body.error))).size).toBe(
        1,
      );
      expect(answers[0].body.error).toEqual({
        name: 'AuthenticationError',
        message: 'Incorrect email or password',
      });
      expect(answers.every(a => a.headers['set-cookie'] === undefined)).toBe(
        true,
      );
    });

    it('locks a member after 10 failures within 15 minutes, for 15 minutes', async () => {
      const id = await registerMember('target@example.com');
      for (let i = 0; i < 9; i++) {
        expect(
          (await signIn('target@example.com', `wrong guess ${i}`)).status,
        ).toBe(401);
      }
      expect((await signIn('target@example.com', PASSWORD)).status).toBe(204);
      for (let i = 0; i < 10; i++) {
        await signIn('target@example.com', `wrong guess ${i}`);
      }
      expect((await signIn('target@example.com', PASSWORD)).status).toBe(401);
      const row = await knex('api_store_access_members').where({ id }).first();
      const lockedFor = Number(row.locked_until) - Date.now();
      expect(lockedFor).toBeGreaterThan(14 * 60_000);
      expect(lockedFor).toBeLessThanOrEqual(15 * 60_000);

      await knex('api_store_access_members')
        .where({ id })
        .update({ locked_until: Date.now() - 1 });
      expect((await signIn('target@example.com', PASSWORD)).status).toBe(204);
    });

    it('starts the count anew when earlier failures are outside the window', async () => {
      const id = await registerMember('slow@example.com');
      for (let i = 0; i < 9; i++) {
        await signIn('slow@example.com', `wrong guess ${i}`);
      }
      await knex('api_store_access_members')
        .where({ id })
        .update({ first_failed_at: Date.now() - 16 * 60_000 });
      await signIn('slow@example.com', 'one more wrong guess');
      const row = await knex('api_store_access_members').where({ id }).first();
      expect(Number(row.failed_attempts)).toBe(1);
      expect(row.locked_until).toBeNull();
    });

    it('ends every session of a member who is disabled, at once', async () => {
      const id = await registerMember('leaver@example.com');
      const first = cookieOf(await signIn('leaver@example.com', PASSWORD));
      const second = cookieOf(await signIn('leaver@example.com', PASSWORD));
      expect((await resolve(first)).status).toBe(200);
      const res = await t
        .http()
        .post(`${BASE}/members/${id}/disable`)
        .set(as.admin);
      expect(res.body).toMatchObject({ id, status: 'disabled' });
      expect((await resolve(first)).status).toBe(401);
      expect((await resolve(second)).status).toBe(401);
    });

    it('lists member changes to backend plugins only', async () => {
      const before = Date.now();
      const id = await registerMember('listed@example.com');
      const all = await t.http().get(`${BASE}/internal/members`).set(service);
      expect(all.status).toBe(200);
      expect(all.body.items).toEqual([
        expect.objectContaining({
          id,
          email: 'listed@example.com',
          status: 'active',
        }),
      ]);
      expect(all.body.now).toBeGreaterThanOrEqual(before);
      const later = await t
        .http()
        .get(`${BASE}/internal/members`)
        .query({ updatedSince: all.body.now + 1 })
        .set(service);
      expect(later.body.items).toEqual([]);
      expect(
        (await t.http().get(`${BASE}/internal/members`).set(as.admin)).status,
      ).toBe(403);
    });
  },
);
