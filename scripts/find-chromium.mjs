// Finds a Chromium-family browser for Playwright without downloading one.
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, name);
    if (isExecutable(file)) return file;
  }
  return undefined;
}

async function playwrightsOwn() {
  try {
    const { chromium } = await import('@playwright/test');
    const file = chromium.executablePath();
    return file && existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The browser to run end-to-end tests with, in order: `CHROMIUM_PATH`, `/usr/bin/chromium`,
 * the usual names on PATH, then a browser installed by `npx playwright install`.
 * @returns {Promise<string | undefined>}
 */
export async function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : undefined;
  if (isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const name of NAMES) {
    const file = onPath(name);
    if (file) return file;
  }
  return playwrightsOwn();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = await findChromium();
  if (found) console.log(found);
  else process.exitCode = 1;
}
