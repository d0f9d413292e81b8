import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

const DIST = join(import.meta.dirname, '..', 'dist');
const INITIAL_JS_BUDGET = 250 * 1024;

/** Every JS file loaded before the editor is requested: the entry and its static imports. */
function initialScripts(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const queue = [...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g)].map((m) => m[1] as string);
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(DIST, file), 'utf8');
    // Static imports only: `import{…}from"./x.js"` or `import"./x.js"`, never `import(`.
    for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w{}\s,*$]+from\s*)?["'`]\.\/([^"'`]+\.js)["'`]/g)) {
      queue.push(join('assets', m[1] as string));
    }
  }
  return [...seen];
}

test('the initial JavaScript stays under budget and leaves Monaco out', () => {
  const files = initialScripts();
  const gz = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(DIST, file))).length, 0);
  test.info().annotations.push({ type: 'initial JS (gzip)', description: `${(gz / 1024).toFixed(1)} KB in ${files.length} files` });
  expect(files.some((f) => /monaco|editor\.worker|yaml\.worker/.test(f))).toBe(false);
  expect(gz).toBeLessThan(INITIAL_JS_BUDGET);
});
