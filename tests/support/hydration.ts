// Shared by the browser tests and the vitals benchmark (which runs outside Vitest).
import type { Locator } from "playwright-core";

/**
 * Waits until React has hydrated the element (it carries React's props), so a choice made on it
 * reaches its handler. A select changed before hydration keeps the new value on screen but its
 * onChange never runs, and the choice is lost.
 */
export async function whenInteractive(locator: Locator): Promise<Locator> {
  await locator.waitFor();
  await locator
    .page()
    .waitForFunction(
      (element) => element !== null && Object.keys(element).some((key) => key.startsWith("__reactProps")),
      await locator.elementHandle(),
      { timeout: 20_000 },
    );
  return locator;
}
