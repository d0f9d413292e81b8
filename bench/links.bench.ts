/**
 * Share links (issue 10): how long a link is for each built-in scenario (its largest stage as
 * the manifests, with a prepared request and a trace step) against the 8 KB goal, how long
 * encoding and opening take, and how fast a decompression bomb is refused.
 */
import { readFileSync } from 'node:fs';
import { deflateSync } from 'fflate';
import { BUILTIN_SCENARIOS } from '../src/engine/scenario/catalog';
import { encodeScenarioLink, parseFragment } from '../src/engine/scenario/link';
import type { Scenario } from '../src/engine/scenario/types';
import { defineCase, type BenchCase } from './harness';

const group = 'links: share-link size and speed';

function largestStage(id: string, stages: readonly string[]): string {
  const texts = stages.map((f) => readFileSync(new URL(`../public/scenarios/${id}/${f}`, import.meta.url), 'utf8'));
  return texts.reduce((a, b) => (b.length > a.length ? b : a), '');
}

function scenarioOf(entry: (typeof BUILTIN_SCENARIOS)[number]): Scenario {
  return {
    v: 1,
    title: entry.title,
    options: entry.options,
    manifests: largestStage(entry.id, entry.stages),
    view: { selected: 'service:default/web', request: { from: { pod: 'default/client' }, url: 'http://web/', method: 'GET' }, step: 4, clock: 120 },
  };
}

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export const linkCases: BenchCase[] = [
  ...BUILTIN_SCENARIOS.map((entry) =>
    defineCase({
      group,
      name: `encode ${entry.id}`,
      setup: () => scenarioOf(entry),
      run: (s) => encodeScenarioLink(s),
      info: (s) => {
        const link = encodeScenarioLink(s);
        return { manifestsKB: (s.manifests.length / 1024).toFixed(1), linkKB: (link.bytes / 1024).toFixed(1), under8KB: link.bytes < 8192 ? 'yes' : 'NO' };
      },
    }),
  ),
  defineCase({
    group,
    name: 'open the largest built-in link',
    setup: () => `#${encodeScenarioLink(BUILTIN_SCENARIOS.map(scenarioOf).reduce((a, b) => (b.manifests.length > a.manifests.length ? b : a))).fragment}`,
    run: (hash) => parseFragment(hash),
    info: (hash) => ({ ok: parseFragment(hash).ok ? 'yes' : 'NO', linkKB: (hash.length / 1024).toFixed(1) }),
  }),
  defineCase({
    group,
    name: 'deflate bomb (36 MB of zeros) refused',
    setup: () => `#s=${base64url(deflateSync(new Uint8Array(36 * 1024 * 1024), { level: 9 }))}`,
    run: (hash) => parseFragment(hash),
    minIterations: 5,
    info: (hash) => {
      const r = parseFragment(hash);
      return { linkKB: (hash.length / 1024).toFixed(1), refused: r.ok ? 'NO' : r.error.code };
    },
  }),
];
