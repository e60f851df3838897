import { ConflictError, InputError } from '@backstage/errors';
import {
  isValidDomain,
  isValidEmail,
  normalizeDomain,
  normalizeEmail,
  SelfSignUpSettings,
} from 'backstage-plugin-api-store-access-common';
import { SettingsStore, SettingsValues } from '../database/SettingsStore';

/** A settings update as it arrives: the changed fields and the version that was read. */
export type SettingsUpdate = Partial<SettingsValues> & {
  version: number;
  updatedBy?: string | null;
  updatedAt?: string | null;
};

function normalizeDomains(field: string, domains: string[]): string[] {
  const normalized = [...new Set(domains.map(normalizeDomain))];
  const invalid = normalized.filter(domain => !isValidDomain(domain));
  if (invalid.length > 0) {
    throw new InputError(
      `${field} must hold domain names such as example.com; not valid: ${invalid.join(
        ', ',
      )}`,
    );
  }
  return normalized;
}

/** Merges an update into the current values and checks the result; throws InputError. */
export function mergeSettings(
  current: SettingsValues,
  update: SettingsUpdate,
): SettingsValues {
  const merged: SettingsValues = {
    selfSignUpEnabled: update.selfSignUpEnabled ?? current.selfSignUpEnabled,
    signatureLine: (update.signatureLine ?? current.signatureLine).trim(),
    contactEmail: normalizeEmail(update.contactEmail ?? current.contactEmail),
    notifyAllAdmins: update.notifyAllAdmins ?? current.notifyAllAdmins,
    approvalProcess: update.approvalProcess ?? current.approvalProcess,
    autoApproveDomains: normalizeDomains(
      'autoApproveDomains',
      update.autoApproveDomains ?? current.autoApproveDomains,
    ),
    blockedDomains: normalizeDomains(
      'blockedDomains',
      update.blockedDomains ?? current.blockedDomains,
    ),
    sendRejectionEmail: update.sendRejectionEmail ?? current.sendRejectionEmail,
  };
  if (merged.contactEmail && !isValidEmail(merged.contactEmail)) {
    throw new InputError('contactEmail must be an email address');
  }
  if (merged.selfSignUpEnabled && !merged.signatureLine) {
    throw new InputError(
      'signatureLine is required to enable self sign-up: it is the sender name of every email',
    );
  }
  if (merged.selfSignUpEnabled && !merged.contactEmail) {
    throw new InputError(
      'contactEmail is required to enable self sign-up: registrants write to it for help',
    );
  }
  const both = merged.autoApproveDomains.filter(domain =>
    merged.blockedDomains.includes(domain),
  );
  if (both.length > 0) {
    throw new InputError(
      `A domain cannot be both auto-approved and blocked: ${both.join(', ')}`,
    );
  }
  return merged;
}

/** Applies a settings update with its optimistic version; throws ConflictError when stale. */
export async function updateSettings(
  store: SettingsStore,
  update: SettingsUpdate,
  actor: string,
): Promise<SelfSignUpSettings> {
  const current = await store.get();
  if (current.version !== update.version) {
    throw new ConflictError(
      `The settings changed since they were read (version ${update.version}, now ${current.version}); reload and try again`,
    );
  }
  const stored = await store.replace(
    mergeSettings(current, update),
    update.version,
    actor,
  );
  if (!stored) {
    throw new ConflictError(
      'The settings changed while they were being saved; reload and try again',
    );
  }
  return stored;
}
