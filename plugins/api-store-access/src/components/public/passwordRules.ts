/** Shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 12;
/** Longest password accepted. */
export const MAX_PASSWORD_LENGTH = 128;

/** One password rule and whether the typed password meets it (undefined: the server decides). */
export interface PasswordRuleState {
  id: 'length' | 'email' | 'common';
  label: string;
  met: boolean | undefined;
}

/** The password rules as the registrant types, checked against their email. */
export function checkPassword(
  password: string,
  email: string,
): PasswordRuleState[] {
  const length = [...password].length;
  const lower = password.toLowerCase();
  const address = email.trim().toLowerCase();
  const local = address.split('@')[0] ?? '';
  const containsEmail =
    (address.length > 0 && lower.includes(address)) ||
    (local.length >= 3 && lower.includes(local));
  return [
    {
      id: 'length',
      label: `${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`,
      met: length >= MIN_PASSWORD_LENGTH && length <= MAX_PASSWORD_LENGTH,
    },
    {
      id: 'email',
      label: 'Does not contain your email address or the part before the @',
      met: length > 0 && !containsEmail,
    },
    {
      id: 'common',
      label: 'Not a commonly used password (checked when you submit)',
      met: undefined,
    },
  ];
}
