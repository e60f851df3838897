import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import authPlugin from '@backstage/plugin-auth-backend';
// The test runs the provider against the real backend plugin it talks to.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import apiStoreAccessPlugin from 'backstage-plugin-api-store-access-backend';
import authModule from './index';

jest.setTimeout(60_000);

const ADMIN = mockCredentials.user.header('user:default/admin');
const PASSWORD = 'a long member passphrase';

describe('the api-store-member auth provider', () => {
  let mailbox: string;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    mailbox = await fs.mkdtemp(path.join(os.tmpdir(), 'mailbox-'));
    backend = await startTestBackend({
      features: [
        authPlugin,
        authModule,
        apiStoreAccessPlugin,
        mockServices.permissions.factory({ result: 'ALLOW' as any }),
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'User',
              metadata: { name: 'ada_at_example.com', namespace: 'default' },
              spec: {
                profile: { email: 'ada@example.com' },
                memberOf: ['api-store-community'],
              },
              relations: [
                {
                  type: 'memberOf',
                  targetRef: 'group:default/api-store-community',
                },
              ],
            },
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://portal.test' },
            auth: { providers: { 'api-store-member': {} } },
            apiStoreAccess: {
              email: { transport: { type: 'file', directory: mailbox } },
            },
          },
        }),
      ],
    });
  });
  afterAll(() => backend?.stop());

  async function register(email: string) {
    const http = request(backend.server);
    const settings = await http
      .get('/api/api-store-access/settings')
      .set('Authorization', ADMIN);
    await http
      .put('/api/api-store-access/settings')
      .set('Authorization', ADMIN)
      .send({
        version: settings.body.version,
        selfSignUpEnabled: true,
        approvalProcess: 'auto',
        signatureLine: 'API team',
        contactEmail: 'help@example.com',
      });
    await http.post('/api/api-store-access/public/sign-ups').send({ email });
    let token: string | undefined;
    for (let i = 0; i < 200 && !token; i++) {
      for (const file of await fs.readdir(mailbox)) {
        const raw = await fs.readFile(path.join(mailbox, file), 'utf8');
        if (raw.includes(`To: ${email}`)) {
          token = raw.match(/register\/([A-Za-z0-9_-]{43})/)?.[1];
        }
      }
      await new Promise(resolve => setTimeout(resolve, 25));
    }
    const res = await http
      .post(`/api/api-store-access/public/registrations/${token}`)
      .send({ password: PASSWORD });
    expect(res.status).toBe(201);
  }

  it('turns the member session cookie into the member’s Backstage identity', async () => {
    await register('ada@example.com');
    const http = request(backend.server);
    const signIn = await http
      .post('/api/api-store-access/public/sessions')
      .send({ email: 'ada@example.com', password: PASSWORD });
    expect(signIn.status).toBe(204);
    const cookie = (
      signIn.headers['set-cookie'] as unknown as string[]
    )[0].split(';')[0];

    const refresh = await http
      .get('/api/auth/api-store-member/refresh')
      .set('Cookie', cookie)
      .set('X-Requested-With', 'XMLHttpRequest');
    expect(refresh.status).toBe(200);
    expect(refresh.body.profile).toMatchObject({ email: 'ada@example.com' });
    expect(refresh.body.backstageIdentity.identity).toMatchObject({
      userEntityRef: 'user:default/ada_at_example.com',
      ownershipEntityRefs: expect.arrayContaining([
        'user:default/ada_at_example.com',
        'group:default/api-store-community',
      ]),
    });
    expect(refresh.body.backstageIdentity.token).toEqual(expect.any(String));

    await http
      .delete('/api/api-store-access/public/sessions')
      .set('Cookie', cookie);
    const after = await http
      .get('/api/auth/api-store-member/refresh')
      .set('Cookie', cookie)
      .set('X-Requested-With', 'XMLHttpRequest');
    expect(after.status).toBe(401);
  });

  it('refuses a refresh without a member session', async () => {
    const res = await request(backend.server)
      .get('/api/auth/api-store-member/refresh')
      .set('X-Requested-With', 'XMLHttpRequest');
    expect(res.status).toBe(401);
  });
});
