import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

// Visual check, not an assertion suite: `SCREENSHOTS=1 npx playwright test screenshots`
// writes PNGs of the loaded app to screenshots/ (git-ignored) for a person to look at.
const OUT = join(import.meta.dirname, '..', 'screenshots');
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to write screenshots');

for (const colorScheme of ['light', 'dark'] as const) {
  for (const viewport of SIZES) {
    test(`${colorScheme} ${viewport.width}x${viewport.height}`, async ({ browser }) => {
      const context = await browser.newContext({ viewport, colorScheme });
      const page = await context.newPage();
      await page.goto('/');
      const editor = page.getByRole('region', { name: 'Manifests', exact: true });
      await expect(editor).toHaveAttribute('data-editor-status', 'ready', { timeout: 30_000 });
      await expect(editor.locator('.view-lines')).toContainText('kind: Service');
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      mkdirSync(OUT, { recursive: true });
      await page.screenshot({ path: join(OUT, `shell-${viewport.width}x${viewport.height}-${colorScheme}.png`) });

      if (viewport.width === 1280) {
        await page.getByRole('group', { name: /^Pod web-/ }).first().click();
        await page.screenshot({ path: join(OUT, `shell-${viewport.width}x${viewport.height}-${colorScheme}-pod.png`) });
      }
      await context.close();
    });
  }
}
