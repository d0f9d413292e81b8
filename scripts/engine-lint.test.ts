/**
 * Proves the engine's purity rules bite: each deliberate violation, written to a scratch file
 * inside src/engine, must make oxlint (with the engine's config) fail with the named rule.
 * Also proves the engine's tsconfig has no DOM library.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const scratch = mkdtempSync(join(root, 'src/engine/.lint-probe-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let lintOutput: string | undefined;
let lintCode = 0;

/** Lint every probe file in one oxlint run; returns the output block of one file. */
function lintAll(): void {
  for (const [name, source] of [...violations.map(([n, s]) => [n, s] as const), ['pure', pureSource] as const]) {
    writeFileSync(join(scratch, `${name}.ts`), source);
  }
  try {
    // The unix format is one line per finding, the same with or without a TTY or CI=true
    // (under CI oxlint's default output turns graphical and coloured).
    lintOutput = execFileSync('npx', ['oxlint', '-c', 'src/engine/.oxlintrc.json', '--format=unix', relative(root, scratch)], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    lintCode = err.status;
    lintOutput = `${err.stdout}${err.stderr}`;
  }
}

/** The findings oxlint printed for one probe file: `path:line:col: message [Error/rule]`. */
function findingsFor(name: string): string[] {
  if (lintOutput === undefined) lintAll();
  return (lintOutput ?? '').split('\n').filter((line) => line.includes(`/${name}.ts:`));
}

const pureSource = "import { curl } from './curl';\nexport const x = [Math.max(1, 2), curl];\n";

const violations: [string, string, string][] = [
  ['react', "import { useState } from 'react';\nexport const x = useState;", 'no-restricted-imports'],
  ['react-dom', "import { createRoot } from 'react-dom/client';\nexport const x = createRoot;", 'no-restricted-imports'],
  ['xyflow', "import { ReactFlow } from '@xyflow/react';\nexport const x = ReactFlow;", 'no-restricted-imports'],
  ['monaco', "import * as m from 'monaco-editor';\nexport const x = m;", 'no-restricted-imports'],
  ['monaco-yaml', "import { configureMonacoYaml } from 'monaco-yaml';\nexport const x = configureMonacoYaml;", 'no-restricted-imports'],
  ['zustand', "import { create } from 'zustand';\nexport const x = create;", 'no-restricted-imports'],
  ['app', "import { x as y } from '../../../app/main';\nexport const x = y;", 'no-restricted-imports'],
  ['math-random', 'export const x = Math.random();', 'no-restricted-properties'],
  ['date-now', 'export const x = Date.now();', 'no-restricted-'],
  ['new-date', 'export const x = new Date();', 'no-restricted-globals'],
  ['set-timeout', 'setTimeout(() => 1, 5);', 'no-restricted-globals'],
  ['set-interval', 'setInterval(() => 1, 5);', 'no-restricted-globals'],
  ['window', 'export const x = window.location;', 'no-restricted-globals'],
  ['document', 'export const x = document.body;', 'no-restricted-globals'],
  ['local-storage', "export const x = localStorage.getItem('a');", 'no-restricted-globals'],
  ['performance', 'export const x = performance.now();', 'no-restricted-'],
  ['fetch', "export const x = fetch('/');", 'no-restricted-globals'],
  ['raw-import', "import text from './data.txt?raw';\nexport const x = text;", 'no-restricted-imports'],
  ['worker-import', "import W from './a.worker?worker';\nexport const x = W;", 'no-restricted-imports'],
];

describe('engine lint rules', () => {
  it.each(violations)('rejects %s', (name, _source, rule) => {
    const found = findingsFor(name);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toContain(rule);
    expect(lintCode).not.toBe(0);
  });

  it('accepts pure code', () => {
    expect(findingsFor('pure')).toEqual([]);
  });
});

describe('engine tsconfig', () => {
  it('has no DOM library', () => {
    const file = join(scratch, 'dom.ts');
    writeFileSync(file, 'export const x: HTMLElement | undefined = undefined;\n');
    const tsconfig = join(scratch, 'tsconfig.json');
    writeFileSync(
      tsconfig,
      JSON.stringify({ extends: '../tsconfig.json', include: ['./dom.ts'], exclude: [] }),
    );
    let failed = false;
    let out = '';
    try {
      execFileSync('npx', ['tsc', '-p', relative(root, tsconfig), '--noEmit'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      failed = true;
      out = String((e as { stdout: string }).stdout);
    }
    expect(failed).toBe(true);
    expect(out).toContain('HTMLElement');
  });
});
