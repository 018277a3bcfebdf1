import { expect, test } from "@playwright/test";

// On a 390-px phone no page may scroll sideways as a whole: wide tables scroll inside their own box.
// (/validate overflowed by 259 px before its tables were boxed.)
test.describe("on a phone, no page scrolls sideways", () => {
  test.use({ viewport: { width: 390, height: 800 }, reducedMotion: "reduce" });
  test.describe.configure({ timeout: 90_000 });

  const pages = ["/", "/plan", "/calculate", "/compare", "/validate", "/learn", "/learn/atlas", "/plans"];
  for (const url of pages) {
    test(url, async ({ page }) => {
      await page.goto(url);
      await expect(page.locator("h1").first()).toBeVisible();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${url} is ${overflow}px wider than the screen`).toBeLessThanOrEqual(1);
    });
  }
});
