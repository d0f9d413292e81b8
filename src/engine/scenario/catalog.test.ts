/**
 * The catalogue against the files in public/scenarios: ids unique, every stage file there, the
 * start among the stages, lessons where they are named; every scenario opens cleanly and its
 * suggested request answers; the starters apply with no error and all their pods run.
 */
// oxlint-disable-next-line no-restricted-imports -- tests run under Node and read the scenario files in public/
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS, scenarioById, stagePath, toScenario } from './catalog';
import { lessonById } from './lessons';
import { openScenario, type StageLoader } from './runner';
import { sendLessonRequest, resolveLessonRequest } from './request';
import { validateScenario } from './validate';

const SCENARIOS = new URL('../../../public/scenarios/', import.meta.url);

/** A stage file as the app fetches it from scenarios/<id>/<file>. */
const loadStage: StageLoader = (id, file) => readFileSync(new URL(`${id}/${file}`, SCENARIOS), 'utf8');
const stageExists = (id: string, file: string) => existsSync(new URL(`${id}/${file}`, SCENARIOS));
const readScenarioReadme = () => readFileSync(new URL('README.md', SCENARIOS), 'utf8');

describe('the built-in scenarios', () => {
  it('have unique ids, each a folder of public/scenarios with every stage file', () => {
    const ids = BUILTIN_SCENARIOS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of BUILTIN_SCENARIOS) {
      expect(s.id).toMatch(/^(seed-\d{3}|starter)-[a-z0-9-]+$/);
      expect(s.stages.length, s.id).toBeGreaterThan(0);
      expect(s.stages, s.id).toContain(s.start);
      expect(new Set(s.stages).size).toBe(s.stages.length);
      for (const f of s.stages) expect(stageExists(s.id, f), `${s.id}/${f}`).toBe(true);
      expect(s.id.startsWith('starter-')).toBe(s.group === 'starter');
    }
  });

  it('are the six seed walkthroughs, each with its lesson, and the three starters', () => {
    expect(BUILTIN_SCENARIOS.filter((s) => s.group === 'seed').map((s) => s.id)).toEqual([
      'seed-000-compose-to-k8s',
      'seed-001-service-types',
      'seed-002-ingress-rewrite',
      'seed-003-connecting-apps',
      'seed-003-source-ip',
      'seed-004-orchestrating-cloud',
    ]);
    expect(BUILTIN_SCENARIOS.filter((s) => s.group === 'starter').map((s) => s.id)).toEqual(['starter-empty-cluster', 'starter-hello-service', 'starter-microservices']);
    for (const s of BUILTIN_SCENARIOS) {
      if (s.group === 'seed') expect(lessonById(s.lesson ?? '')?.scenario, s.id).toBe(s.id);
      else expect(s.lesson).toBeUndefined();
    }
  });

  it('describe themselves in one sentence', () => {
    for (const s of BUILTIN_SCENARIOS) {
      expect(s.title.length).toBeGreaterThan(3);
      expect(s.description, s.id).toMatch(/^[A-Z].*\.$/);
      expect(s.description.split(/\.\s+[A-Z]/).length, s.id).toBe(1);
    }
  });

  it('are fetched from scenarios/<id>/<file>, found by id, and make valid Scenario documents', () => {
    expect(stagePath('seed-001-service-types', '01-clusterip.yaml')).toBe('scenarios/seed-001-service-types/01-clusterip.yaml');
    expect(scenarioById('starter-hello-service')?.title).toBe('Hello, Service');
    expect(scenarioById('nope')).toBeUndefined();
    for (const s of BUILTIN_SCENARIOS) {
      const doc = toScenario(s, loadStage(s.id, s.start));
      const v = validateScenario(JSON.parse(JSON.stringify(doc)));
      expect(v.ok, `${s.id}: ${JSON.stringify(v)}`).toBe(true);
    }
  });

  it('are listed in public/scenarios/README.md', () => {
    const readme = readScenarioReadme();
    for (const s of BUILTIN_SCENARIOS) {
      expect(readme).toContain(`## ${s.id}`);
      for (const f of s.stages) expect(readme, `${s.id}/${f}`).toContain(`\`${f}\``);
    }
  });

  for (const s of BUILTIN_SCENARIOS) {
    it(`${s.id} opens with no error, every pod running, and its suggested request answering`, () => {
      const { playground: pg, diagnostics } = openScenario(s, loadStage);
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      if (s.group === 'starter') expect(diagnostics).toEqual([]);
      for (const p of pg.snapshot().pods) expect(`${p.namespace}/${p.name} ${p.status} ${p.ready}`).toMatch(/ Running true$/);
      if (!s.request) return;
      expect(resolveLessonRequest(pg, s.request)).not.toHaveProperty('error');
      const sent = sendLessonRequest(pg, s.request);
      if ('error' in sent) throw new Error(sent.error);
      // A seed's suggested request may show the problem its lesson starts from (seed 002: the
      // default backend's 404 before any Ingress); a starter's answers.
      expect(sent.trace.outcome.kind, JSON.stringify(sent.trace.outcome)).toBe('response');
      if (s.group === 'starter') expect(sent.trace.outcome.kind === 'response' && sent.trace.outcome.status).toBe(200);
    });
  }

  it('starter-microservices: every pod reaches every other, across namespaces, by DNS name', () => {
    const { playground: pg } = openScenario(scenarioById('starter-microservices')!, loadStage);
    for (const [from, url] of [
      ['default/debug', 'http://db.data:5984/'],
      ['default/debug', 'http://api.backend/api/items'],
      ['default/debug', 'http://frontend.shop/'],
    ] as const) {
      const t = pg.fork().request({ from: { pod: from }, url });
      expect(t.outcome.kind === 'response' && t.outcome.status, `${from} → ${url}`).toBe(200);
    }
    const items = sendLessonRequest(pg, scenarioById('starter-microservices')!.request!);
    expect('trace' in items && items.trace.outcome.kind === 'response' && JSON.parse(items.trace.outcome.body).items).toHaveLength(2);
  });
});
