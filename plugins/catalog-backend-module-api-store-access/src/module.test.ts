import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  catalogProcessingExtensionPoint,
  EntityProvider,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { memberEntityName } from 'backstage-plugin-api-store-access-common';
import express from 'express';
import { catalogModuleApiStoreAccessMembers } from './module';

/**
 * Stands in for the api-store-access backend plugin: its internal members route takes
 * service credentials only, as the real one does.
 */
function fakeApiStoreAccess(state: {
  principals: string[];
  members: Array<{ email: string; status: string; updatedAt: number }>;
}) {
  return createBackendPlugin({
    pluginId: 'api-store-access',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          const router = express.Router();
          router.get('/internal/members', async (req, res) => {
            const credentials = await httpAuth.credentials(req, {
              allow: ['service'],
            });
            state.principals.push(credentials.principal.subject);
            const since = Number(req.query.updatedSince ?? 0);
            res.json({
              items: state.members
                .filter(member => member.updatedAt >= since)
                .map(member => ({
                  id: member.email,
                  displayName: null,
                  ...member,
                })),
              now: Date.now(),
            });
          });
          httpRouter.use(router);
        },
      });
    },
  });
}

describe('catalogModuleApiStoreAccessMembers', () => {
  it('registers a provider that syncs members from the api-store-access route on a schedule', async () => {
    const providers: EntityProvider[] = [];
    const state = {
      principals: [] as string[],
      members: [
        { email: 'jane+apis@example.com', status: 'active', updatedAt: 1 },
      ],
    };
    const scheduler = mockServices.scheduler();
    const backend = await startTestBackend({
      extensionPoints: [
        [
          catalogProcessingExtensionPoint,
          {
            addEntityProvider: (...added) => {
              providers.push(...added.flat());
            },
          },
        ],
      ],
      features: [
        catalogModuleApiStoreAccessMembers,
        fakeApiStoreAccess(state),
        // the test scheduler runs tasks only when triggered
        createServiceFactory({
          service: coreServices.scheduler,
          deps: {},
          factory: () => scheduler,
        }),
        mockServices.rootConfig.factory({
          data: {
            apiStoreAccess: {
              communityGroup: 'partners',
              catalogRefresh: { seconds: 1 },
            },
          },
        }),
      ],
    });

    try {
      expect(providers).toHaveLength(1);
      const mutations: EntityProviderMutation[] = [];
      await providers[0].connect({
        applyMutation: async mutation => {
          mutations.push(mutation);
        },
        refresh: async () => {},
      });

      const taskId = `${providers[0].getProviderName()}:refresh`;
      expect(
        (await scheduler.getScheduledTasks()).map(task => task.id),
      ).toEqual([taskId]);
      await scheduler.triggerTask(taskId);
      state.members.push({
        email: 'new@example.com',
        status: 'active',
        updatedAt: Date.now(),
      });
      await scheduler.triggerTask(taskId);

      // the route saw the catalog's own service credentials, twice
      expect(state.principals).toEqual(['plugin:catalog', 'plugin:catalog']);
      expect(mutations.map(m => m.type)).toEqual(['full', 'delta']);
      const [first] = mutations;
      if (first.type !== 'full') throw new Error('expected a full mutation');
      expect(
        first.entities.map(e => `${e.entity.kind}:${e.entity.metadata.name}`),
      ).toEqual([
        'Group:partners',
        `User:${memberEntityName('jane+apis@example.com')}`,
      ]);
      const [, second] = mutations;
      if (second.type !== 'delta') throw new Error('expected a delta');
      expect(second.added.map(e => e.entity.metadata.name)).toEqual([
        memberEntityName('new@example.com'),
      ]);
    } finally {
      await backend.stop();
    }
  });

  it('refuses a community group that is not an entity name', async () => {
    await expect(
      startTestBackend({
        extensionPoints: [
          [catalogProcessingExtensionPoint, { addEntityProvider: () => {} }],
        ],
        features: [
          catalogModuleApiStoreAccessMembers,
          mockServices.rootConfig.factory({
            data: {
              apiStoreAccess: { communityGroup: 'group:default/partners' },
            },
          }),
        ],
      }),
    ).rejects.toThrow(/Invalid apiStoreAccess.communityGroup/);
  });
});
