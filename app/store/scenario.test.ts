import { describe, expect, it } from 'vitest';
import { encodeScenarioLink, parseFragment } from '../../src/engine/scenario/link';
import type { Scenario } from '../../src/engine/scenario/types';
import { sampleManifests } from '../editor/sample';
import { INITIAL_DRAFT } from './request';
import { WORKSTATION_PROMPT } from './terminal';
import { createWorkspaceStore, type WorkspaceInit, type WorkspaceStore } from './workspace';

const loadEngine = () => import('../../src/engine');

async function ready(init: WorkspaceInit = {}): Promise<WorkspaceStore> {
  const store = createWorkspaceStore({ loadEngine, ...init });
  await expect.poll(() => store.getState().engine, { timeout: 20_000 }).toBe('ready');
  return store;
}

/** The scenario a link carries, as the app reads it back. */
function throughLink(scenario: Scenario): Scenario {
  const link = encodeScenarioLink(scenario);
  expect(link.error).toBeUndefined();
  const read = parseFragment(`#${link.fragment}`);
  if (!read.ok || !read.scenario) throw new Error(`the link did not open: ${JSON.stringify(read)}`);
  return read.scenario;
}

const podLabels = (store: WorkspaceStore, name: string) => store.getState().snapshot?.pods.find((p) => p.name === name)?.labels;

const firstScenario = (commands: string[] = []): Scenario => ({
  v: 1,
  title: 'First',
  options: { nodes: 3 },
  manifests: sampleManifests,
  ...(commands.length > 0 && { commands }),
  // showSystem only without commands: it is set with the manifests, before the commands run.
  view: { selected: 'pod:default/client', clock: 60, ...(commands.length === 0 && { showSystem: true }), request: { from: { pod: 'default/client' }, url: 'http://web/' }, step: 2 },
});
const secondScenario: Scenario = { v: 1, title: 'Second', options: {}, manifests: sampleManifests.replace('replicas: 2', 'replicas: 1') };

/** Nothing of the first scenario is in the store: the second's cluster, no view of the first. */
function expectOnlySecond(store: WorkspaceStore) {
  const s = store.getState();
  expect(s.scenarioTitle).toBe('Second');
  expect(s.options).toEqual({});
  expect(s.manifests).toBe(secondScenario.manifests);
  expect(s.snapshot!.nodes).toHaveLength(2);
  expect(s.snapshot!.pods.filter((p) => p.name.startsWith('web-'))).toHaveLength(1);
  expect(podLabels(store, 'client')).toEqual({ app: 'client' });
  expect(s.clock).toBe(0);
  expect(s.showSystem).toBe(false);
  expect(s.selection).toBeNull();
  expect(s.draft).toEqual(INITIAL_DRAFT);
  expect(s.sent).toBeNull();
}

describe('a scenario through a link', () => {
  it('capture → link → open on a new store gives the same manifests, options, selection, request and trace step', async () => {
    const options = { seed: 7, nodes: 3, loadBalancer: 'none' as const };
    const first = await ready({ manifests: sampleManifests.replace('replicas: 2', 'replicas: 3'), engine: options });
    first.getState().advanceClock(30);
    first.getState().select('service:default/web');
    first.getState().setDraft({ from: { kind: 'pod', pod: 'default/client', container: 'curl' }, url: 'http://web/', headers: 'X-Trace: 1' });
    first.getState().send();
    first.getState().setStep(3);
    first.getState().setShowSystem(true);
    const a = first.getState();
    expect(a.sent?.trace.outcome).toMatchObject({ kind: 'response', status: 200 });
    expect(a.step).toBe(3);

    const scenario = throughLink(a.captureScenario());
    expect(scenario).toMatchObject({ title: 'My kubepath cluster', options, manifests: a.manifests, view: { selected: 'service:default/web', step: 3, clock: 30, showSystem: true } });

    const second = await ready();
    await second.getState().openScenario(scenario);
    const b = second.getState();
    expect(b.manifests).toBe(a.manifests);
    expect(b.appliedText).toBe(a.manifests);
    expect(b.options).toEqual(options);
    expect(b.snapshot!.nodes.map((n) => n.name)).toEqual(a.snapshot!.nodes.map((n) => n.name));
    expect(b.snapshot!.pods.map((p) => [p.name, p.node, p.ip])).toEqual(a.snapshot!.pods.map((p) => [p.name, p.node, p.ip]));
    expect(b.selection).toBe('service:default/web');
    expect(b.showSystem).toBe(true);
    expect(b.clock).toBe(a.clock);
    expect(b.draft).toEqual(a.draft);
    expect(b.sent!.spec).toEqual(a.sent!.spec);
    expect(b.step).toBe(3);
    expect(b.playing).toBe(false);
    // The same hops, and the same one current; the trace belongs to the cluster as it is now.
    expect(b.sent!.steps.map((s) => s.hop.summary)).toEqual(a.sent!.steps.map((s) => s.hop.summary));
    expect(b.sent!.steps[b.step]!.hop).toEqual(a.sent!.steps[a.step]!.hop);
    expect(b.sent!.revision).toBe(b.revision);
    expect(b.scenarioTitle).toBe('My kubepath cluster');
  });

  it('a draft that was never sent comes back as the draft, with no trace', async () => {
    const first = await ready();
    first.getState().setDraft({ from: { kind: 'node', node: 'node-2' }, method: 'POST', url: 'http://web/', body: '{"a":1}', insecure: false });
    const scenario = throughLink(first.getState().captureScenario());
    expect(scenario.view).toEqual({ request: { from: { node: 'node-2' }, method: 'POST', url: 'http://web/', body: '{"a":1}' } });

    const second = await ready();
    await second.getState().openScenario(scenario);
    expect(second.getState().draft).toEqual(first.getState().draft);
    expect(second.getState().sent).toBeNull();
    expect(second.getState().step).toBe(-1);
  });

  it('opening replaces what was there: the old trace and selection go, the terminal leaves the pod\'s shell', async () => {
    const store = await ready();
    store.getState().select('pod:default/client');
    store.getState().setDraft({ from: { kind: 'pod', pod: 'default/client' }, url: 'http://web/' });
    store.getState().send();
    store.getState().advanceClock(30);
    await store.getState().runCommand('kubectl exec -it client -- sh');
    expect(store.getState().terminal.prompt).not.toBe(WORKSTATION_PROMPT);
    await store.getState().openScenario({ v: 1, title: 'Empty', options: {}, manifests: '' });
    const s = store.getState();
    expect(s).toMatchObject({ manifests: '', selection: null, sent: null, step: -1, draft: INITIAL_DRAFT, scenarioTitle: 'Empty' });
    expect(s.terminal.prompt).toBe(WORKSTATION_PROMPT);
    expect(s.terminal.shell).toBeNull();
    expect(s.snapshot!.pods.filter((p) => p.namespace === 'default')).toEqual([]);
  });

  it('replays the commands after apply, then moves the clock to the view\'s', async () => {
    const store = await ready();
    await store.getState().openScenario({
      v: 1,
      title: 'Labelled',
      options: {},
      manifests: sampleManifests,
      commands: ['kubectl label pod client tier=front', 'kubectl scale deployment web --replicas=3'],
      view: { clock: 45 },
    });
    const s = store.getState();
    expect(podLabels(store, 'client')).toEqual({ app: 'client', tier: 'front' });
    expect(s.snapshot!.pods.filter((p) => p.name.startsWith('web-'))).toHaveLength(3);
    expect(s.clock).toBe(45);
    expect(s.snapshot!.time).toBe(45);
    // The commands changed the cluster, not the editor's text.
    expect(s.manifests).toBe(sampleManifests);
  });

  it('a clock behind the new cluster\'s is left as it is', async () => {
    const store = await ready();
    await store.getState().openScenario({ v: 1, title: 'Now', options: {}, manifests: sampleManifests, view: { clock: 0 } });
    expect(store.getState().clock).toBe(0);
  });

  it('a second openScenario issued while the first waits for the engine wins', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const store = createWorkspaceStore({ loadEngine: async () => (await gate, loadEngine()), skipInitialApply: true });
    const first = store.getState().openScenario(firstScenario());
    const second = store.getState().openScenario(secondScenario);
    release();
    await Promise.all([first, second]);
    expectOnlySecond(store);
  });

  it('a second openScenario issued while the first is replaying its commands wins', async () => {
    const store = await ready({ skipInitialApply: true });
    let second: Promise<void> | undefined;
    // The moment the first has put its manifests in (it then loads the terminal's file view).
    const stop = store.subscribe((s) => {
      if (s.scenarioTitle !== 'First' || second) return;
      stop();
      second = store.getState().openScenario(secondScenario);
    });
    await store.getState().openScenario(firstScenario(['kubectl label pod client first=yes']));
    expect(second).toBeDefined();
    await second;
    expectOnlySecond(store);
  });
});
