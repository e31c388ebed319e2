// Screenshots at phone and desktop width under test-results/screens/; the page must not scroll sideways at either.
import { expect, type Page } from "./fixtures";
import { revealDeferred } from "./reveal";

export async function screens(page: Page, name: string): Promise<void> {
  // A full-page screenshot shows every section, not the placeholders of those never scrolled to.
  await revealDeferred(page);
  for (const width of [390, 1440]) {
    // A chart tooltip left open by the last click keeps the position it had before the resize (a
    // phone never changes width like that): the pointer leaves the page first.
    await page.mouse.move(0, 0);
    await page.setViewportSize({ width, height: 900 });
    // What sticks out past the right edge, named so a failure says where to look.
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll("body *")]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest(".table-wrap"))
        .map((e) => `${e.tagName.toLowerCase()}${e.getAttribute("data-testid") ? `[${e.getAttribute("data-testid")}]` : ""}`)
        .slice(0, 5),
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `${name} overflows at ${width} px: ${overflowing.join(", ")}`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
  }
}
