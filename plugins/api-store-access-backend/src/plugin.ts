import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { apiStoreAccessPermissions } from 'backstage-plugin-api-store-access-common';
import { migrateDatabase } from './database/migrateDatabase';
import { DatabaseSettingsStore } from './database/DatabaseSettingsStore';
import { DatabaseSignUpRequestStore } from './database/DatabaseSignUpRequestStore';
import { createRouter } from './service/router';

/** The backend plugin `api-store-access`: self sign-up, Approval Tasks and registration. */
export const apiStoreAccessPlugin = createBackendPlugin({
  pluginId: 'api-store-access',
  register(env) {
    env.registerInit({
      deps: {
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
      },
      async init({
        database,
        httpRouter,
        httpAuth,
        permissions,
        permissionsRegistry,
        auditor,
      }) {
        const db = await database.getClient();
        if (!database.migrations?.skip) {
          await migrateDatabase(db);
        }
        permissionsRegistry.addPermissions(apiStoreAccessPermissions);
        httpRouter.use(
          await createRouter({
            settings: new DatabaseSettingsStore(db),
            requests: new DatabaseSignUpRequestStore(db),
            httpAuth,
            permissions,
            auditor,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/public', allow: 'unauthenticated' });
      },
    });
  },
});
