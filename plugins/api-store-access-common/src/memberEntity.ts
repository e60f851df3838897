/** The Group of community members when none is configured. */
export const DEFAULT_COMMUNITY_GROUP = 'api-store-community';

const MAX_NAME_LENGTH = 63;

// FNV-1a, 32 bits: a short stable suffix that keeps lossy names apart (isomorphic, no
// crypto module needed).
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The catalog entity name of a community member's User, derived from the normalised
 * email: `jane.doe_at_example.com` where that is a valid, lossless name; otherwise a
 * sanitised, shortened form with a hash of the email (`jane-doe_at_example.com-1a2b3c4d`),
 * so different emails never share a name.
 */
export function memberEntityName(normalizedEmail: string): string {
  const readable = normalizedEmail.replace('@', '_at_');
  const sanitized = readable
    .replace(/[^a-z0-9._-]/g, '-')
    .replace(/[-._]{2,}/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  if (sanitized === readable && readable.length <= MAX_NAME_LENGTH) {
    return readable;
  }
  const suffix = `-${shortHash(normalizedEmail)}`;
  const head = sanitized
    .slice(0, MAX_NAME_LENGTH - suffix.length)
    .replace(/[^a-z0-9]+$/, '');
  return `${head || 'member'}${suffix}`;
}

/** The entity ref of a community member's User in the `default` namespace. */
export function memberUserEntityRef(normalizedEmail: string): string {
  return `user:default/${memberEntityName(normalizedEmail)}`;
}
