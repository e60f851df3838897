import { SelfSignUpSettings } from 'backstage-plugin-api-store-access-common';

/** The settings values an admin sets; the store keeps version and author. */
export type SettingsValues = Omit<
  SelfSignUpSettings,
  'version' | 'updatedBy' | 'updatedAt'
>;

/** Where the self sign-up settings live. */
export interface SettingsStore {
  /** The current settings. */
  get(): Promise<SelfSignUpSettings>;
  /**
   * Writes the settings when the stored version is still `expectedVersion`. Returns the
   * stored settings, or undefined when the version was stale (and nothing was written).
   */
  replace(
    values: SettingsValues,
    expectedVersion: number,
    actor: string,
  ): Promise<SelfSignUpSettings | undefined>;
}
