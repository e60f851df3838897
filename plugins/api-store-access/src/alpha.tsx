import {
  compatWrapper,
  convertLegacyRouteRef,
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import HowToRegIcon from '@material-ui/icons/HowToReg';
import { apiStoreAccessApiRef, ApiStoreAccessClient } from './api';
import { rootRouteRef } from './routes';

const apiStoreAccessApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: apiStoreAccessApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ApiStoreAccessClient({ discoveryApi, fetchApi }),
    }),
});

const apiStoreAccessPage = PageBlueprint.make({
  params: {
    path: '/api-store-access',
    routeRef: convertLegacyRouteRef(rootRouteRef),
    title: 'API Store Access',
    icon: <HowToRegIcon />,
    noHeader: true,
    loader: () =>
      import('./components/ApiStoreAccessPage').then(m =>
        compatWrapper(<m.ApiStoreAccessPage />),
      ),
  },
});

const signUpPage = PageBlueprint.make({
  name: 'sign-up',
  params: {
    path: '/api-store/sign-up',
    noHeader: true,
    loader: () =>
      import('./components/public').then(m =>
        compatWrapper(<m.ApiStoreSignUpPage />),
      ),
  },
});

const registrationPage = PageBlueprint.make({
  name: 'registration',
  params: {
    path: '/api-store/register',
    noHeader: true,
    loader: () =>
      import('./components/public').then(m =>
        compatWrapper(<m.ApiStoreRegistrationPage />),
      ),
  },
});

/**
 * The API Store Access plugin for the new frontend system: the admin page at
 * /api-store-access (with its nav item) and the public sign-up and registration pages.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'api-store-access',
  title: 'API Store Access',
  icon: <HowToRegIcon />,
  info: { packageJson: () => import('../package.json') },
  routes: convertLegacyRouteRefs({ root: rootRouteRef }),
  extensions: [
    apiStoreAccessApi,
    apiStoreAccessPage,
    signUpPage,
    registrationPage,
  ],
});
