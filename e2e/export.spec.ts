import { expect, test, type Download, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Import and export (issue 10): YAML files dropped on the window or picked open in the
 * editor under `# file:` markers (not applied until Apply); the editor text downloads as
 * kubepath-manifests.yaml; the canvas saves as a PNG and an SVG; a trace copies as text.
 */

const SAMPLE = readFileSync(join(import.meta.dirname, '..', 'app', 'editor', 'sample.ts'), 'utf8').match(/`([\s\S]*)`/)![1]!;
const STORAGE_KEY = 'kubepath.workspace.v1';

const manifests = (page: Page) => page.getByRole('region', { name: 'Manifests', exact: true });
const cluster = (page: Page) => page.getByRole('region', { name: 'Cluster', exact: true });
const exportButton = (page: Page) => page.getByRole('button', { name: 'Export', exact: true });

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  replicas: 2
  selector:
    matchLabels:
      app: shop
  template:
    metadata:
      labels:
        app: shop
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - containerPort: 80
`;
const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: shop-frontend
spec:
  selector:
    app: shop
  ports:
    - port: 80
`;

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

async function open(page: Page, text = SAMPLE) {
  await page.addInitScript(
    ([key, t]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, JSON.stringify({ v: 1, manifests: t }));
        sessionStorage.setItem('seeded', '1');
      }
    },
    [STORAGE_KEY, text] as const,
  );
  await page.goto('/');
  await expect(manifests(page)).toHaveAttribute('data-editor-status', 'ready', { timeout: 30_000 });
  await expect(cluster(page).locator('header output').first()).toContainText(/\d+ pods?/);
}

/** The store's text, as the app saves it (a moment after each change). */
async function savedText(page: Page): Promise<string> {
  return page.evaluate((key) => (JSON.parse(localStorage.getItem(key) ?? '{}') as { manifests?: string }).manifests ?? '', STORAGE_KEY);
}

/** A DataTransfer holding files, made in the page as a user's drag would carry it. */
async function filesTransfer(page: Page, files: { name: string; text?: string; bytes?: number }[]) {
  return page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.bytes ? new Uint8Array(f.bytes) : (f.text ?? '')], f.name, { type: f.name.endsWith('.txt') ? 'text/plain' : 'application/yaml' }));
    return dt;
  }, files);
}

async function chooseItem(page: Page, name: string) {
  await exportButton(page).click();
  await page.getByRole('menuitem', { name, exact: true }).click();
}

async function downloadOf(page: Page, item: string): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), chooseItem(page, item)]);
  return download;
}

function bytesOf(download: Download): Promise<Buffer> {
  return download.path().then((p) => readFileSync(p));
}

test('dropping two YAML files opens them under # file: markers; Apply builds them', async ({ page }) => {
  await open(page);
  const dt = await filesTransfer(page, [
    { name: 'shop.yaml', text: DEPLOY },
    { name: 'shop-svc.yml', text: SERVICE },
  ]);
  await page.dispatchEvent('.canvas-pane', 'dragenter', { dataTransfer: dt });
  await page.dispatchEvent('.canvas-pane', 'dragover', { dataTransfer: dt });
  await expect(page.getByText('Drop YAML files to open them')).toBeVisible();
  await page.dispatchEvent('.canvas-pane', 'drop', { dataTransfer: dt });
  await expect(page.getByText('Drop YAML files to open them')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Opened shop.yaml and shop-svc.yml in the editor' })).toBeVisible();

  const expected = `# file: shop.yaml\n${DEPLOY}# file: shop-svc.yml\n---\n${SERVICE}`;
  await expect.poll(() => savedText(page)).toBe(expected);
  await expect(manifests(page).locator('.view-lines')).toContainText('# file: shop.yaml');
  await expect(manifests(page).locator('.view-lines')).toContainText('# file: shop-svc.yml');
  // Not applied yet: the sample's cluster is still drawn.
  await expect(manifests(page).locator('.apply-status')).toContainText('Edited since the last Apply');
  await expect(cluster(page).getByRole('group', { name: 'Service shop-frontend', exact: true })).toHaveCount(0);

  await manifests(page).getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(cluster(page).getByRole('group', { name: 'Service shop-frontend', exact: true })).toBeVisible();
  await expect(cluster(page).getByRole('group', { name: /^Pod shop-/ })).toHaveCount(2);
  await expect(cluster(page).getByRole('group', { name: 'Service web', exact: true })).toHaveCount(0);
});

test('files that are not YAML, or too large, are refused by name and the text stays', async ({ page }) => {
  await open(page);
  const dt = await filesTransfer(page, [
    { name: 'notes.txt', text: 'hello' },
    { name: 'huge.yaml', bytes: 1_200_000 },
  ]);
  await page.dispatchEvent('.editor-pane', 'drop', { dataTransfer: dt });
  const alert = page.getByRole('alert').filter({ hasText: 'notes.txt' });
  await expect(alert).toContainText('notes.txt is not a YAML file');
  await expect(alert).toContainText('huge.yaml is too large (1.1 MB)');
  await expect(alert).toContainText('The editor text was not changed.');
  await expect(manifests(page).locator('.view-lines')).toContainText('# Two nginx pods behind a Service');
  await page.waitForTimeout(600);
  expect(await savedText(page)).toBe(SAMPLE);
  await page.locator('.share-notice--drop').getByRole('button', { name: 'Dismiss message' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'notes.txt' })).toHaveCount(0);
});

test('a drag of text (not files) is left to the page and the editor: no overlay, nothing prevented', async ({ page }) => {
  await open(page);
  const prevented = await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', 'replicas: 3');
    const target = document.querySelector('.canvas-pane')!;
    const results: boolean[] = [];
    for (const type of ['dragenter', 'dragover', 'drop']) {
      const ev = new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true });
      target.dispatchEvent(ev);
      results.push(ev.defaultPrevented);
    }
    return results;
  });
  expect(prevented).toEqual([false, false, false]);
  await expect(page.getByText('Drop YAML files to open them')).toHaveCount(0);
  expect(await savedText(page)).toBe(SAMPLE);
});

test('the menu opens files through the file picker', async ({ page }) => {
  await open(page);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), chooseItem(page, 'Open YAML files…')]);
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles([{ name: 'svc.yaml', mimeType: 'application/yaml', buffer: Buffer.from(SERVICE) }]);
  await expect.poll(() => savedText(page)).toBe(`# file: svc.yaml\n${SERVICE}`);
  await expect(page.getByRole('status').filter({ hasText: 'Opened svc.yaml in the editor' })).toBeVisible();
});

test('the Export menu works from the keyboard', async ({ page }) => {
  await open(page);
  const button = exportButton(page);
  await expect(button).toHaveAttribute('aria-haspopup', 'menu');
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Export' });
  await expect(menu).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const items = menu.getByRole('menuitem');
  await expect(items).toHaveText([/^Open YAML files…/, /^Download manifests/, /^Export canvas as PNG/, /^Export canvas as SVG/]);
  await expect(page.getByRole('menuitem', { name: 'Open YAML files…', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Download manifests', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('menuitem', { name: 'Export canvas as SVG', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Open YAML files…', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');

  // Space opens too; Enter on an item runs it.
  await page.keyboard.press(' ');
  await expect(page.getByRole('menuitem', { name: 'Open YAML files…', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe('kubepath-manifests.yaml');
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();
});

test('Download manifests saves the editor text as it is', async ({ page }) => {
  await open(page, `# file: shop.yaml\n${DEPLOY}# file: svc.yaml\n---\n${SERVICE}`);
  const download = await downloadOf(page, 'Download manifests');
  expect(download.suggestedFilename()).toBe('kubepath-manifests.yaml');
  const text = (await bytesOf(download)).toString('utf8');
  expect(text).toBe(await savedText(page));
  expect(text).toBe(`# file: shop.yaml\n${DEPLOY}# file: svc.yaml\n---\n${SERVICE}`);
});

test('the canvas exports as a PNG with a real picture, and as an SVG with the Services in it', async ({ page }) => {
  await open(page, `${DEPLOY}---\n${SERVICE}`);
  await expect(cluster(page).getByRole('group', { name: 'Service shop-frontend', exact: true })).toBeVisible();

  const png = await downloadOf(page, 'Export canvas as PNG');
  expect(png.suggestedFilename()).toBe('kubepath-cluster.png');
  const bytes = await bytesOf(png);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  expect(width).toBeGreaterThan(600);
  expect(height).toBeGreaterThan(400);
  expect(bytes.length).toBeGreaterThan(20_000);
  // Decoded in the page: many colours (cards, text, edges), not one flat fill.
  const pixels = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Map<number, number>();
    for (let i = 0; i < data.length; i += 4) {
      const key = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
      colours.set(key, (colours.get(key) ?? 0) + 1);
    }
    const total = data.length / 4;
    return { distinct: colours.size, dominant: Math.max(...colours.values()) / total, corner: [data[0], data[1], data[2]] };
  }, bytes.toString('base64'));
  expect(pixels.distinct).toBeGreaterThan(50);
  expect(pixels.dominant).toBeLessThan(0.95);
  // The corner is the theme's canvas colour (light: #f7f8fb).
  expect(pixels.corner).toEqual([0xf7, 0xf8, 0xfb]);

  const svgDownload = await downloadOf(page, 'Export canvas as SVG');
  expect(svgDownload.suggestedFilename()).toBe('kubepath-cluster.svg');
  const svg = (await bytesOf(svgDownload)).toString('utf8');
  expect(svg.length).toBeLessThan(2_000_000);
  const parsed = await page.evaluate((markup) => {
    const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.getElementsByTagName('parsererror').length,
      root: root.localName,
      width: Number(root.getAttribute('width')),
      text: root.textContent ?? '',
      edges: doc.getElementsByTagName('path').length,
    };
  }, svg);
  expect(parsed.error).toBe(0);
  expect(parsed.root).toBe('svg');
  expect(parsed.width).toBeGreaterThan(300);
  expect(parsed.text).toContain('shop-frontend');
  expect(parsed.text).toMatch(/shop-[a-z0-9]+-[a-z0-9]{5}/);
  expect(parsed.text).toContain('node-1');
  expect(parsed.edges).toBeGreaterThan(1);
});

test('Copy as text puts the request, every hop and the outcome on the clipboard', async ({ page }) => {
  await open(page);
  const dock = page.getByRole('region', { name: 'Request', exact: true });
  await dock.getByLabel('From', { exact: true }).selectOption({ label: 'default/client (curl)' });
  await dock.getByLabel('URL', { exact: true }).fill('http://web/');
  await dock.getByRole('button', { name: 'Send', exact: true }).click();
  const hopCount = await dock.getByRole('list', { name: 'Hops' }).getByRole('listitem').count();
  await dock.getByRole('button', { name: 'Copy as text', exact: true }).click();
  await expect(dock.getByRole('status').filter({ hasText: /^Copied$/ })).toBeVisible();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text.split('\n')[0]).toBe('GET http://web/ from default/client (curl)');
  const numbered = text.split('\n').filter((l) => /^\s*\d+\. /.test(l));
  expect(numbered).toHaveLength(hopCount);
  expect(text).toMatch(/\d+\. node-1 \[DNAT\] kube-proxy's rules on node-1 rewrite the destination/);
  expect(text).toMatch(/iptables rule in chain KUBE-SEP-[A-Z0-9]+: -A KUBE-SEP-/);
  expect(text).toMatch(/DNS record: web\.default\.svc\.cluster\.local\. A 10\./);
  expect(text).toMatch(/\nOutcome: 200 OK, answered by web-/);
  await expect(dock.getByRole('status').filter({ hasText: /^Copied$/ })).toHaveCount(0, { timeout: 5000 });
});
