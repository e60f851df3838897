/** The backend plugin id, as passed to discoveryApi.getBaseUrl. */
export const PLUGIN_ID = 'api-store-access';
