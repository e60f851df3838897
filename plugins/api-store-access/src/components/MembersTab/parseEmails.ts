import {
  isValidEmail,
  normalizeEmail,
} from 'backstage-plugin-api-store-access-common';

/** Splits pasted text into normalised addresses, separating the malformed ones. */
export function parseEmails(text: string): {
  valid: string[];
  invalid: string[];
} {
  const entries = [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map(normalizeEmail)
        .filter(Boolean),
    ),
  ];
  return {
    valid: entries.filter(isValidEmail),
    invalid: entries.filter(e => !isValidEmail(e)),
  };
}
