import { SelfSignUpSettings } from 'backstage-plugin-api-store-access-common';
import { SettingsStore, SettingsValues } from './SettingsStore';

/**
 * Serves the settings from memory for at most `maxAgeMs`, so that a burst of sign-ups
 * and status checks reads the row once instead of once per request. A change made on
 * this replica is seen here at once; one made on another replica is seen here within
 * `maxAgeMs`. Concurrent reads of a stale value share one load; failed loads are not kept.
 */
export class CachedSettingsStore implements SettingsStore {
  private cached: { at: number; value: SelfSignUpSettings } | undefined;
  private loading: Promise<SelfSignUpSettings> | undefined;
  private generation = 0;

  constructor(
    private readonly store: SettingsStore,
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<SelfSignUpSettings> {
    if (this.cached && this.now() - this.cached.at < this.maxAgeMs) {
      return this.cached.value;
    }
    return this.load();
  }

  async replace(
    values: SettingsValues,
    expectedVersion: number,
    actor: string,
  ): Promise<SelfSignUpSettings | undefined> {
    this.generation++;
    this.cached = undefined;
    const stored = await this.store.replace(values, expectedVersion, actor);
    if (stored) {
      this.cached = { at: this.now(), value: stored };
    }
    return stored;
  }

  private load(): Promise<SelfSignUpSettings> {
    if (!this.loading) {
      const startedAt = this.now();
      const generation = this.generation;
      this.loading = this.store
        .get()
        .then(value => {
          // A replace that began while this read was in flight wins over it.
          if (generation === this.generation) {
            this.cached = { at: startedAt, value };
          }
          return value;
        })
        .finally(() => {
          this.loading = undefined;
        });
    }
    return this.loading;
  }
}
