import { AuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * Turns a stored recipient into email addresses: a plain address stays as it is; entity
 * refs (comma separated) become the `spec.profile.email` of the User, or of every member
 * of the Group, from the catalog.
 */
export class RecipientResolver {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  /** The addresses of a recipient; throws when the catalog cannot be read. */
  async resolve(recipient: string): Promise<string[]> {
    if (!recipient.includes(':')) {
      return [recipient];
    }
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
