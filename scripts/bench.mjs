#!/usr/bin/env node
// Runs the benchmarks under plain Node: bundles bench/index.ts (TypeScript, importing the
// engine) with rolldown, then imports the bundle. Usage: npm run bench [-- filter]
import { rolldown } from 'rolldown';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'bench-results');
mkdirSync(outDir, { recursive: true });
const outFile = join(outDir, 'bench.bundle.mjs');

const bundle = await rolldown({ input: join(root, 'bench/index.ts'), platform: 'node', logLevel: 'warn' });
await bundle.write({ file: outFile, format: 'esm', sourcemap: false });
await bundle.close();

const { runAll } = await import(pathToFileURL(outFile).href);
const filter = process.argv[2];
const results = await runAll(filter);
writeFileSync(join(outDir, 'latest.json'), JSON.stringify({ node: process.version, results }, null, 2));
console.log(`\nwrote ${join('bench-results', 'latest.json')}`);
