/** Turns a stored epoch-millisecond value (a number, or a string from pg's bigint) into ISO 8601. */
export function toIsoTime(value: number | string): string {
  return new Date(Number(value)).toISOString();
}

/** Like {@link toIsoTime}, for nullable columns. */
export function toIsoTimeOrNull(value: number | string | null): string | null {
  return value === null || value === undefined ? null : toIsoTime(value);
}
