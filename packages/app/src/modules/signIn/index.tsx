import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { ApiStoreAccessSignInPage } from 'backstage-plugin-api-store-access';

// A constant, so that the sign-in page does not set up its providers again on every render.
const providers = ['guest' as const];

const signInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => props =>
      <ApiStoreAccessSignInPage {...props} providers={providers} />,
  },
});

/**
 * The portal's sign-in page: guest sign-in, plus the API store's "Sign in as a community
 * member" (members land on the API explorer at /api-docs, from @backstage/plugin-api-docs,
 * discovered through `app.packages: all`), its Sign up link and its public pages.
 */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [signInPage],
});
