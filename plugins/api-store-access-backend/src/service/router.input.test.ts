import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { migrateDatabase } from '../database/migrateDatabase';
import {
  as,
  BASE,
  startApiStoreAccessBackend,
} from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

describe.each(createTestDatabases().eachSupportedId())(
  'bad input on %p',
  databaseId => {
    const databases = createTestDatabases();
    let knex: Knex;
    let t: Awaited<ReturnType<typeof startApiStoreAccessBackend>>;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await migrateDatabase(knex);
      t = await startApiStoreAccessBackend(knex);
    });
    afterAll(() => t.backend.stop());
    beforeEach(async () => {
      await t.reset();
      await t.configure({});
    });

    const signUps: Array<[string, unknown, RegExp]> = [
      [
        'a missing email',
        { displayName: 'Jo' },
        /must have required property 'email'/,
      ],
      ['a malformed email', { email: 'jo@' }, /email must be an email address/],
      [
        'an email with spaces inside',
        { email: 'j o@example.com' },
        /email must be an email address/,
      ],
      [
        'an email without a dotted domain',
        { email: 'jo@localhost' },
        /email must be an email address/,
      ],
      [
        'an unknown field',
        { email: 'jo@example.com', role: 'admin' },
        /must NOT have additional properties/,
      ],
      [
        'an email over its limit',
        { email: `${'a'.repeat(320)}@example.com` },
        /email must NOT have more than 320 characters/,
      ],
      [
        'a display name over its limit',
        { email: 'jo@example.com', displayName: 'x'.repeat(101) },
        /displayName must NOT have more than 100 characters/,
      ],
      ['a wrong type', { email: ['jo@example.com'] }, /email must be string/],
      [
        'an empty email',
        { email: '' },
        /email must NOT have fewer than 1 characters/,
      ],
    ];

    it.each(signUps)(
      'refuses a sign-up with %s, writing nothing',
      async (_case, body, message) => {
        const res = await t
          .http()
          .post(`${BASE}/public/sign-ups`)
          .send(body as object);
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('InputError');
        expect(res.body.error.message).toMatch(message);
        expect(res.body.response).toEqual({ statusCode: 400 });
        expect((await t.rowCounts()).requests).toBe(0);
      },
    );

    it('refuses a body over 64 KB with 413, writing nothing', async () => {
      const res = await t
        .http()
        .post(`${BASE}/public/sign-ups`)
        .send({ email: 'jo@example.com', displayName: 'x'.repeat(70 * 1024) });
      expect(res.status).toBe(413);
      expect(res.body.error).toMatchObject({
        name: 'PayloadTooLargeError',
        message: 'The request body is over the limit of 64 KB',
      });
      expect((await t.rowCounts()).requests).toBe(0);
    });

    it('refuses a body that is not JSON', async () => {
      const res = await t
        .http()
        .post(`${BASE}/public/sign-ups`)
        .set('Content-Type', 'application/json')
        .send('{"email": ');
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/not valid JSON/);
      expect((await t.rowCounts()).requests).toBe(0);
    });

    const completions: Array<[string, unknown, RegExp]> = [
      ['no decision', {}, /must have required property 'decision'/],
      [
        'an unknown decision',
        { decision: 'maybe' },
        /decision must be equal to one of the allowed values/,
      ],
      [
        'a reason over its limit',
        { decision: 'reject', reason: 'x'.repeat(1001) },
        /reason must NOT have more than 1000 characters/,
      ],
      [
        'an unknown field',
        { decision: 'approve', notify: false },
        /must NOT have additional properties/,
      ],
    ];

    it.each(completions)(
      'refuses a completion with %s, changing nothing',
      async (_case, body, message) => {
        const { id } = await t.signUp('task@example.com');
        await t
          .http()
          .post(`${BASE}/sign-up-requests/${id}/start`)
          .set(as.admin);
        const before = await t.rowCounts();
        const res = await t
          .http()
          .post(`${BASE}/sign-up-requests/${id}/complete`)
          .set(as.admin)
          .send(body as object);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(message);
        expect(await t.rowCounts()).toEqual(before);
        const [row] = await knex('sign_up_requests').where({ id });
        expect(row.status).toBe('in_review');
      },
    );

    const settingsUpdates: Array<[string, Record<string, unknown>, RegExp]> = [
      [
        'no version',
        { selfSignUpEnabled: false },
        /must have required property 'version'/,
      ],
      [
        'a wrong type',
        { selfSignUpEnabled: 'yes' },
        /selfSignUpEnabled must be boolean/,
      ],
      [
        'an unknown approval process',
        { approvalProcess: 'sometimes' },
        /approvalProcess must be equal to one of the allowed values/,
      ],
      [
        'an unknown field',
        { smtpPassword: 'x' },
        /must NOT have additional properties/,
      ],
      [
        'a malformed contact email',
        { contactEmail: 'help' },
        /contactEmail must be an email address/,
      ],
      [
        'a signature line over its limit',
        { signatureLine: 'x'.repeat(101) },
        /signatureLine must NOT have more than 100 characters/,
      ],
      [
        'an empty signature line while enabled',
        { signatureLine: '  ' },
        /signatureLine is required to enable self sign-up/,
      ],
      [
        'an invalid domain',
        { blockedDomains: ['not a domain'] },
        /not valid: not a domain/,
      ],
      [
        'a domain both trusted and blocked',
        { autoApproveDomains: ['x.org'], blockedDomains: ['X.org'] },
        /both auto-approved and blocked: x.org/,
      ],
    ];

    it.each(settingsUpdates)(
      'refuses settings with %s, changing nothing',
      async (_case, changes, message) => {
        const current = await t.http().get(`${BASE}/settings`).set(as.admin);
        const body = { version: current.body.version, ...changes };
        if (_case === 'no version') delete body.version;
        const res = await t
          .http()
          .put(`${BASE}/settings`)
          .set(as.admin)
          .send(body);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(message);
        const after = await t.http().get(`${BASE}/settings`).set(as.admin);
        expect(after.body).toEqual(current.body);
      },
    );

    it('refuses a stale settings version with 409, changing nothing', async () => {
      const read = await t.http().get(`${BASE}/settings`).set(as.admin);
      const first = await t
        .http()
        .put(`${BASE}/settings`)
        .set(as.admin)
        .send({ version: read.body.version, notifyAllAdmins: true });
      expect(first.status).toBe(200);
      expect(first.body.version).toBe(read.body.version + 1);

      const stale = await t
        .http()
        .put(`${BASE}/settings`)
        .set(as.otherAdmin)
        .send({ version: read.body.version, selfSignUpEnabled: false });
      expect(stale.status).toBe(409);
      expect(stale.body.error.name).toBe('ConflictError');
      const after = await t.http().get(`${BASE}/settings`).set(as.admin);
      expect(after.body).toEqual(first.body);
      expect(t.auditEvents.slice(-1)[0]).toMatchObject({
        eventId: 'settings-update',
        outcome: 'fail',
      });
    });

    it('lets exactly one of two simultaneous settings writes with one version win', async () => {
      const read = await t.http().get(`${BASE}/settings`).set(as.admin);
      const results = await Promise.all([
        t
          .http()
          .put(`${BASE}/settings`)
          .set(as.admin)
          .send({ version: read.body.version, signatureLine: 'A' }),
        t
          .http()
          .put(`${BASE}/settings`)
          .set(as.otherAdmin)
          .send({ version: read.body.version, signatureLine: 'B' }),
      ]);
      expect(results.map(r => r.status).sort()).toEqual([200, 409]);
      const winner = results.find(r => r.status === 200)!;
      const after = await t.http().get(`${BASE}/settings`).set(as.admin);
      expect(after.body.signatureLine).toBe(winner.body.signatureLine);
      expect(after.body.version).toBe(read.body.version + 1);
    });

    it('accepts a settings object sent back as read, normalising domains', async () => {
      const read = await t.http().get(`${BASE}/settings`).set(as.admin);
      const res = await t
        .http()
        .put(`${BASE}/settings`)
        .set(as.admin)
        .send({
          ...read.body,
          autoApproveDomains: [' @Partner.Example ', 'partner.example'],
        });
      expect(res.status).toBe(200);
      expect(res.body.autoApproveDomains).toEqual(['partner.example']);
      expect(res.body.updatedBy).toBe('user:default/admin');
    });

    const listQueries: Array<[string, Record<string, string>, RegExp]> = [
      ['a limit over 100', { limit: '101' }, /limit must be <= 100/],
      [
        'a limit that is not a number',
        { limit: 'ten' },
        /limit must be integer/,
      ],
      [
        'an unknown status',
        { status: 'done' },
        /status must be equal to one of the allowed values/,
      ],
      [
        'an unknown parameter',
        { sort: 'email' },
        /Unknown query parameter 'sort'/,
      ],
      ['a cursor it did not make', { cursor: 'abc' }, /cursor is not valid/],
    ];

    it.each(listQueries)(
      'refuses a list query with %s',
      async (_case, query, message) => {
        const res = await t
          .http()
          .get(`${BASE}/sign-up-requests`)
          .query(query)
          .set(as.admin);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(message);
      },
    );
  },
);
