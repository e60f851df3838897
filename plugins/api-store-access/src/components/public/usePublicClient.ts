import { useMemo } from 'react';
import { discoveryApiRef, useApi } from '@backstage/core-plugin-api';
import { PublicApiStoreAccessClient } from '../../api';

/** A client for the public routes, built on the app's discoveryApi and the global fetch. */
export function usePublicClient(): PublicApiStoreAccessClient {
  const discoveryApi = useApi(discoveryApiRef);
  return useMemo(
    () => new PublicApiStoreAccessClient({ discoveryApi }),
    [discoveryApi],
  );
}
