import {
  isValidDomain,
  isValidEmail,
  normalizeEmail,
} from 'backstage-plugin-api-store-access-common';

/** The editable settings fields, as held by the form. */
export interface SettingsDraft {
  signatureLine: string;
  contactEmail: string;
  notifyAllAdmins: boolean;
  approvalProcess: 'admin' | 'auto';
  autoApproveDomains: string[];
  blockedDomains: string[];
  sendRejectionEmail: boolean;
}

/** A message per invalid field; empty when the draft can be saved. */
export type SettingsErrors = Partial<Record<keyof SettingsDraft, string>>;

/** Longest signature line the backend accepts. */
export const MAX_SIGNATURE_LINE = 100;

/** Checks a draft the way the backend will, so mistakes show while typing. */
export function validateSettings(draft: SettingsDraft): SettingsErrors {
  const errors: SettingsErrors = {};
  const signatureLine = draft.signatureLine.trim();
  if (!signatureLine) {
    errors.signatureLine =
      'Required: it is the sender name of every email the portal sends';
  } else if (signatureLine.length > MAX_SIGNATURE_LINE) {
    errors.signatureLine = `At most ${MAX_SIGNATURE_LINE} characters`;
  }
  const contactEmail = normalizeEmail(draft.contactEmail);
  if (!contactEmail) {
    errors.contactEmail =
      'Required: registrants write to it when they need help';
  } else if (!isValidEmail(contactEmail)) {
    errors.contactEmail = 'Enter an email address such as api-team@example.com';
  }
  const invalidAuto = draft.autoApproveDomains.filter(d => !isValidDomain(d));
  if (invalidAuto.length > 0) {
    errors.autoApproveDomains = `Not a domain name: ${invalidAuto.join(', ')}`;
  }
  const invalidBlocked = draft.blockedDomains.filter(d => !isValidDomain(d));
  if (invalidBlocked.length > 0) {
    errors.blockedDomains = `Not a domain name: ${invalidBlocked.join(', ')}`;
  }
  const both = draft.autoApproveDomains.filter(d =>
    draft.blockedDomains.includes(d),
  );
  if (both.length > 0 && !errors.blockedDomains) {
    errors.blockedDomains = `Also in auto-approve domains: ${both.join(', ')}`;
  }
  return errors;
}
