import { AuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ShortLivedCache } from './ShortLivedCache';

/** How long resolved catalog addresses are reused: a burst of notifications asks once. */
const CATALOG_ADDRESS_TTL_MS = 10_000;

/**
 * Turns a stored recipient into email addresses: a plain address stays as it is; entity
 * refs (comma separated) become the `spec.profile.email` of the User, or of every member
 * of the Group, from the catalog (reused for a few seconds).
 */
export class RecipientResolver {
  private readonly cache = new ShortLivedCache<string[]>(
    CATALOG_ADDRESS_TTL_MS,
  );

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  /** The addresses of a recipient; throws when the catalog cannot be read. */
  async resolve(recipient: string): Promise<string[]> {
    if (!recipient.includes(':')) {
      return [recipient];
    }
    return this.cache.get(recipient, () => this.fromCatalog(recipient));
  }

  private async fromCatalog(recipient: string): Promise<string[]> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const addresses = new Set<string>();
    for (const raw of recipient
      .split(',')
      .map(ref => ref.trim())
      .filter(Boolean)) {
      const ref = parseEntityRef(raw, {
        defaultKind: 'user',
        defaultNamespace: 'default',
      });
      const entityRef = stringifyEntityRef(ref);
      const users =
        ref.kind.toLowerCase() === 'group'
          ? (
              await this.catalog.getEntities(
                { filter: { kind: 'User', 'relations.memberOf': entityRef } },
                { credentials },
              )
            ).items
          : [await this.catalog.getEntityByRef(entityRef, { credentials })];
      for (const user of users) {
        const email = (user?.spec?.profile as { email?: string } | undefined)
          ?.email;
        if (email) {
          addresses.add(email.trim().toLowerCase());
        }
      }
    }
    return [...addresses];
  }
}
