/** Longest email address accepted (RFC 5321 path limit). */
export const MAX_EMAIL_LENGTH = 254;

const EMAIL_PATTERN =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

const DOMAIN_PATTERN =
  /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** Normalises an email address the way every comparison expects: trimmed, lower-case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Whether a normalised email address is well formed (a dotted domain, no spaces). */
export function isValidEmail(normalizedEmail: string): boolean {
  if (normalizedEmail.length > MAX_EMAIL_LENGTH) {
    return false;
  }
  const [local] = normalizedEmail.split('@');
  if (!local || local.length > 64) {
    return false;
  }
  return EMAIL_PATTERN.test(normalizedEmail);
}

/** Normalises a domain rule entry: trimmed, lower-case, without a leading `@`. */
export function normalizeDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/^@/, '');
}

/** Whether a normalised domain is a dotted host name. */
export function isValidDomain(normalizedDomain: string): boolean {
  return (
    normalizedDomain.length <= 253 && DOMAIN_PATTERN.test(normalizedDomain)
  );
}

/** The domain part of a normalised email address. */
export function emailDomain(normalizedEmail: string): string {
  return normalizedEmail.slice(normalizedEmail.lastIndexOf('@') + 1);
}

/**
 * Whether an email's domain matches a rule list. A rule matches its domain and every
 * subdomain of it (`example.com` matches `dev.example.com`).
 */
export function domainMatches(
  normalizedEmail: string,
  domains: string[],
): boolean {
  const domain = emailDomain(normalizedEmail);
  return domains.some(rule => domain === rule || domain.endsWith(`.${rule}`));
}
