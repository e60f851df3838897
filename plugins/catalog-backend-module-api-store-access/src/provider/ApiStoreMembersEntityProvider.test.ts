import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  DiscoveryService,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  KubernetesValidatorFunctions,
  UserEntity,
} from '@backstage/catalog-model';
import {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import {
  memberEntityName,
  memberUserEntityRef,
} from 'backstage-plugin-api-store-access-common';
import { ApiStoreMembersEntityProvider } from './ApiStoreMembersEntityProvider';
import { ApiStoreAccessMembersClient, CommunityMember } from './MembersClient';

const LOCATION = 'api-store-access:members';

/**
 * A real HTTP server standing in for `GET /api/api-store-access/internal/members`:
 * it accepts only the catalog's service token and answers from `members`.
 */
class FakeMembersRoute {
  members: CommunityMember[] = [];
  now = 1_000_000;
  failWith?: number;
  extraItems: unknown[] = [];
  readonly requests: URL[] = [];
  #server?: Server;

  readonly expectedToken = mockCredentials.service.token({
    onBehalfOf: mockCredentials.service('plugin:catalog'),
    targetPluginId: 'api-store-access',
  });

  async start(): Promise<string> {
    this.#server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (
        req.method !== 'GET' ||
        url.pathname !== '/api/api-store-access/internal/members'
      ) {
        send(404, { error: { name: 'NotFoundError', message: 'no route' } });
        return;
      }
      this.requests.push(url);
      if (req.headers.authorization !== `Bearer ${this.expectedToken}`) {
        send(401, { error: { name: 'AuthenticationError', message: 'no' } });
        return;
      }
      if (this.failWith) {
        send(this.failWith, { error: { name: 'Error', message: 'down' } });
        return;
      }
      const since = url.searchParams.get('updatedSince');
      const items = this.members.filter(
        member => since === null || member.updatedAt >= Number(since),
      );
      send(200, { items: [...items, ...this.extraItems], now: this.now });
    });
    await new Promise<void>(resolve =>
      this.#server!.listen(0, '127.0.0.1', resolve),
    );
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/api`;
  }

  async stop() {
    await new Promise(resolve => this.#server?.close(resolve));
  }

  /**
   * Records a change at the server's current time, then moves the clock past the
   * provider's overlap window, as the time between two rounds does.
   */
  upsert(member: Omit<CommunityMember, 'updatedAt'>) {
    this.members = [
      ...this.members.filter(m => m.id !== member.id),
      { ...member, updatedAt: this.now },
    ];
    this.tick(10_000);
  }

  tick(ms = 3000) {
    this.now += ms;
  }
}

class RecordingConnection implements EntityProviderConnection {
  readonly mutations: EntityProviderMutation[] = [];
  async applyMutation(mutation: EntityProviderMutation) {
    this.mutations.push(mutation);
  }
  async refresh() {}
}

function discoveryAt(apiBaseUrl: string): DiscoveryService {
  return {
    getBaseUrl: async pluginId => `${apiBaseUrl}/${pluginId}`,
    getExternalBaseUrl: async pluginId => `${apiBaseUrl}/${pluginId}`,
  };
}

const jane = {
  id: 'm-1',
  email: 'jane.doe@example.com',
  displayName: 'Jane Doe',
  status: 'active' as const,
};
const bob = {
  id: 'm-2',
  email: 'bob@example.org',
  displayName: null,
  status: 'active' as const,
};

describe('ApiStoreMembersEntityProvider', () => {
  const route = new FakeMembersRoute();
  let apiBaseUrl: string;

  beforeAll(async () => {
    apiBaseUrl = await route.start();
  });
  afterAll(() => route.stop());
  beforeEach(() => {
    route.members = [];
    route.extraItems = [];
    route.failWith = undefined;
    route.requests.length = 0;
  });

  async function connectedProvider(options: { apiBaseUrl?: string } = {}) {
    const logger = mockServices.logger.mock();
    let task: SchedulerServiceTaskInvocationDefinition | undefined;
    const provider = new ApiStoreMembersEntityProvider({
      source: new ApiStoreAccessMembersClient({
        auth: mockServices.auth({ pluginId: 'catalog' }),
        discovery: discoveryAt(options.apiBaseUrl ?? apiBaseUrl),
        requestTimeoutMs: 2000,
      }),
      communityGroup: 'api-store-community',
      logger,
      taskRunner: {
        run: async definition => {
          task = definition;
        },
      },
    });
    const connection = new RecordingConnection();
    await provider.connect(connection);
    const runRound = async () => {
      await task!.fn(new AbortController().signal);
    };
    return { provider, connection, logger, runRound, task: () => task };
  }

  it('schedules its refresh when the catalog connects', async () => {
    const { task, provider } = await connectedProvider();
    expect(task()?.id).toBe(`${provider.getProviderName()}:refresh`);
    expect(provider.getProviderName()).toBe('api-store-access-members');
  });

  it('starts with a full mutation of the active members and the community group', async () => {
    route.upsert(jane);
    route.upsert(bob);
    route.upsert({
      id: 'm-3',
      email: 'gone@example.com',
      displayName: 'Gone',
      status: 'disabled',
    });
    const { connection, runRound, logger } = await connectedProvider();

    await runRound();

    expect(route.requests).toHaveLength(1);
    expect(route.requests[0].searchParams.has('updatedSince')).toBe(false);
    expect(connection.mutations).toHaveLength(1);
    const [mutation] = connection.mutations;
    expect(mutation.type).toBe('full');
    if (mutation.type !== 'full') throw new Error('expected full');
    expect(mutation.entities).toEqual([
      {
        locationKey: LOCATION,
        entity: {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: {
            name: 'api-store-community',
            namespace: 'default',
            description: expect.any(String),
            annotations: {
              'backstage.io/managed-by-location': LOCATION,
              'backstage.io/managed-by-origin-location': LOCATION,
            },
          },
          spec: {
            type: 'community',
            profile: { displayName: expect.any(String) },
            children: [],
          },
        },
      },
      {
        locationKey: LOCATION,
        entity: {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'User',
          metadata: {
            name: 'jane.doe_at_example.com',
            namespace: 'default',
            annotations: {
              'backstage.io/managed-by-location': LOCATION,
              'backstage.io/managed-by-origin-location': LOCATION,
            },
          },
          spec: {
            profile: { email: 'jane.doe@example.com', displayName: 'Jane Doe' },
            memberOf: ['api-store-community'],
          },
        },
      },
      {
        locationKey: LOCATION,
        entity: expect.objectContaining({
          kind: 'User',
          metadata: expect.objectContaining({
            name: 'bob_at_example.org',
          }),
          // no display name: the email stands in
          spec: {
            profile: {
              email: 'bob@example.org',
              displayName: 'bob@example.org',
            },
            memberOf: ['api-store-community'],
          },
        }),
      },
    ]);
    // counts at info level, emails only at debug
    const infoText = JSON.stringify(logger.info.mock.calls);
    expect(infoText).toContain('2 active members');
    expect(infoText).not.toContain('@');
  });

  it('adds a new member with a delta of the changes since the last round', async () => {
    route.upsert(jane);
    const { connection, runRound, logger } = await connectedProvider();
    await runRound();
    const firstNow = route.now;

    route.tick();
    route.upsert(bob);
    route.tick();
    await runRound();

    expect(Number(route.requests[1].searchParams.get('updatedSince'))).toBe(
      firstNow - 5000,
    );
    expect(connection.mutations[1]).toEqual({
      type: 'delta',
      added: [
        {
          locationKey: LOCATION,
          entity: expect.objectContaining({
            kind: 'User',
            metadata: expect.objectContaining({ name: 'bob_at_example.org' }),
          }),
        },
      ],
      removed: [],
    });
    // the overlap re-reads members changed just before the previous answer: harmless
    expect(JSON.stringify(logger.info.mock.calls)).not.toContain('@');
  });

  it('removes a disabled member with a delta', async () => {
    route.upsert(jane);
    route.upsert(bob);
    const { connection, runRound } = await connectedProvider();
    await runRound();

    route.tick(10_000);
    route.upsert({ ...bob, status: 'disabled' });
    route.tick();
    await runRound();

    expect(connection.mutations[1]).toEqual({
      type: 'delta',
      added: [],
      removed: [
        {
          entityRef: memberUserEntityRef('bob@example.org'),
          locationKey: LOCATION,
        },
      ],
    });
  });

  it('applies no mutation when nothing changed', async () => {
    route.upsert(jane);
    const { connection, runRound } = await connectedProvider();
    await runRound();
    route.tick(10_000);
    await runRound();
    await runRound();
    expect(connection.mutations).toHaveLength(1);
    expect(route.requests).toHaveLength(3);
  });

  it('does not throw while api-store-access is unreachable, warns once and catches up', async () => {
    const down = await connectedProvider({
      apiBaseUrl: 'http://127.0.0.1:9/api', // nothing listens on the discard port
    });
    await expect(down.runRound()).resolves.toBeUndefined();
    await expect(down.runRound()).resolves.toBeUndefined();
    expect(down.connection.mutations).toEqual([]);
    expect(down.logger.warn).toHaveBeenCalledTimes(1);
    expect(String(down.logger.warn.mock.calls[0][0])).toContain(
      'retrying in the next round',
    );

    // a failing answer keeps the cursor: the next round asks from the same point
    route.upsert(jane);
    const { connection, runRound, logger } = await connectedProvider();
    await runRound();
    const cursor = route.now;
    route.tick();
    route.failWith = 503;
    await expect(runRound()).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledTimes(1);
    route.failWith = undefined;
    route.tick();
    route.upsert(bob);
    await runRound();
    expect(route.requests.map(r => r.searchParams.get('updatedSince'))).toEqual(
      [null, String(cursor - 5000), String(cursor - 5000)],
    );
    expect(connection.mutations.map(m => m.type)).toEqual(['full', 'delta']);
    expect(logger.info).toHaveBeenCalledWith(
      'Community members are in sync with the catalog again',
    );
  });

  it('starts over with a full mutation when the first round failed', async () => {
    route.failWith = 500;
    route.upsert(jane);
    const { connection, runRound } = await connectedProvider();
    await runRound();
    route.failWith = undefined;
    await runRound();
    expect(connection.mutations.map(m => m.type)).toEqual(['full']);
  });

  it('names users safely from emails, also with a + in the address', async () => {
    const plus = {
      id: 'm-4',
      email: 'a.b+api@example.com',
      displayName: 'A B',
      status: 'active' as const,
    };
    route.upsert(plus);
    const { connection, runRound } = await connectedProvider();
    await runRound();

    const full = connection.mutations[0];
    if (full.type !== 'full') throw new Error('expected full');
    const user = full.entities.find(e => e.entity.kind === 'User')!
      .entity as UserEntity;
    expect(user.metadata.name).toBe(memberEntityName('a.b+api@example.com'));
    expect(user.metadata.name).not.toContain('+');
    expect(
      KubernetesValidatorFunctions.isValidObjectName(user.metadata.name),
    ).toBe(true);
    expect(user.spec.profile?.email).toBe('a.b+api@example.com');

    route.tick(10_000);
    route.upsert({ ...plus, status: 'disabled' });
    await runRound();
    const delta = connection.mutations[1];
    if (delta.type !== 'delta') throw new Error('expected delta');
    // the removal names the same entity the auth module signs the member in as
    expect(delta.removed).toEqual([
      {
        entityRef: memberUserEntityRef('a.b+api@example.com'),
        locationKey: LOCATION,
      },
    ]);
    expect(memberUserEntityRef('a.b+api@example.com')).toBe(
      `user:default/${user.metadata.name}`,
    );
  });

  it('leaves out malformed entries and says how many', async () => {
    route.upsert(jane);
    route.extraItems = [
      { id: 'x', email: 'no-status@example.com', updatedAt: 1 },
      'nonsense',
    ];
    const { connection, runRound, logger } = await connectedProvider();
    await runRound();
    const full = connection.mutations[0];
    if (full.type !== 'full') throw new Error('expected full');
    expect(full.entities).toHaveLength(2);
    expect(logger.warn).toHaveBeenCalledWith(
      'Left out 2 malformed member entries from api-store-access',
    );
  });

  it('replaces everything with a full mutation again after the full sync interval', async () => {
    route.upsert(jane);
    const logger = mockServices.logger.mock();
    let task: SchedulerServiceTaskInvocationDefinition | undefined;
    const provider = new ApiStoreMembersEntityProvider({
      source: new ApiStoreAccessMembersClient({
        auth: mockServices.auth({ pluginId: 'catalog' }),
        discovery: discoveryAt(apiBaseUrl),
      }),
      communityGroup: 'partners',
      logger,
      taskRunner: { run: async t => void (task = t) },
      fullSyncIntervalMs: 0,
    });
    const connection = new RecordingConnection();
    await provider.connect(connection);
    await task!.fn(new AbortController().signal);
    await task!.fn(new AbortController().signal);
    expect(connection.mutations.map(m => m.type)).toEqual(['full', 'full']);
    const full = connection.mutations[1];
    if (full.type !== 'full') throw new Error('expected full');
    expect(full.entities.map(e => e.entity.metadata.name)).toEqual([
      'partners',
      'jane.doe_at_example.com',
    ]);
  });
});
