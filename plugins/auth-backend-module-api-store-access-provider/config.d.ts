export interface Config {
  /** The API Store Access plugins. */
  apiStoreAccess?: {
    /**
     * The catalog Group of community members, by name in the default namespace.
     * @default api-store-community
     */
    communityGroup?: string;
  };
}
