import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { apiStoreAccessApiRef, ApiStoreAccessClient } from './api';
import { rootRouteRef } from './routes';

/** The API Store Access frontend plugin (legacy frontend system). */
export const apiStoreAccessPlugin = createPlugin({
  id: 'api-store-access',
  routes: { root: rootRouteRef },
  apis: [
    createApiFactory({
      api: apiStoreAccessApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ApiStoreAccessClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/** The admin page: settings, Approval Tasks, email templates, members and invitations. */
export const ApiStoreAccessPage = apiStoreAccessPlugin.provide(
  createRoutableExtension({
    name: 'ApiStoreAccessPage',
    component: () =>
      import('./components/ApiStoreAccessPage').then(m => m.ApiStoreAccessPage),
    mountPoint: rootRouteRef,
  }),
);
