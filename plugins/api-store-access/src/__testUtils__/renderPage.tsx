import { ReactElement } from 'react';
import {
  configApiRef,
  discoveryApiRef,
  identityApiRef,
} from '@backstage/core-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { Route, Routes } from 'react-router-dom';
import { SWRConfig } from 'swr';
import { apiStoreAccessApiRef, ApiStoreAccessApi } from '../api';

/** The signed-in admin of these tests. */
export const ME = 'user:default/admin';

/** Renders an element as a page (under `/*`) of a legacy test app with our API, permissions and identity. */
export function renderWithApis(
  element: ReactElement,
  options: {
    api?: ApiStoreAccessApi;
    deny?: string[];
    routeEntries?: string[];
  } = {},
) {
  const deny = new Set(options.deny ?? []);
  const permissionApi = mockApis.permission({
    authorize: request =>
      deny.has(request.permission.name)
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
  });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [apiStoreAccessApiRef, options.api ?? {}],
        [permissionApiRef, permissionApi],
        [identityApiRef, mockApis.identity({ userEntityRef: ME })],
        [discoveryApiRef, mockApis.discovery()],
        [configApiRef, mockApis.config({ data: { app: { title: 'Portal' } } })],
      ]}
    >
      {/* usePermission caches answers in SWR: a fresh cache per test */}
      <SWRConfig value={{ provider: () => new Map() }}>
        <Routes>
          <Route path="/*" element={element} />
        </Routes>
      </SWRConfig>
    </TestApiProvider>,
    { routeEntries: options.routeEntries },
  );
}
