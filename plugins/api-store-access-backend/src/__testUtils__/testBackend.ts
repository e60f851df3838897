import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import request from 'supertest';
import { apiStoreAccessPlugin } from '../plugin';

/** The user the test permission policy treats as an admin. */
export const ADMIN = 'user:default/admin';
/** A second admin. */
export const OTHER_ADMIN = 'user:default/other-admin';
/** A signed-in user without our permissions. */
export const ORDINARY_USER = 'user:default/jane.ordinary';

/** The admin group of the test portal. */
export const ADMIN_GROUP = 'group:default/api-store-admins';

/** The test portal's base URL. */
export const APP_BASE_URL = 'http://portal.test';

function user(name: string, email: string, groups: string[]) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: { profile: { email }, memberOf: groups },
    relations: groups.map(group => ({
      type: 'memberOf',
      targetRef: `group:default/${group}`,
    })),
  };
}

/** The catalog of the test portal: two admins and an ordinary user. */
export const testEntities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'api-store-admins', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  user('admin', 'admin@example.com', ['api-store-admins']),
  user('other-admin', 'other.admin@example.com', ['api-store-admins']),
  user('jane.ordinary', 'jane@example.com', []),
];

/** The config of the test portal, sending mail to an SMTP server on `smtpPort`. */
export function testConfig(smtpPort: number) {
  return {
    app: { baseUrl: APP_BASE_URL, title: 'Test Portal' },
    apiStoreAccess: {
      adminGroup: ADMIN_GROUP,
      email: {
        from: 'no-reply@portal.test',
        transport: {
          type: 'smtp',
          host: '127.0.0.1',
          port: smtpPort,
          secure: false,
        },
        retryDelay: { seconds: 30 },
      },
      rateLimit: { max: 1000 },
      // Tests change settings rows directly too; the cache has a test of its own.
      settingsMaxAge: { milliseconds: 0 },
    },
  };
}

function withoutSettingsMaxAge(config: ReturnType<typeof testConfig>) {
  const { settingsMaxAge: _, ...apiStoreAccess } = config.apiStoreAccess;
  return { ...config, apiStoreAccess };
}

/** The plugin's base path on the test backend. */
export const BASE = '/api/api-store-access';

/** Authorization headers for the test callers. */
export const as = {
  admin: { Authorization: mockCredentials.user.header(ADMIN) },
  otherAdmin: { Authorization: mockCredentials.user.header(OTHER_ADMIN) },
  ordinary: { Authorization: mockCredentials.user.header(ORDINARY_USER) },
  anonymous: { Authorization: mockCredentials.none.header() },
};

/** An audit event as the test auditor saw it. */
export interface SeenAuditEvent {
  eventId: string;
  outcome: 'success' | 'fail' | 'pending';
  meta?: unknown;
}

/**
 * Starts a backend with the plugin on a real database. The permission service grants
 * our permissions to the two admins only; the auditor records what it is told.
 */
export async function startApiStoreAccessBackend(
  knex: Knex,
  smtpPort: number = 9,
  setup: {
    /** Keep the plugin's default settings cache instead of the tests' none. */
    defaultSettingsCache?: boolean;
  } = {},
) {
  const auditEvents: SeenAuditEvent[] = [];
  const notificationsSent: NotificationSendOptions[] = [];
  const notifications = createServiceFactory({
    service: notificationService,
    deps: {},
    factory: () => ({
      send: async (options: NotificationSendOptions) => {
        notificationsSent.push(options);
      },
    }),
  });
  const admins = [ADMIN, OTHER_ADMIN];
  const permissions = mockServices.permissions.mock({
    authorize: async (requests, { credentials }) => {
      const principal = credentials.principal as { userEntityRef?: string };
      const allowed = admins.includes(principal.userEntityRef ?? '');
      return requests.map(() => ({
        result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      }));
    },
  });
  const auditor = mockServices.auditor.mock({
    createEvent: async options => {
      const seen: SeenAuditEvent = {
        eventId: options.eventId,
        outcome: 'pending',
        meta: options.meta,
      };
      auditEvents.push(seen);
      return {
        success: async () => {
          seen.outcome = 'success';
        },
        fail: async () => {
          seen.outcome = 'fail';
        },
      };
    },
  });
  const backend = await startTestBackend({
    features: [
      apiStoreAccessPlugin,
      mockServices.database.factory({ knex }),
      permissions.factory,
      auditor.factory,
      catalogServiceMock.factory({ entities: testEntities }),
      notifications,
      mockServices.rootConfig.factory({
        data: setup.defaultSettingsCache
          ? withoutSettingsMaxAge(testConfig(smtpPort))
          : testConfig(smtpPort),
      }),
    ],
  });
  const http = () => request(backend.server);

  /** Enables self sign-up with the given changes, as the admin. */
  async function configure(changes: Record<string, unknown>) {
    const current = await http().get(`${BASE}/settings`).set(as.admin);
    const res = await http()
      .put(`${BASE}/settings`)
      .set(as.admin)
      .send({
        signatureLine: 'The API team',
        contactEmail: 'api-team@example.com',
        selfSignUpEnabled: true,
        ...changes,
        version: current.body.version,
      });
    if (res.status !== 200) {
      throw new Error(
        `configure failed: ${res.status} ${JSON.stringify(res.body)}`,
      );
    }
    return res.body;
  }

  /** Signs up an email as a visitor and returns the stored request, if one was written. */
  async function signUp(email: string, displayName?: string) {
    const res = await http()
      .post(`${BASE}/public/sign-ups`)
      .send(displayName ? { email, displayName } : { email });
    if (res.status !== 202) {
      throw new Error(
        `sign-up failed: ${res.status} ${JSON.stringify(res.body)}`,
      );
    }
    const list = await http()
      .get(`${BASE}/sign-up-requests`)
      .query({ q: email.trim().toLowerCase() })
      .set(as.admin);
    return list.body.items[0];
  }

  /** Empties the plugin's tables and restores default settings. */
  async function reset() {
    auditEvents.length = 0;
    notificationsSent.length = 0;
    await knex('api_store_access_registration_links').delete();
    await knex('api_store_access_outbox').delete();
    await knex('api_store_access_members').delete();
    await knex('api_store_access_email_templates').delete();
    await knex('sign_up_request_events').delete();
    await knex('sign_up_requests').delete();
    await knex('api_store_access_settings').delete();
    await knex('api_store_access_settings').insert({ id: 1 });
  }

  /** Counts the rows of the plugin's tables (to prove a refused call wrote nothing). */
  async function rowCounts() {
    const count = async (table: string) =>
      Number((await knex(table).count({ n: '*' }))[0].n);
    return {
      requests: await count('sign_up_requests'),
      events: await count('sign_up_request_events'),
      settingsVersion: Number(
        (await knex('api_store_access_settings').first('version')).version,
      ),
    };
  }

  return {
    backend,
    http,
    auditEvents,
    notificationsSent,
    configure,
    signUp,
    reset,
    rowCounts,
  };
}
