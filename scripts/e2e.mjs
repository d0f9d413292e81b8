// Builds the app and runs the Playwright suite against the production build with a local
// Chromium. Never downloads a browser. Extra arguments go to `playwright test`.
import { spawnSync } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

const browser = await findChromium();
if (!browser) {
  console.error(
    [
      'kubepath e2e: no Chromium found.',
      process.env.CHROMIUM_PATH ? `  CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable file.` : '',
      '  Install one, then run this again:',
      '    Debian/Ubuntu:  apt-get install chromium   (as root, or with sudo)',
      '    elsewhere:      npx playwright install chromium',
      '  Or point CHROMIUM_PATH at an existing Chromium or Chrome binary.',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  process.exit(1);
}

const env = { ...process.env, CHROMIUM_PATH: browser };
const run = (args) => spawnSync('npx', args, { stdio: 'inherit', env });

console.log(`kubepath e2e: using ${browser}`);
const build = run(['vite', 'build']);
if (build.status !== 0) process.exit(build.status ?? 1);

const test = run(['playwright', 'test', ...process.argv.slice(2)]);
process.exit(test.status ?? 1);
