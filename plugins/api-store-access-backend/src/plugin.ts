import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { apiStoreAccessPermissions } from 'backstage-plugin-api-store-access-common';
import { migrateDatabase } from './database/migrateDatabase';
import { createContext } from './service/createContext';
import { createRouter } from './service/router';
import { createAdminNotifier } from './service/adminNotifications';

/** The backend plugin `api-store-access`: self sign-up, Approval Tasks and registration. */
export const apiStoreAccessPlugin = createBackendPlugin({
  pluginId: 'api-store-access',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        httpRouter: coreServices.httpRouter,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const { database, scheduler, lifecycle, httpRouter } = deps;
        const db = await database.getClient();
        if (!database.migrations?.skip) {
          await migrateDatabase(db);
        }
        deps.permissionsRegistry.addPermissions(apiStoreAccessPermissions);
        const ctx = createContext({
          ...deps,
          db,
          onDelivered: createAdminNotifier(deps.notifications, deps.logger),
        });

        await scheduler.scheduleTask({
          id: 'api-store-access-outbox-delivery',
          frequency: { seconds: 10 },
          timeout: { minutes: 5 },
          scope: 'local',
          fn: async () => {
            await ctx.deliverer.deliverDue();
          },
        });
        await scheduler.scheduleTask({
          id: 'api-store-access-link-expiry',
          frequency: { minutes: 5 },
          timeout: { minutes: 5 },
          fn: async () => {
            await ctx.workflow.expireStaleLinks();
          },
        });
        lifecycle.addShutdownHook(() => {
          ctx.deliverer.stop();
          ctx.transport.close();
        });

        httpRouter.use(createRouter(ctx));
        httpRouter.addAuthPolicy({ path: '/public', allow: 'unauthenticated' });
      },
    });
  },
});
