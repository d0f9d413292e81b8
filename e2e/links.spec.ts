import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { deflateSync } from 'fflate';
import { encodeScenarioLink, MAX_FRAGMENT_LENGTH, MAX_JSON_BYTES } from '../src/engine/scenario/link';
import { base64UrlEncode } from '../src/engine/scenario/base64url';
import { sampleManifests } from '../app/editor/sample';

/**
 * Shareable links end to end (../shared/DESIGN.md, "Scenarios and links"): "Copy link" and
 * opening it elsewhere gives the same manifests, selection and trace step; hostile links are
 * refused with a clear message and leave the learner's saved work alone; an embedded view
 * saves nothing; a built-in scenario keeps the previous work aside for "Restore my previous work".
 */

const STORAGE_KEY = 'kubepath.workspace.v1';
const BACKUP_KEY = 'kubepath.workspace.backup.v1';

/**
 * The learner's own work: the first-visit sample (2 nginx replicas behind Service `web`, and a
 * client pod) under a comment of its own, so it can be told apart from a fresh start.
 */
const OWN_WORK = sampleManifests.replace(/^(#.*\n)+/, '# my own work, kept in this browser\n');

const manifests = (page: Page) => page.getByRole('region', { name: 'Manifests', exact: true });
const cluster = (page: Page) => page.getByRole('region', { name: 'Cluster', exact: true });
const dock = (page: Page) => page.getByRole('region', { name: 'Request', exact: true });
const hops = (page: Page) => page.getByRole('list', { name: 'Hops' });
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const position = (page: Page) => dock(page).getByText(/^Step \d+ of \d+$/);

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** A new, empty browser context (nothing in localStorage), as another person's browser. */
async function freshContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] });
}

/** Puts `text` in localStorage as saved work before the app's first script runs (once per tab). */
async function seed(page: Page, text: string) {
  await page.addInitScript(
    ([key, t]) => {
      if (sessionStorage.getItem('seeded')) return;
      localStorage.setItem(key, JSON.stringify({ v: 1, manifests: t }));
      sessionStorage.setItem('seeded', '1');
    },
    [STORAGE_KEY, text] as const,
  );
}

async function waitForCanvas(page: Page) {
  await expect(cluster(page).locator('header output').first()).toContainText(/\d+ nodes?/, { timeout: 30_000 });
}

async function waitForEditor(page: Page) {
  await expect(manifests(page)).toHaveAttribute('data-editor-status', 'ready', { timeout: 30_000 });
}

/** What localStorage holds under `key`, parsed (null when nothing). */
async function stored(page: Page, key = STORAGE_KEY): Promise<{ manifests?: string; title?: string } | null> {
  return page.evaluate((k) => {
    const raw = localStorage.getItem(k);
    return raw === null ? null : (JSON.parse(raw) as { manifests?: string; title?: string });
  }, key);
}

/** Makes the app write what it has pending now (it saves at once when the page is hidden). */
async function flushSaves(page: Page) {
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
}

/** The app responds: the saved work is drawn, a canvas click inspects, Apply applies again. */
async function expectUsable(page: Page) {
  await expect(cluster(page).getByRole('group', { name: /^Pod web-/ })).toHaveCount(2);
  await cluster(page).getByRole('group', { name: 'Service web', exact: true }).click();
  await expect(inspector(page).locator('.inspector-name')).toHaveText('web');
  await manifests(page).getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(manifests(page).locator('.apply-status')).toContainText('3 unchanged');
}

test('Copy link, opened in another browser, shows the same manifests, selection and trace step', async ({ page, browser }) => {
  await seed(page, OWN_WORK);
  await page.goto('/');
  await waitForEditor(page);
  await expect(cluster(page).getByRole('group', { name: /^Pod web-/ })).toHaveCount(2);
  // Let the pods start, so the trace is the settled cluster's.
  await page.getByRole('button', { name: 'Skip ahead 30 seconds' }).click();

  await cluster(page).getByRole('group', { name: 'Service web', exact: true }).click();
  await expect(inspector(page).locator('.inspector-name')).toHaveText('web');
  await expect(cluster(page).locator('.react-flow__node.selected')).toHaveAttribute('aria-label', 'Service web');

  await dock(page).getByLabel('From', { exact: true }).selectOption({ label: 'default/client (curl)' });
  await dock(page).getByLabel('URL', { exact: true }).fill('http://web/');
  await dock(page).getByRole('button', { name: 'Send', exact: true }).click();
  const bar = page.getByRole('toolbar', { name: 'Playback' });
  await expect(hops(page).getByRole('listitem').first()).toBeVisible();
  // The first hop, then three steps forward (clicking a hop and stepping both pause playback).
  await hops(page).getByRole('button').first().click();
  await expect(position(page)).toHaveText(/^Step 1 of \d+$/);
  for (let i = 0; i < 3; i++) await bar.getByRole('button', { name: 'Step forward' }).click();
  await expect(position(page)).toHaveText(/^Step 4 of \d+$/);
  await expect(bar.getByRole('button', { name: 'Play' })).toBeVisible();

  const before = {
    step: await position(page).textContent(),
    hop: await hops(page).locator('[aria-current="step"]').textContent(),
    inspected: await inspector(page).locator('.inspector-head').textContent(),
    from: await dock(page).getByLabel('From', { exact: true }).inputValue(),
    url: await dock(page).getByLabel('URL', { exact: true }).inputValue(),
    manifests: (await stored(page))?.manifests,
  };
  expect(before.manifests).toBe(OWN_WORK);

  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  const status = page.locator('.copy-link__status');
  await expect(status).toHaveText(/^Link copied \((\d+ bytes|\d+\.\d KB)\)$/);
  const url = await page.evaluate(() => navigator.clipboard.readText());
  const fragment = new URL(url).hash.slice(1);
  expect(fragment).toMatch(/^s=[A-Za-z0-9_-]+$/);
  expect(fragment.length).toBeLessThan(8 * 1024);
  // The size said is the fragment's.
  const said = (await status.textContent())!;
  expect(said).toBe(`Link copied (${fragment.length < 1024 ? `${fragment.length} bytes` : `${(fragment.length / 1024).toFixed(1)} KB`})`);

  const other = await freshContext(browser);
  try {
    const second = await other.newPage();
    await second.goto(url);
    await waitForEditor(second);
    await waitForCanvas(second);
    await expect(second.getByRole('status').filter({ hasText: 'from a link' })).toContainText('Opened “My kubepath cluster” from a link.');
    // The same manifests, saved in the new browser as its work now.
    await expect.poll(async () => (await stored(second))?.manifests, { timeout: 10_000 }).toBe(before.manifests);
    await expect(manifests(second).locator('.view-lines')).toContainText('my own work, kept in this browser');
    // The same selection: on the canvas and in the Inspector.
    await expect(second.locator('.react-flow__node.selected')).toHaveAttribute('aria-label', 'Service web');
    await expect(inspector(second).locator('.inspector-head')).toHaveText(before.inspected!);
    // The same request, at the same step, with the same hop current.
    await expect(position(second)).toHaveText(before.step!);
    await expect(hops(second).locator('[aria-current="step"]')).toHaveText(before.hop!);
    await expect(dock(second).getByLabel('From', { exact: true })).toHaveValue(before.from);
    await expect(dock(second).getByLabel('URL', { exact: true })).toHaveValue(before.url);
    await expect(second.getByRole('toolbar', { name: 'Playback' }).getByRole('button', { name: 'Play' })).toBeVisible();
    // The link is consumed: the address no longer carries it.
    expect(new URL(second.url()).hash).toBe('');
  } finally {
    await other.close();
  }
});

// ------------------------------------------------------------------------------ hostile links

const fragmentOf = (bytes: Uint8Array) => `s=${base64UrlEncode(bytes)}`;
const deflatedJson = (doc: unknown) => fragmentOf(deflateSync(new TextEncoder().encode(JSON.stringify(doc)), { level: 9 }));

/** Bytes from a fixed linear congruential sequence: "random", the same every run. */
function noise(n: number): Uint8Array {
  let x = 12345;
  return new Uint8Array(n).map(() => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x >> 16;
  });
}

function truncatedLink(): string {
  const { fragment } = encodeScenarioLink({ v: 1, title: 'Cut short', options: {}, manifests: OWN_WORK.replace('replicas: 2', 'replicas: 4') });
  return fragment.slice(0, Math.floor(fragment.length / 2));
}

function bombLink(): string {
  // 16 MB of zeros: about 21 K characters, inside the fragment cap, unpacking far past the JSON cap.
  const link = fragmentOf(deflateSync(new Uint8Array(16 * 1024 * 1024), { level: 9 }));
  expect(link.length).toBeLessThan(MAX_FRAGMENT_LENGTH);
  expect(16 * 1024 * 1024).toBeGreaterThan(MAX_JSON_BYTES);
  return link;
}

const refused: { name: string; fragment: () => string; message: string | RegExp }[] = [
  { name: 'a truncated s= value', fragment: truncatedLink, message: 'This link is incomplete: it was cut off before its end' },
  { name: 'text that is not base64url', fragment: () => 's=!!!', message: 'This link is damaged: it is not valid base64url (character 1).' },
  { name: 'random bytes, not deflate', fragment: () => fragmentOf(noise(600)), message: 'This link is damaged: its scenario data cannot be unpacked.' },
  { name: 'a deflate bomb', fragment: bombLink, message: "This link's scenario is too large: it unpacks to more than 256 KB." },
  {
    name: 'a newer scenario version',
    fragment: () => deflatedJson({ v: 99, title: 'From the future', manifests: 'kind: Pod\n' }),
    message: /This link was made by a newer kubepath \(scenario version 99; this one reads up to version 1\)/,
  },
  {
    name: 'valid JSON with the wrong types',
    fragment: () => deflatedJson({ v: 1, title: 42, manifests: ['kind: Pod'], view: { step: 'three' } }),
    message: "This link's scenario is not valid: title must be text (it is the number 42).",
  },
];

for (const c of refused) {
  test(`a link with ${c.name} is refused, says why, and the saved work stays`, async ({ page }) => {
    await seed(page, OWN_WORK);
    await page.goto(`/#${c.fragment()}`);
    await waitForEditor(page);
    const alert = page.getByRole('alert').filter({ hasText: 'Your own work is unchanged.' });
    await expect(alert).toContainText(c.message);
    // The learner's own text is in the editor, drawn and usable.
    await expect(manifests(page).locator('.view-lines')).toContainText('my own work, kept in this browser');
    await expectUsable(page);
    await flushSaves(page);
    expect((await stored(page))?.manifests).toBe(OWN_WORK);
  });
}

test('the refusal stays readable while the workspace is used, and Dismiss takes it away', async ({ page }) => {
  await seed(page, OWN_WORK);
  await page.goto('/#s=!!!');
  await waitForEditor(page);
  const alert = page.getByRole('alert').filter({ hasText: 'Your own work is unchanged.' });
  await expect(alert).toContainText('not valid base64url');
  // Selecting fills the Inspector: the panes grow, and must not cover the message.
  await cluster(page).getByRole('group', { name: 'Service web', exact: true }).click();
  await expect(inspector(page).locator('.inspector-name')).toHaveText('web');
  const text = await alert.locator('.workspace-notice__text').boundingBox();
  const box = await alert.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(text!.height);
  // A click lands on Dismiss only when nothing is on top of it.
  await alert.getByRole('button', { name: 'Dismiss' }).click({ timeout: 5_000 });
  await expect(alert).toHaveCount(0);
  await expect(manifests(page).getByRole('button', { name: 'Apply', exact: true })).toBeVisible();
});

test('a link whose manifests are a YAML "billion laughs" opens, shows the engine\'s diagnostic, and stays usable', async ({ page }) => {
  const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    laughs.push(`${name}: &${name} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`);
  }
  const bomb = `${laughs.join('\n')}\n`;
  const { fragment, error } = encodeScenarioLink({ v: 1, title: 'Laughs', options: {}, manifests: bomb });
  expect(error).toBeUndefined();

  await seed(page, OWN_WORK);
  await page.goto(`/#${fragment}`);
  await waitForEditor(page);
  await waitForCanvas(page);
  const problems = manifests(page).getByRole('region', { name: 'Problems' });
  await expect(problems).toContainText('the document expands more than 100 aliases');
  await expect(page.getByRole('status').filter({ hasText: 'from a link' })).toContainText('Opened “Laughs” from a link.');
  // Still usable: Apply answers again with the same refusal, the canvas still selects.
  await manifests(page).getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(problems).toContainText('billion laughs');
  await cluster(page).getByRole('group', { name: 'Node node-1', exact: true }).click();
  await expect(inspector(page).locator('.inspector-name')).toHaveText('node-1');
  // The learner's own work was kept aside before the link replaced it.
  expect((await stored(page, BACKUP_KEY))?.manifests).toBe(OWN_WORK);
});

test('markup in a link\'s title, manifests, selection and request is shown as text and never runs', async ({ page }) => {
  const img = `<img src=x onerror="window.kubepathPwned='img'">`;
  const script = `<script>window.kubepathPwned='script'</script>`;
  const title = `${img}${script}`;
  const text = `# ${img}\n# ${script}\n${OWN_WORK}`;
  const { fragment, error } = encodeScenarioLink({
    v: 1,
    title,
    options: {},
    manifests: text,
    view: { selected: img, request: { from: { pod: 'default/client' }, url: `http://web/${script}` } },
  });
  expect(error).toBeUndefined();

  await seed(page, OWN_WORK);
  await page.goto(`/#${fragment}`);
  await waitForEditor(page);
  await waitForCanvas(page);
  await expect(page.getByRole('banner')).toContainText(title);
  await expect(page.getByRole('status').filter({ hasText: 'from a link' })).toContainText(`Opened “${title}” from a link.`);
  await expect(manifests(page).locator('.view-lines')).toContainText(script);
  await expect(inspector(page)).toContainText(`does not know what “${img}” is`);
  await expect(dock(page).getByLabel('URL', { exact: true })).toHaveValue(`http://web/${script}`);
  await expectUsable(page);
  // No element was made from the text, so nothing could run.
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { kubepathPwned?: unknown }).kubepathPwned)).toBeUndefined();
});

// ----------------------------------------------------------------------------------- embed

test('#embed=1 shows the scenario without the editor, links to the full app, and saves nothing', async ({ page }) => {
  const { fragment } = encodeScenarioLink({ v: 1, title: 'Embedded web', options: {}, manifests: OWN_WORK, view: { selected: 'service:default/web' } });
  await page.goto(`/#embed=1&${fragment}`);
  await waitForCanvas(page);
  await expect(page.getByRole('status').filter({ hasText: 'from a link' })).toContainText('Opened “Embedded web” from a link.');
  await expect(cluster(page).getByRole('group', { name: /^Pod web-/ })).toHaveCount(2);
  await expect(inspector(page).locator('.inspector-name')).toHaveText('web');
  await expect(manifests(page)).toHaveCount(0);
  const header = page.getByRole('banner');
  await expect(header.getByRole('heading', { name: 'Embedded web' })).toBeVisible();
  // Using it changes nothing in this browser's storage, even when the page is hidden.
  await cluster(page).getByRole('group', { name: 'Pod client', exact: true }).click();
  await expect(inspector(page).locator('.inspector-name')).toHaveText('client');
  await flushSaves(page);
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  // "Open in kubepath" opens the same scenario, not embedded, in a new tab.
  const open = header.getByRole('link', { name: 'Open in kubepath' });
  await expect(open).toHaveAttribute('target', '_blank');
  const href = (await open.getAttribute('href'))!;
  expect(href).not.toMatch(/embed/);
  expect(href).toContain(`#${fragment}`);
  // An embed saves nothing: its address is its state, and a reload must show the same scenario.
  expect(new URL(page.url()).hash).toContain(fragment);
});

// ------------------------------------------------------------------------ built-in scenarios

test('#scenario=nosuch says there is no such scenario and keeps the saved work', async ({ page }) => {
  await seed(page, OWN_WORK);
  await page.goto('/#scenario=nosuch');
  await waitForEditor(page);
  const alert = page.getByRole('alert').filter({ hasText: 'There is no built-in scenario' });
  await expect(alert).toContainText('There is no built-in scenario "nosuch". Known scenarios:');
  await expect(alert).toContainText('Your own work is unchanged.');
  await expect(manifests(page).locator('.view-lines')).toContainText('my own work, kept in this browser');
  await expectUsable(page);
  await flushSaves(page);
  expect((await stored(page))?.manifests).toBe(OWN_WORK);
});

test('a built-in scenario keeps the previous work aside, and "Restore my previous work" brings it back', async ({ page }) => {
  await seed(page, OWN_WORK);
  await page.goto('/#scenario=starter-hello-service');
  await waitForEditor(page);
  await waitForCanvas(page);
  await expect(page.locator('.tagline--scenario')).not.toBeEmpty();
  await expect(manifests(page).locator('.view-lines')).not.toContainText('my own work, kept in this browser');
  // The scenario is the saved work now; the learner's is kept aside.
  await expect.poll(async () => (await stored(page))?.title, { timeout: 10_000 }).toBeTruthy();
  expect((await stored(page, BACKUP_KEY))?.manifests).toBe(OWN_WORK);

  await page.getByRole('button', { name: 'Scenario', exact: true }).click();
  await page.getByRole('dialog', { name: 'Scenarios' }).getByRole('button', { name: /^Restore my previous work/ }).click();
  await expect(manifests(page).locator('.view-lines')).toContainText('my own work, kept in this browser');
  await expect(page.locator('.tagline--scenario')).toHaveCount(0);
  await expectUsable(page);
  await expect.poll(async () => stored(page), { timeout: 10_000 }).toMatchObject({ manifests: OWN_WORK });
  await flushSaves(page);
  expect((await stored(page))?.title).toBeUndefined();
});

test('choosing a scenario from the Scenario menu also keeps the previous work aside', async ({ page }) => {
  await seed(page, OWN_WORK);
  await page.goto('/');
  await waitForEditor(page);
  await expect(cluster(page).getByRole('group', { name: /^Pod web-/ })).toHaveCount(2);
  await page.getByRole('button', { name: 'Scenario', exact: true }).click();
  await page.getByRole('dialog', { name: 'Scenarios' }).getByRole('button', { name: /^Hello, Service/ }).click();
  await expect(page.locator('.tagline--scenario')).toContainText('Hello, Service');
  await expect(manifests(page).locator('.view-lines')).not.toContainText('my own work, kept in this browser');

  await page.getByRole('button', { name: 'Scenario', exact: true }).click();
  const restore = page.getByRole('dialog', { name: 'Scenarios' }).getByRole('button', { name: /^Restore my previous work/ });
  await expect(restore).toBeVisible();
  await restore.click();
  await expect(manifests(page).locator('.view-lines')).toContainText('my own work, kept in this browser');
});
