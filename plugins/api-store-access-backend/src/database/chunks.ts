/** Ids per `IN (...)` list, well under SQLite's limit of bound parameters. */
export const IN_LIST_CHUNK = 500;

/** Runs `work` on consecutive slices of `items`, one slice at a time. */
export async function forEachChunk<T>(
  items: T[],
  size: number,
  work: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < items.length; i += size) {
    await work(items.slice(i, i + size));
  }
}
