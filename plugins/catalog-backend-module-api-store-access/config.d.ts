import { HumanDuration } from '@backstage/types';

export interface Config {
  /** The API Store Access plugins: self sign-up, approval and registration. */
  apiStoreAccess?: {
    /**
     * The name (not a ref) of the catalog Group, in the `default` namespace, that holds
     * every registered community member; the catalog module emits it and its Users.
     * @default api-store-community
     */
    communityGroup?: string;
    /**
     * How often the catalog module asks api-store-access for members changed since its
     * last round (a delta mutation), so new members appear and disabled ones disappear.
     * @default { seconds: 3 }
     */
    catalogRefresh?: HumanDuration;
  };
}
