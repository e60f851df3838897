import { HumanDuration } from '@backstage/types';

export interface Config {
  /** The API Store Access plugins: self sign-up, approval and registration. */
  apiStoreAccess?: {
    /**
     * The Group whose members administer sign-up (used by the example permission policy
     * and for admin notifications), as an entity ref.
     * @default group:default/api-store-admins
     */
    adminGroup?: string;
    /**
     * How long a one-time registration link stays valid.
     * @default { hours: 72 }
     */
    registrationLinkExpiry?: HumanDuration;
    /**
     * Limits on the changing public routes (sign-up, registration, sign-in) per client
     * address. Behind a proxy, set Express's `trust proxy` so client addresses are seen.
     */
    rateLimit?: {
      /** @default { minutes: 1 } */
      window?: HumanDuration;
      /**
       * Requests per client address, window and route (sign-ups, registrations and
       * sessions count separately).
       * @default 20
       */
      max?: number;
      /** Where counts live: in memory (default) or in Redis, shared by replicas. */
      store?: {
        type: 'memory' | 'redis';
        /** A redis:// connection string, for type redis. */
        connection?: string;
      };
    };
    /** Member sessions (sign-in with email and password). */
    session?: {
      /**
       * How long a member stays signed in.
       * @default { hours: 12 }
       */
      lifetime?: HumanDuration;
    };
    /** Locking members out after repeated failed sign-ins. */
    lockout?: {
      /**
       * Failed sign-ins within `window` that lock the member.
       * @default 10
       */
      maxFailures?: number;
      /** @default { minutes: 15 } */
      window?: HumanDuration;
      /**
       * How long the member stays locked.
       * @default { minutes: 15 }
       */
      duration?: HumanDuration;
    };
    /**
     * How long a replica reuses the settings it read (a change made on another replica
     * is seen within this time; one made on the same replica at once).
     * @default { milliseconds: 250 }
     */
    settingsMaxAge?: HumanDuration;
    /** How emails leave the portal. */
    email?: {
      /** The sender address; the settings' signature line becomes its display name. */
      from?: string;
      /**
       * Delivery attempts before a message is failed for good.
       * @default 8
       */
      maxAttempts?: number;
      /**
       * Wait before the second attempt, doubled after each further one (up to an hour).
       * @default { seconds: 30 }
       */
      retryDelay?: HumanDuration;
      /** The mail transport: `file` (the embedded default) or `smtp`. */
      transport?:
        | {
            type: 'file';
            /** The folder that receives one .eml file per message. */
            directory?: string;
          }
        | {
            type: 'smtp';
            host: string;
            port?: number;
            secure?: boolean;
            /** Keep a pool of SMTP connections. */
            pool?: boolean;
            auth?: {
              user?: string;
              /** @visibility secret */
              pass?: string;
            };
          };
    };
  };
}
