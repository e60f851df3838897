import { InputError } from '@backstage/errors';
import { dictionary } from '@zxcvbn-ts/language-common';

/** Shortest password accepted (Gravitee's and NIST's floor for user-chosen secrets). */
export const MIN_PASSWORD_LENGTH = 12;
/** Longest password accepted. */
export const MAX_PASSWORD_LENGTH = 128;

let commonPasswords: Set<string> | undefined;

function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(
    dictionary['passwords-common'].map(entry => entry.toLowerCase()),
  );
  return commonPasswords.has(password.toLowerCase());
}

/**
 * Checks a new member's password; throws InputError naming the rule it breaks. The
 * common-password list is zxcvbn-ts's, which is maintained from public breach corpora.
 */
export function checkPassword(password: string, email: string): void {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    throw new InputError(
      `The password must be at least ${MIN_PASSWORD_LENGTH} characters long`,
    );
  }
  if (length > MAX_PASSWORD_LENGTH) {
    throw new InputError(
      `The password must be at most ${MAX_PASSWORD_LENGTH} characters long`,
    );
  }
  const lower = password.toLowerCase();
  const localPart = email.slice(0, email.lastIndexOf('@')).toLowerCase();
  if (
    lower.includes(email.toLowerCase()) ||
    (localPart.length >= 3 && lower.includes(localPart))
  ) {
    throw new InputError(
      'The password must not contain your email address or its name part',
    );
  }
  if (isCommonPassword(password)) {
    throw new InputError(
      'The password is too common: it appears in lists of leaked passwords',
    );
  }
}
