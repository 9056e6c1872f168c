import path from 'node:path';
import type { Page } from '@playwright/test';

/** Screenshots for the closing note, only when SCREENSHOT_DIR is set (never in a normal run). */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(dir, `${name}-390.png`), fullPage: true });
  if (size) await page.setViewportSize(size);
}
