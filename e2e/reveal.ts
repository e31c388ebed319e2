// The Risk Metrics sections below the factor cards mount only when they come near the viewport
// (components/near-viewport.ts). A spec that reads them scrolls down the page as a reader would, half a
// screen at a time, so each section mounts a screen before it is seen.
import { expect, type Page } from "./fixtures";

/** Scrolls down until no placeholder waits for the viewport, then back to the top. */
export async function revealDeferred(page: Page): Promise<void> {
  const pending = page.locator('[data-deferred="pending"]');
  await expect(async () => {
    await page.evaluate(() => window.scrollBy(0, window.innerHeight / 2));
    expect(await pending.count()).toBe(0);
  }).toPass({ intervals: [100], timeout: 60_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
}
