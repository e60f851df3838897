import {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import {
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { CommunityMember, MemberChanges, MemberSource } from './MembersClient';
import {
  MEMBERS_LOCATION,
  memberUserRef,
  toCommunityGroup,
  toMemberUser,
} from './memberEntities';

/** Members changed this long before the previous answer's `now` are asked for again. */
const DEFAULT_OVERLAP_MS = 5_000;
/**
 * A full mutation this often heals whatever deltas cannot express (a member deleted
 * outright, a changed email, a delta the catalog failed to apply).
 */
const DEFAULT_FULL_SYNC_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Options of {@link ApiStoreMembersEntityProvider}.
 *
 * @public
 */
export interface ApiStoreMembersEntityProviderOptions {
  /** Where members are read from, normally the api-store-access internal route. */
  source: MemberSource;
  /** Name of the community Group in the `default` namespace. */
  communityGroup: string;
  logger: LoggerService;
  /** Runs {@link ApiStoreMembersEntityProvider.refresh} on a schedule once connected. */
  taskRunner: SchedulerServiceTaskRunner;
  /** Re-read members changed this long before the last round; default 5 seconds. */
  overlapMs?: number;
  /** Replace all entities with a full mutation this often; default 1 hour. */
  fullSyncIntervalMs?: number;
}

/**
 * Emits one User per active community member of API Store Access and the community
 * Group: a full mutation on the first round, then delta mutations with the members
 * changed since the previous round (active ones added, disabled ones removed).
 *
 * @public
 */
export class ApiStoreMembersEntityProvider implements EntityProvider {
  readonly #source: MemberSource;
  readonly #communityGroup: string;
  readonly #logger: LoggerService;
  readonly #taskRunner: SchedulerServiceTaskRunner;
  readonly #overlapMs: number;
  readonly #fullSyncIntervalMs: number;

  #connection?: EntityProviderConnection;
  /** Server time of the last answer that was applied to the catalog. */
  #cursor?: number;
  /** Local time of the last full mutation. */
  #lastFullSyncAt?: number;
  /** The last error reported at warning level, while the outage lasts. */
  #failure?: string;

  constructor(options: ApiStoreMembersEntityProviderOptions) {
    this.#source = options.source;
    this.#communityGroup = options.communityGroup;
    this.#logger = options.logger;
    this.#taskRunner = options.taskRunner;
    this.#overlapMs = options.overlapMs ?? DEFAULT_OVERLAP_MS;
    this.#fullSyncIntervalMs =
      options.fullSyncIntervalMs ?? DEFAULT_FULL_SYNC_INTERVAL_MS;
  }

  /** {@inheritDoc @backstage/plugin-catalog-node#EntityProvider.getProviderName} */
  getProviderName(): string {
    return 'api-store-access-members';
  }

  /** {@inheritDoc @backstage/plugin-catalog-node#EntityProvider.connect} */
  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    await this.#taskRunner.run({
      id: `${this.getProviderName()}:refresh`,
      fn: async () => {
        await this.refresh();
      },
    });
  }

  /**
   * One round: a full mutation when none was applied yet (or the last one is older
   * than the full sync interval), otherwise a delta with the members changed since
   * the previous round. Never throws: a failed round is logged and the next round
   * asks again from the same point.
   */
  async refresh(): Promise<void> {
    const connection = this.#connection;
    if (!connection) {
      throw new Error(`${this.getProviderName()} is not connected`);
    }
    const full =
      this.#cursor === undefined ||
      this.#lastFullSyncAt === undefined ||
      Date.now() - this.#lastFullSyncAt >= this.#fullSyncIntervalMs;
    const startedAt = Date.now();

    let changes: MemberChanges;
    try {
      changes = await this.#source.listMembers(
        full ? {} : { updatedSince: this.#cursor! - this.#overlapMs },
      );
    } catch (error) {
      this.#reportFailure(
        `Could not read community members from api-store-access, retrying in the next round: ${stringifyError(
          error,
        )}`,
      );
      return;
    }
    if (changes.skipped > 0) {
      this.#logger.warn(
        `Left out ${changes.skipped} malformed member entries from api-store-access`,
      );
    }

    try {
      if (full) {
        await this.#applyFull(connection, changes.members);
        this.#lastFullSyncAt = startedAt;
      } else {
        await this.#applyDelta(connection, changes.members);
      }
    } catch (error) {
      this.#reportFailure(
        `Could not apply community members to the catalog, retrying in the next round: ${stringifyError(
          error,
        )}`,
      );
      return;
    }
    this.#cursor = changes.now;
    if (this.#failure !== undefined) {
      this.#failure = undefined;
      this.#logger.info('Community members are in sync with the catalog again');
    }
  }

  async #applyFull(
    connection: EntityProviderConnection,
    members: CommunityMember[],
  ): Promise<void> {
    const active = members.filter(member => member.status === 'active');
    await connection.applyMutation({
      type: 'full',
      entities: [
        this.#deferred(toCommunityGroup(this.#communityGroup)),
        ...active.map(member =>
          this.#deferred(toMemberUser(member, this.#communityGroup)),
        ),
      ],
    });
    this.#logger.info(
      `Community members: full sync of ${
        active.length
      } active members into group ${this.#communityGroup}`,
    );
    this.#logger.debug('Community members in the catalog', {
      emails: active.map(member => member.email).join(', '),
    });
  }

  async #applyDelta(
    connection: EntityProviderConnection,
    members: CommunityMember[],
  ): Promise<void> {
    const added = members.filter(member => member.status === 'active');
    const removed = members.filter(member => member.status === 'disabled');
    if (added.length === 0 && removed.length === 0) {
      return;
    }
    await connection.applyMutation({
      type: 'delta',
      added: added.map(member =>
        this.#deferred(toMemberUser(member, this.#communityGroup)),
      ),
      removed: removed.map(member => ({
        entityRef: memberUserRef(member),
        locationKey: MEMBERS_LOCATION,
      })),
    });
    this.#logger.info(
      `Community members: ${added.length} added or updated, ${removed.length} removed`,
    );
    this.#logger.debug('Community members changed', {
      added: added.map(member => member.email).join(', '),
      removed: removed.map(member => member.email).join(', '),
    });
  }

  #deferred(entity: DeferredEntity['entity']): DeferredEntity {
    return { entity, locationKey: MEMBERS_LOCATION };
  }

  /** Warns once per outage (and when the error changes); repeats go to debug. */
  #reportFailure(message: string) {
    if (this.#failure === message) {
      this.#logger.debug(message);
      return;
    }
    this.#failure = message;
    this.#logger.warn(message);
  }
}
