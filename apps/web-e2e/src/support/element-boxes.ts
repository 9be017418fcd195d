import type { Locator } from 'playwright-core';

/**
 * Where each element sits in the document (not the viewport: focusing a field may scroll),
 * rounded to whole CSS pixels, as `x,y widthxheight`.
 */
export async function elementBoxes(locators: readonly Locator[]): Promise<string[]> {
  return Promise.all(
    locators.map(async (locator) => {
      const box = await locator.evaluate((element) => {
        const rect = element.getBoundingClientRect();
        return [rect.x + window.scrollX, rect.y + window.scrollY, rect.width, rect.height];
      });
      const [x, y, width, height] = box.map(Math.round);
      return `${String(x)},${String(y)} ${String(width)}x${String(height)}`;
    }),
  );
}
