import { KubernetesValidatorFunctions } from '@backstage/catalog-model';
import { Config, readDurationFromConfig } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import { DEFAULT_COMMUNITY_GROUP } from 'backstage-plugin-api-store-access-common';

const COMMUNITY_GROUP_KEY = 'apiStoreAccess.communityGroup';
const CATALOG_REFRESH_KEY = 'apiStoreAccess.catalogRefresh';

/** How often members are synced when `apiStoreAccess.catalogRefresh` is not set. */
export const DEFAULT_CATALOG_REFRESH: HumanDuration = { seconds: 3 };

/**
 * The name of the community Group (`apiStoreAccess.communityGroup`, default
 * `api-store-community`) in the `default` namespace. The value is a plain entity name,
 * not a ref, so that every API Store Access package derives the same
 * `group:default/<name>`; anything else is refused at startup.
 *
 * @public
 */
export function readCommunityGroupName(config: Config): string {
  const name =
    config.getOptionalString(COMMUNITY_GROUP_KEY)?.trim() ||
    DEFAULT_COMMUNITY_GROUP;
  if (!KubernetesValidatorFunctions.isValidObjectName(name)) {
    throw new Error(
      `Invalid ${COMMUNITY_GROUP_KEY} '${name}': expected a Group entity name such as '${DEFAULT_COMMUNITY_GROUP}' (not an entity ref)`,
    );
  }
  return name;
}

/**
 * The entity ref of the community Group, `group:default/<name>`, as it appears in a
 * member's ownership refs.
 *
 * @public
 */
export function readCommunityGroupRef(config: Config): string {
  return `group:default/${readCommunityGroupName(config)}`;
}

/** How often the provider syncs members (`apiStoreAccess.catalogRefresh`). */
export function readCatalogRefresh(config: Config): HumanDuration {
  return config.has(CATALOG_REFRESH_KEY)
    ? readDurationFromConfig(config, { key: CATALOG_REFRESH_KEY })
    : DEFAULT_CATALOG_REFRESH;
}
