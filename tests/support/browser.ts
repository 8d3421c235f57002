// Headless Chromium from the system (Debian's chromium package), driven by playwright-core.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { BROWSER_USER_AGENT } from "./shopify";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/** A page context as a merchant's browser: desktop size, a normal user agent (HeadlessChrome is a bot to Shopify's library). */
export function merchantContext(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  return browser.newContext({ viewport, userAgent: BROWSER_USER_AGENT });
}

/** Where browser tests put their screenshots, to be looked at. */
export const ARTIFACTS = path.resolve(import.meta.dirname, "../artifacts");

/** One Chromium for a test file: launched before its tests, closed after. */
export function useBrowser(): { browser: Browser } {
  const held = {} as { browser: Browser };
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    held.browser = await launchBrowser();
  });
  afterAll(async () => held.browser?.close());
  return held;
}

/**
 * The page's uncaught errors, as they happen. The session-token bounce page (the demo's first stop,
 * before App Bridge reloads it with a token) may hydrate before it is left: its errors are not the
 * app's pages'.
 */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => {
    if (!new URL(page.url()).pathname.startsWith("/auth/session-token")) errors.push(error.message);
  });
  return errors;
}

export { whenInteractive } from "./hydration";
