/** A user entity ref as people read it: `user:default/jane` becomes `jane`. */
export function formatActor(ref: string | null | undefined): string {
  if (!ref) {
    return '';
  }
  const match = /^(?:([^:/]+):)?(?:([^:/]+)\/)?(.+)$/.exec(ref);
  if (!match) {
    return ref;
  }
  const [, , namespace, name] = match;
  return namespace && namespace !== 'default' ? `${namespace}/${name}` : name;
}

/** An ISO 8601 time in the reader's locale, or an empty string. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return date.toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}
