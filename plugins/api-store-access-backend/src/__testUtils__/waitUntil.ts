/**
 * Resolves once `condition` holds, checking after each turn of the event loop; for
 * effects that follow a response asynchronously (a delivered email, a notification).
 */
export async function waitUntil(
  condition: () => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting until ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}
