import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { readCatalogRefresh, readCommunityGroupName } from './config';
import { ApiStoreMembersEntityProvider } from './provider/ApiStoreMembersEntityProvider';
import { ApiStoreAccessMembersClient } from './provider/MembersClient';

/**
 * The catalog module `api-store-access-members`: registered community members of API
 * Store Access as User entities of the community Group.
 *
 * @public
 */
export const catalogModuleApiStoreAccessMembers = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'api-store-access-members',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
      },
      async init({ catalog, config, logger, scheduler, auth, discovery }) {
        catalog.addEntityProvider(
          new ApiStoreMembersEntityProvider({
            source: new ApiStoreAccessMembersClient({ auth, discovery }),
            communityGroup: readCommunityGroupName(config),
            logger,
            taskRunner: scheduler.createScheduledTaskRunner({
              frequency: readCatalogRefresh(config),
              timeout: { minutes: 1 },
              scope: 'global',
            }),
          }),
        );
      },
    });
  },
});
