/** Keeps values for a short time, sharing one load between concurrent callers. */
export class ShortLivedCache<T> {
  private readonly entries = new Map<
    string,
    { until: number; value: Promise<T> }
  >();

  constructor(private readonly ttlMs: number) {}

  /** The cached value for `key`, or the result of `load` (failures are not kept). */
  get(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const entry = this.entries.get(key);
    if (entry && entry.until > now) {
      return entry.value;
    }
    const value = load();
    this.entries.set(key, { until: now + this.ttlMs, value });
    value.catch(() => this.entries.delete(key));
    return value;
  }
}
