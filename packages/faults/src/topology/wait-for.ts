/** How often a condition is checked again. */
const POLL_MS = 250;

/**
 * Resolves once `condition` holds; checks it every 250 ms. The limit only
 * turns a hang into an error naming what was awaited.
 */
export async function waitFor(
  what: string,
  condition: () => Promise<boolean>,
  limitMs: number,
): Promise<void> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${Math.round(limitMs / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
