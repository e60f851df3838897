import { createRouteRef } from '@backstage/core-plugin-api';

/** The route of the API Store Access admin page. */
export const rootRouteRef = createRouteRef({ id: 'api-store-access' });
