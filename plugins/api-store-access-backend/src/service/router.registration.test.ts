import { Knex } from 'knex';
import { ParsedMail } from 'mailparser';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { startSmtpServer, TestSmtpServer } from '../__testUtils__/smtpServer';
import { waitUntil } from '../__testUtils__/waitUntil';
import { migrateDatabase } from '../database/migrateDatabase';
import {
  APP_BASE_URL,
  as,
  BASE,
  startApiStoreAccessBackend,
} from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

const LINK = new RegExp(
  `${APP_BASE_URL}/api-store/register/([A-Za-z0-9_-]{43})`,
);

function tokenOf(mail: ParsedMail): string {
  const match = mail.text?.match(LINK);
  if (!match) {
    throw new Error(`No registration link in: ${mail.text}`);
  }
  return match[1];
}

describe.each(createTestDatabases().eachSupportedId())(
  'emails and registration on %p',
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
      await t.reset();
      smtp.messages.length = 0;
    });

    const register = (token: string, body: object) =>
      t.http().post(`${BASE}/public/registrations/${token}`).send(body);

    it('sends a welcome email with a working one-time link on automatic approval', async () => {
      await t.configure({
        approvalProcess: 'auto',
        signatureLine: 'Acme API Team',
      });
      await t.signUp('New.Dev@Example.com', 'New Dev');
      const [mail] = await smtp.waitFor(1);

      expect(mail.from?.value).toEqual([
        { name: 'Acme API Team', address: 'no-reply@portal.test' },
      ]);
      expect(mail.replyTo?.value).toEqual([
        { name: '', address: 'api-team@example.com' },
      ]);
      expect(mail.to).toMatchObject({
        value: [{ address: 'new.dev@example.com' }],
      });
      expect(mail.subject).toBe(
        'Welcome to Test Portal: complete your registration',
      );
      expect(mail.text).toContain('api-team@example.com');
      expect(mail.html).toContain('api-team@example.com');
      const token = tokenOf(mail);
      expect(mail.html).toContain(
        `${APP_BASE_URL}/api-store/register/${token}`,
      );

      const info = await t.http().get(`${BASE}/public/registrations/${token}`);
      expect(info.status).toBe(200);
      expect(info.body).toMatchObject({
        email: 'new.dev@example.com',
        displayName: 'New Dev',
      });
      expect(
        new Date(info.body.expiresAt).getTime() - Date.now(),
      ).toBeGreaterThan(71 * 3600_000);

      const stored = JSON.stringify([
        await knex('api_store_access_registration_links'),
        await knex('api_store_access_outbox'),
      ]);
      expect(stored).not.toContain(token);
      const [outbox] = await knex('api_store_access_outbox');
      expect(outbox).toMatchObject({
        status: 'sent',
        kind: 'welcome',
        subject: mail.subject,
      });
    });

    it('registers once with a good password, refusing weak ones by rule', async () => {
      await t.configure({ approvalProcess: 'auto' });
      const request = await t.signUp('ada.lovelace@example.com');
      const token = tokenOf((await smtp.waitFor(1))[0]);

      const weak: Array<[string, RegExp]> = [
        ['short', /at least 12 characters/],
        ['x'.repeat(129), /at most 128 characters/],
        ['my-ada.lovelace-pass', /must not contain your email address/],
        ['ADA.LOVELACE@EXAMPLE.COM!', /must not contain your email address/],
        ['qwerty123456', /too common/],
      ];
      for (const [password, rule] of weak) {
        const res = await register(token, { password });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(rule);
      }
      expect(await knex('api_store_access_members')).toHaveLength(0);

      const done = await register(token, {
        password: 'correct horse battery staple',
        displayName: 'Ada',
      });
      expect(done.status).toBe(201);
      expect(done.body).toEqual({ email: 'ada.lovelace@example.com' });
      const [member] = await knex('api_store_access_members');
      expect(member).toMatchObject({
        email: 'ada.lovelace@example.com',
        display_name: 'Ada',
        status: 'active',
      });
      expect(member.password_hash).toMatch(/^scrypt\$131072\$8\$1\$/);
      expect(member.password_hash).not.toContain('correct horse');

      const read = await t
        .http()
        .get(`${BASE}/sign-up-requests/${request.id}`)
        .set(as.admin);
      expect(read.body.status).toBe('registered');
      expect(read.body.history.map((e: any) => e.action)).toEqual([
        'submitted',
        'approved',
        'registered',
      ]);

      const again = await register(token, {
        password: 'another good passphrase',
      });
      expect(again.status).toBe(410);
      expect(again.body.error.message).toMatch(/already used/);
      expect(
        (await t.http().get(`${BASE}/public/registrations/${token}`)).status,
      ).toBe(410);
      expect(
        (await t.http().get(`${BASE}/public/registrations/${'A'.repeat(43)}`))
          .status,
      ).toBe(404);
    });

    it('lets exactly one of 20 parallel registrations with one token through', async () => {
      await t.configure({ approvalProcess: 'auto' });
      await t.signUp('race@example.com');
      const token = tokenOf((await smtp.waitFor(1))[0]);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          register(token, { password: `a long passphrase number ${i}` }),
        ),
      );
      const statuses = results.map(r => r.status).sort();
      expect(statuses.filter(s => s === 201)).toHaveLength(1);
      expect(statuses.filter(s => s === 410)).toHaveLength(19);
      expect(await knex('api_store_access_members')).toHaveLength(1);
    });

    it('notifies the admin who configured sign-up, or every admin when asked', async () => {
      await t.configure({ approvalProcess: 'admin', notifyAllAdmins: false });
      await t.signUp('waiting@example.com', 'Wai Ting');
      const [mail] = await smtp.waitFor(1);
      expect(mail.to).toMatchObject({
        value: [{ address: 'admin@example.com' }],
      });
      expect(mail.subject).toBe('New sign-up request from waiting@example.com');
      expect(mail.text).toContain(
        `${APP_BASE_URL}/api-store-access/approval-tasks`,
      );

      await waitUntil(
        () => t.notificationsSent.length === 1,
        'admins were notified',
      );
      expect(t.notificationsSent).toEqual([
        {
          recipients: { type: 'entity', entityRef: ['user:default/admin'] },
          payload: expect.objectContaining({
            title: 'New sign-up request from waiting@example.com',
            link: '/api-store-access/approval-tasks',
          }),
        },
      ]);

      await t.configure({ notifyAllAdmins: true });
      await t.signUp('second@example.com');
      const [, toAll] = await smtp.waitFor(2);
      const addresses = (toAll.to as any).value
        .map((v: any) => v.address)
        .sort();
      expect(addresses).toEqual([
        'admin@example.com',
        'other.admin@example.com',
      ]);
      await waitUntil(
        () => t.notificationsSent.length === 2,
        'all admins were notified',
      );
      expect(t.notificationsSent[1].recipients).toEqual({
        type: 'entity',
        entityRef: ['group:default/api-store-admins'],
      });
    });

    it('sends the welcome email when an admin approves, and a rejection with the reason when enabled', async () => {
      await t.configure({ approvalProcess: 'admin', sendRejectionEmail: true });
      const yes = await t.signUp('yes@example.com');
      const no = await t.signUp('no@example.com');
      for (const id of [yes.id, no.id]) {
        await t
          .http()
          .post(`${BASE}/sign-up-requests/${id}/start`)
          .set(as.admin);
      }
      await t
        .http()
        .post(`${BASE}/sign-up-requests/${yes.id}/complete`)
        .set(as.admin)
        .send({ decision: 'approve' });
      await t
        .http()
        .post(`${BASE}/sign-up-requests/${no.id}/complete`)
        .set(as.admin)
        .send({ decision: 'reject', reason: 'Partners only <for now>' });
      // The admins' notice of the two sign-ups may come as one digest or as two emails.
      const addressOf = (m: (typeof smtp.messages)[number]) =>
        (m.to as any).value[0].address;
      await waitUntil(
        () =>
          ['yes@example.com', 'no@example.com'].every(address =>
            smtp.messages.some(m => addressOf(m) === address),
          ),
        'the welcome and the rejection email arrived',
      );
      const byRecipient = Object.fromEntries(
        smtp.messages.map(m => [addressOf(m), m]),
      );
      expect(tokenOf(byRecipient['yes@example.com'])).toHaveLength(43);
      expect(byRecipient['no@example.com'].text).toContain(
        'Reason: Partners only <for now>',
      );
      expect(byRecipient['no@example.com'].html).toContain(
        'Partners only &lt;for now&gt;',
      );
    });

    it('sends no rejection email while that setting is off', async () => {
      await t.configure({
        approvalProcess: 'admin',
        sendRejectionEmail: false,
      });
      const no = await t.signUp('quiet@example.com');
      await smtp.waitFor(1);
      await t
        .http()
        .post(`${BASE}/sign-up-requests/${no.id}/start`)
        .set(as.admin);
      await t
        .http()
        .post(`${BASE}/sign-up-requests/${no.id}/complete`)
        .set(as.admin)
        .send({ decision: 'reject' });
      expect(
        await knex('api_store_access_outbox').where({ kind: 'rejection' }),
      ).toHaveLength(0);
    });

    it('resends a fresh link and voids the old one', async () => {
      await t.configure({ approvalProcess: 'auto' });
      const request = await t.signUp('resend@example.com');
      const oldToken = tokenOf((await smtp.waitFor(1))[0]);
      const res = await t
        .http()
        .post(`${BASE}/sign-up-requests/${request.id}/resend-link`)
        .set(as.admin);
      expect(res.status).toBe(200);
      const newToken = tokenOf((await smtp.waitFor(2))[1]);
      expect(newToken).not.toBe(oldToken);
      const old = await t
        .http()
        .get(`${BASE}/public/registrations/${oldToken}`);
      expect(old.status).toBe(410);
      expect(old.body.error.message).toMatch(/replaced by a newer one/);
      expect(
        (await t.http().get(`${BASE}/public/registrations/${newToken}`)).status,
      ).toBe(200);
      expect(res.body.history.map((e: any) => e.action)).toContain(
        'link-resent',
      );
    });

    it('expires an unused link: 410, and the request can be sent a new one', async () => {
      await t.configure({ approvalProcess: 'auto' });
      const request = await t.signUp('late@example.com');
      const token = tokenOf((await smtp.waitFor(1))[0]);
      await knex('api_store_access_registration_links').update({
        expires_at: Date.now() - 1000,
      });
      const res = await t.http().get(`${BASE}/public/registrations/${token}`);
      expect(res.status).toBe(410);
      expect(res.body.error.message).toMatch(/expired/);
      expect(
        (await register(token, { password: 'a perfectly fine passphrase' }))
          .status,
      ).toBe(410);

      const resent = await t
        .http()
        .post(`${BASE}/sign-up-requests/${request.id}/resend-link`)
        .set(as.admin);
      expect(resent.status).toBe(200);
      const fresh = tokenOf((await smtp.waitFor(2))[1]);
      expect(
        (await register(fresh, { password: 'a perfectly fine passphrase' }))
          .status,
      ).toBe(201);
    });

    it('invites addresses even while self sign-up is disabled, not mailing active ones twice', async () => {
      await t.configure({ approvalProcess: 'admin' });
      await t.signUp('already@example.com');
      await smtp.waitFor(1);
      await t.configure({ selfSignUpEnabled: false });

      const res = await t
        .http()
        .post(`${BASE}/invitations`)
        .set(as.admin)
        .send({
          emails: [
            'Guest.One@example.com',
            'guest.two@example.com',
            'already@example.com',
            'guest.one@example.com',
          ],
        });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        invited: ['guest.one@example.com', 'guest.two@example.com'],
        alreadyActive: ['already@example.com'],
      });
      const mails = (await smtp.waitFor(3)).slice(1);
      expect(mails.map(m => m.subject)).toEqual([
        'You are invited to Test Portal',
        'You are invited to Test Portal',
      ]);
      const token = tokenOf(mails[0]);
      expect(
        (await register(token, { password: 'invited member passphrase' }))
          .status,
      ).toBe(201);
      const list = await t
        .http()
        .get(`${BASE}/sign-up-requests`)
        .query({ q: 'guest.' })
        .set(as.admin);
      expect(list.body.items.map((i: any) => i.source)).toEqual([
        'invitation',
        'invitation',
      ]);
      const invitations = await t
        .http()
        .get(`${BASE}/sign-up-requests`)
        .query({ source: 'invitation' })
        .set(as.admin);
      expect(invitations.body.items.map((i: any) => i.email)).toEqual([
        'guest.two@example.com',
        'guest.one@example.com',
      ]);

      const bad = await t
        .http()
        .post(`${BASE}/invitations`)
        .set(as.admin)
        .send({ emails: ['ok@example.com', 'nope'] });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/"nope"/);
      expect(
        await knex('sign_up_requests').where({ email: 'ok@example.com' }),
      ).toHaveLength(0);
    });

    it('edits, refuses and previews templates, escaping what registrants type', async () => {
      const list = await t.http().get(`${BASE}/email-templates`).set(as.admin);
      expect(list.body.items.map((i: any) => [i.kind, i.customized])).toEqual([
        ['admin-notification', false],
        ['welcome', false],
        ['rejection', false],
        ['invitation', false],
      ]);
      const welcome = list.body.items[1];
      const broken = await t
        .http()
        .put(`${BASE}/email-templates/welcome`)
        .set(as.admin)
        .send({
          subject: 'Hi',
          html: '<p>\n{% if %}</p>',
          text: 'x',
          logoUrl: '',
        });
      expect(broken.status).toBe(400);
      expect(broken.body.error.message).toMatch(
        /html template does not compile: \[Line 2, Column/,
      );

      const saved = await t
        .http()
        .put(`${BASE}/email-templates/welcome`)
        .set(as.admin)
        .send({
          subject: 'Hello {{ displayName }} from {{ portalTitle }}',
          html: `<img src="{{ logoUrl }}"><p>Hi {{ displayName }}</p>${welcome.html}`,
          text: 'Hi {{ displayName }}: {{ link }}',
          logoUrl: 'https://cdn.example.com/logo.png',
        });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({
        customized: true,
        updatedBy: 'user:default/admin',
      });

      const preview = await t
        .http()
        .post(`${BASE}/email-templates/welcome/preview`)
        .set(as.admin)
        .send({
          subject: 'Hi {{ displayName }}',
          html: '<b>{{ email }}</b>',
          text: '{{ link }}',
          logoUrl: '',
        });
      expect(preview.body).toEqual({
        subject: 'Hi Jane Doe',
        html: '<b>jane.doe@example.com</b>',
        text: `${APP_BASE_URL}/api-store/register/sample-token`,
      });

      await t.configure({ approvalProcess: 'auto' });
      await t.signUp(
        'mallory@example.com',
        '{{ link }}<script>alert(1)</script>',
      );
      const [mail] = await smtp.waitFor(1);
      expect(mail.subject).toBe(
        'Hello {{ link }}<script>alert(1)</script> from Test Portal',
      );
      expect(mail.html).toContain(
        '<p>Hi {{ link }}&lt;script&gt;alert(1)&lt;/script&gt;</p>',
      );
      expect(mail.html).not.toContain('<script>');
      expect(mail.html).toContain('src="https://cdn.example.com/logo.png"');
    });
  },
);
