import { describe, expect, it } from 'vitest';
import { actionText, actionWait, lessonProgress, lessonStepState, openScenario, performStepAction, type StageLoader } from './runner';
import type { BuiltinScenario } from './catalog';
import type { Lesson } from './lesson';
import { FIXTURE, fixture } from './fixture';
import { parseFieldPath, readFieldPath } from './fieldpath';

const ENTRY: BuiltinScenario = { id: 'test', group: 'starter', title: 'Test', description: 'A test.', options: {}, stages: ['01.yaml', '02.yaml'], start: '01.yaml' };
const STAGES: Record<string, string> = {
  '01.yaml': FIXTURE,
  '02.yaml': `${FIXTURE}---\napiVersion: v1\nkind: Service\nmetadata: {name: extra}\nspec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: 8080}]\n`,
};
const load: StageLoader = (id, file) => {
  if (id !== 'test' || !STAGES[file]) throw new Error(`no ${id}/${file}`);
  return STAGES[file];
};

const LESSON: Lesson = {
  id: 'test',
  scenario: 'test',
  title: 'Test',
  summary: 'A test.',
  steps: [
    { title: 'look', explanation: 'Look.', request: { from: { pod: { selector: 'run=client' } }, url: 'http://web/' }, check: { kind: 'endpoints', service: 'web' }, hint: 'wait' },
    { title: 'add', explanation: 'Add.', action: { kind: 'apply', stage: '02.yaml' }, check: { kind: 'endpoints', service: 'extra' }, hint: 'apply 02' },
    { title: 'label', explanation: 'Label.', action: { kind: 'command', line: 'kubectl label pod {{podName:run=client}} tier=front', wait: 0 }, check: { kind: 'pods-ready', selector: 'tier=front', count: 1 }, hint: 'label it' },
    { title: 'broken', explanation: 'Broken.', action: { kind: 'command', line: 'kubectl get pod {{podName:app=nothing}}' }, check: { kind: 'pods-ready', selector: 'app=nothing', count: 1 }, hint: 'none' },
  ],
};

describe('the lesson runner', () => {
  it('opens a scenario at its start stage, replays its commands and lets the clock run', () => {
    const opened = openScenario({ ...ENTRY, commands: ['kubectl label pod client seen=yes'] }, load, 45);
    expect(opened.manifests).toBe(FIXTURE);
    expect(opened.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(opened.commands.map((c) => c.stdout)).toEqual(['pod/client labeled\n']);
    expect(opened.playground.snapshot().pods.find((p) => p.name === 'client')?.labels).toEqual({ run: 'client', seen: 'yes' });
    expect(opened.playground.snapshot().time).toBe(45);
  });

  it('tells where a step stands, with the hint while it is not met and its request resolved', () => {
    const { playground: pg } = openScenario(ENTRY, load);
    const first = lessonStepState(pg, LESSON, 0);
    expect(first).toMatchObject({ index: 0, check: { met: true }, request: { from: { pod: 'default/client' }, url: 'http://web/' } });
    expect(first.hint).toBeUndefined();
    expect(lessonStepState(pg, LESSON, 1)).toMatchObject({ check: { met: false, detail: 'service default/extra does not exist' }, hint: 'apply 02' });
    expect(lessonProgress(pg, LESSON)).toEqual({ met: [true, false, false, false], firstUnmet: 1 });
    expect(() => lessonStepState(pg, LESSON, 4)).toThrow(RangeError);
  });

  it('performs actions: the stage applied (pruning, as the editor does), the command with its placeholders filled', () => {
    const { playground: pg } = openScenario(ENTRY, load);
    expect(performStepAction(pg, LESSON, 0, load)).toEqual({ kind: 'none' });
    const applied = performStepAction(pg, LESSON, 1, load);
    expect(applied.kind === 'apply' && applied.result.results.find((r) => r.object === 'Service/default/extra')?.action).toBe('created');
    pg.advance(actionWait(LESSON.steps[1]!.action!));
    expect(lessonStepState(pg, LESSON, 1).check.met).toBe(true);
    expect(actionText(pg, 'test', LESSON.steps[2]!.action!, load)).toEqual({ text: 'kubectl label pod client tier=front' });
    const labelled = performStepAction(pg, LESSON, 2, load);
    expect(labelled).toMatchObject({ kind: 'command', line: 'kubectl label pod client tier=front', result: { stdout: 'pod/client labeled\n', exitCode: 0 } });
    expect(lessonProgress(pg, LESSON).firstUnmet).toBe(3);
    expect(performStepAction(pg, LESSON, 3, load)).toEqual({ kind: 'error', error: 'no pod in default matches app=nothing' });
    // Back to stage 01: the editor's Apply prunes what left the text.
    expect(pg.apply(load('test', '01.yaml'), { prune: true }).results.filter((r) => r.action === 'pruned').map((r) => r.object)).toEqual(['Service/default/extra']);
  });

  it('waits 30 seconds after an apply and 10 after a command unless the step says', () => {
    expect(actionWait({ kind: 'apply', stage: 'x' })).toBe(30);
    expect(actionWait({ kind: 'command', line: 'x' })).toBe(10);
    expect(actionWait({ kind: 'command', line: 'x', wait: 0 })).toBe(0);
  });
});

describe('field paths', () => {
  const svc = fixture().getObject({ kind: 'Service', name: 'web-np' });
  it.each([
    ['spec.type', 'NodePort'],
    ['spec.ports[0].port', 80],
    ['spec.ports[name=extra].port', 81],
    ['spec.ports[name="http"].nodePort', 30080],
    ["metadata['name']", 'web-np'],
    ['spec.selector.app', 'web'],
    ['spec.ports[5].port', undefined],
    ['spec.ports[name=nope].port', undefined],
    ['spec.nothing.deeper', undefined],
  ])('%s', (path, want) => {
    expect(readFieldPath(svc, parseFieldPath(path)!)).toEqual(want);
  });
  it('refuses what it cannot read', () => {
    expect(parseFieldPath('')).toBeUndefined();
    expect(parseFieldPath('a[')).toBeUndefined();
  });
});
