/**
 * Every lesson walked as a learner would: its scenario opened at the start stage, each step's
 * action performed in order with the clock advanced as the learner would wait. A step's check
 * must be red before its action and green after (the lesson's key moments), every prediction
 * has exactly one correct choice on the cluster as it then is, and the live cluster is left as
 * it was by evaluating checks and predictions.
 */
// oxlint-disable-next-line no-restricted-imports -- tests run under Node and read the scenario files in public/
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LESSONS } from './lessons';
import { scenarioById } from './catalog';
import { actionWait, lessonStepState, openScenario, performStepAction, type StageLoader } from './runner';
import { evaluatePrediction } from './prediction';
import { evaluateCheck } from './checks';
import { resolveLessonRequest } from './request';

const SCENARIOS = new URL('../../../public/scenarios/', import.meta.url);

/** A stage file as the app fetches it from scenarios/<id>/<file>. */
const loadStage: StageLoader = (id, file) => readFileSync(new URL(`${id}/${file}`, SCENARIOS), 'utf8');

/** Steps whose check does not depend on their action (0-based), and why. */
/** Steps whose check may already hold before their action (none today: every action step goes red → green). */
const OBSERVED_BEFORE: Record<string, Record<number, string>> = {};

for (const prune of [true, false]) {
  describe(`lessons (stages applied ${prune ? 'as the editor does, pruning' : 'with plain kubectl apply'})`, () => {
    for (const lesson of LESSONS) {
      it(`${lesson.id}: every step goes from red to green`, () => {
        const entry = scenarioById(lesson.scenario)!;
        expect(entry, lesson.scenario).toBeDefined();
        const { playground: pg, diagnostics } = openScenario(entry, loadStage);
        expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        lesson.steps.forEach((step, i) => {
          const where = `${lesson.id} step ${i + 1} "${step.title}"`;
          if (step.action) {
            const before = evaluateCheck(pg, step.check);
            if (OBSERVED_BEFORE[lesson.id]?.[i] === undefined) expect(before.met, `${where} is already met before its action: ${before.detail}`).toBe(false);
            const done = performStepAction(pg, lesson, i, loadStage, { prune });
            if (done.kind === 'apply') expect(done.result.diagnostics.filter((d) => d.severity === 'error'), where).toEqual([]);
            if (done.kind === 'command') expect(done.result.exitCode, `${where}: ${done.result.stderr}`).toBe(0);
            expect(done.kind, where).not.toBe('error');
            pg.advance(actionWait(step.action));
          }
          const state = lessonStepState(pg, lesson, i);
          expect(state.check.met, `${where}: ${state.check.detail}`).toBe(true);
          expect(state.hint).toBeUndefined();
          if (step.request) expect(state.request, where).not.toHaveProperty('error');
          if (step.predict) {
            const p = evaluatePrediction(pg, step.predict);
            expect(p.error, where).toBeUndefined();
            const correct = p.choices.filter((c) => c.correct);
            expect(correct.map((c) => c.label), `${where}: observed ${p.actual}`).toHaveLength(1);
          }
        });
      });
    }
  });
}

describe('lesson data', () => {
  it('has six lessons of 4 to 8 steps, each on a seed scenario that names it', () => {
    expect(LESSONS).toHaveLength(6);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(6);
    for (const l of LESSONS) {
      expect(l.steps.length, l.id).toBeGreaterThanOrEqual(4);
      expect(l.steps.length, l.id).toBeLessThanOrEqual(8);
      expect(scenarioById(l.scenario)?.lesson).toBe(l.id);
    }
  });

  it('applies only stages of its own scenario, and explains in plain text', () => {
    for (const l of LESSONS) {
      const stages = scenarioById(l.scenario)!.stages;
      for (const s of l.steps) {
        if (s.action?.kind === 'apply') expect(stages, `${l.id}: ${s.title}`).toContain(s.action.stage);
        expect(s.explanation).not.toMatch(/<\/[a-z]+>|<(a|b|i|em|strong|code|br|p|span|div|pre)\b[^>]*>|&[a-z]+;/i);
        expect(s.explanation.split(/(?<=[.!?:])\s+(?=[A-Z`])/).length, s.title).toBeLessThanOrEqual(4);
        expect(s.hint.length).toBeGreaterThan(0);
      }
    }
  });

  it('leaves the live cluster as it was while checking, predicting and resolving', () => {
    const lesson = LESSONS.find((l) => l.id === 'seed-003-source-ip')!;
    const { playground: pg } = openScenario(scenarioById(lesson.scenario)!, loadStage);
    for (let i = 0; i < 3; i++) {
      performStepAction(pg, lesson, i, loadStage);
      pg.advance(30);
    }
    const node = pg.snapshot().nodes[0]!.name;
    const before = { conntrack: pg.conntrack(node), snapshot: JSON.stringify(pg.snapshot()) };
    for (let i = 0; i < 3; i++) {
      const step = lesson.steps[i]!;
      evaluateCheck(pg, step.check);
      if (step.predict) evaluatePrediction(pg, step.predict);
      if (step.request) resolveLessonRequest(pg, step.request);
    }
    expect(pg.conntrack(node)).toBe(before.conntrack);
    expect(JSON.stringify(pg.snapshot())).toBe(before.snapshot);
    const pod = pg.snapshot().pods.find((p) => p.labels.app === 'source-ip-app')!;
    expect(pg.containerLog(`default/${pod.name}`, 'echoserver')?.some((l) => l.includes('GET /'))).toBe(false);
  });
});
