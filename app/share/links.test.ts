import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeScenarioLink, parseFragment } from '../../src/engine/scenario/link';
import { sampleManifests } from '../editor/sample';
import { createWorkspaceStore, type WorkspaceInit, type WorkspaceStore } from '../store';
import { makeLink, openFragment, readFragment } from './links';

const loadEngine = () => import('../../src/engine');
const PUBLIC = join(import.meta.dirname, '..', '..', 'public');
const OWN = sampleManifests.replace('replicas: 2', 'replicas: 3');

/** The window openFragment reads and writes: the address, and history.replaceState. */
const replaceState = vi.fn();

beforeEach(() => {
  replaceState.mockClear();
  vi.stubGlobal('window', { location: { pathname: '/kubepath/', search: '?lang=en', hash: '' }, history: { replaceState } });
  // Built-in scenarios' stage files, as vite preview serves public/.
  vi.stubGlobal('fetch', async (url: string) => {
    try {
      const text = await readFile(join(PUBLIC, url.replace(/^\//, '')), 'utf8');
      return { ok: true, status: 200, statusText: 'OK', text: async () => text };
    } catch {
      return { ok: false, status: 404, statusText: 'Not Found', text: async () => '' };
    }
  });
});

afterEach(() => vi.unstubAllGlobals());

/** A store as main.tsx makes it for this fragment: the saved work OWN, held back when a scenario opens. */
function storeFor(fragment: Awaited<ReturnType<typeof readFragment>>, init: WorkspaceInit = {}): WorkspaceStore {
  const opensScenario = fragment?.ok === true && (fragment.scenario !== undefined || fragment.builtin !== undefined);
  return createWorkspaceStore({ manifests: OWN, loadEngine, skipInitialApply: opensScenario, embed: fragment?.embed ?? false, ...init });
}

const webPods = (store: WorkspaceStore) => store.getState().snapshot?.pods.filter((p) => p.name.startsWith('web-')).length;

describe('readFragment', () => {
  it('a plain visit has no fragment', async () => {
    expect(await readFragment('')).toBeNull();
    expect(await readFragment('#')).toBeNull();
  });

  it('reads what the codec reads', async () => {
    expect(await readFragment('#s=!!!')).toMatchObject({ ok: false, error: { code: 'not-base64' } });
    expect(await readFragment('#embed=1&scenario=starter-hello-service')).toEqual({ ok: true, builtin: { id: 'starter-hello-service' }, embed: true, presenter: false });
  });
});

describe('openFragment', () => {
  it('a link that cannot be read: an error notice, and the saved work applied as on a plain visit', async () => {
    const fragment = await readFragment('#s=AAAA');
    expect(fragment?.ok).toBe(false);
    const store = storeFor(fragment);
    await openFragment(store, fragment!);
    expect(store.getState().notice).toEqual({ kind: 'error', text: expect.stringMatching(/^This link .* Your own work is unchanged\.$/) });
    await vi.waitUntil(() => store.getState().appliedText !== null, { timeout: 20_000 });
    expect(store.getState().manifests).toBe(OWN);
    expect(webPods(store)).toBe(3);
    expect(replaceState).not.toHaveBeenCalled();
  });

  it('a shared scenario opens, says so, and leaves the address (it is the workspace now)', async () => {
    const { fragment: text } = encodeScenarioLink({ v: 1, title: 'Shared', options: { loadBalancer: 'none' }, manifests: sampleManifests, view: { selected: 'service:default/web' } });
    const fragment = await readFragment(`#${text}`);
    const store = storeFor(fragment);
    await openFragment(store, fragment!);
    const s = store.getState();
    expect(s).toMatchObject({ manifests: sampleManifests, appliedText: sampleManifests, scenarioTitle: 'Shared', options: { loadBalancer: 'none' }, selection: 'service:default/web' });
    expect(s.notice).toEqual({ kind: 'info', text: 'Opened “Shared” from a link.' });
    expect(webPods(store)).toBe(2);
    expect(replaceState).toHaveBeenCalledWith(null, '', '/kubepath/?lang=en');
  });

  it('presenter=1 stays in the address; an embed keeps the whole link', async () => {
    const { fragment: text } = encodeScenarioLink({ v: 1, title: 'Shared', options: {}, manifests: sampleManifests });
    const presenting = await readFragment(`#${text}&presenter=1`);
    await openFragment(storeFor(presenting), presenting!);
    expect(replaceState).toHaveBeenLastCalledWith(null, '', '/kubepath/?lang=en#presenter=1');

    replaceState.mockClear();
    const embedded = await readFragment(`#embed=1&${text}`);
    const store = storeFor(embedded);
    await openFragment(store, embedded!);
    expect(store.getState().scenarioTitle).toBe('Shared');
    expect(replaceState).not.toHaveBeenCalled();
  });

  it('a built-in scenario opens with its start stage', async () => {
    const fragment = await readFragment('#scenario=starter-hello-service');
    const store = storeFor(fragment);
    await openFragment(store, fragment!);
    const start = await readFile(join(PUBLIC, 'scenarios', 'starter-hello-service', '01-hello.yaml'), 'utf8');
    expect(store.getState()).toMatchObject({ scenarioTitle: 'Hello, Service', manifests: start, appliedText: start, notice: null });
  });

  it('an unknown built-in scenario: the notice, and the saved work that was held back for it is applied', async () => {
    const fragment = await readFragment('#scenario=nosuch');
    const store = storeFor(fragment);
    await openFragment(store, fragment!);
    expect(store.getState().notice).toMatchObject({ kind: 'error', text: expect.stringContaining('There is no built-in scenario "nosuch"') });
    await vi.waitUntil(() => store.getState().appliedText !== null, { timeout: 20_000 });
    expect(store.getState()).toMatchObject({ manifests: OWN, appliedText: OWN, scenarioTitle: null });
    expect(webPods(store)).toBe(3);
  });

  it('the same when the engine arrives only after the scenario was found missing', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const fragment = await readFragment('#scenario=nosuch');
    const store = storeFor(fragment, { loadEngine: async () => (await gate, loadEngine()) });
    await openFragment(store, fragment!);
    expect(store.getState().engine).toBe('loading');
    release();
    await vi.waitUntil(() => store.getState().appliedText !== null, { timeout: 20_000 });
    expect(store.getState().appliedText).toBe(OWN);
  });

  it('stage files that cannot be fetched: the notice, and the saved work applied', async () => {
    vi.stubGlobal('fetch', async () => ({ ok: false, status: 503, statusText: 'Service Unavailable', text: async () => '' }));
    // Another built-in than the tests above (fetched stages are kept per scenario).
    const fragment = await readFragment('#scenario=starter-microservices');
    const store = storeFor(fragment);
    await openFragment(store, fragment!);
    expect(store.getState().notice).toMatchObject({ kind: 'error', text: expect.stringContaining('could not be loaded') });
    await vi.waitUntil(() => store.getState().appliedText !== null, { timeout: 20_000 });
    expect(store.getState().appliedText).toBe(OWN);
  });
});

describe('makeLink', () => {
  it('is the page address with #s=…, which opens as the workspace it was made from', async () => {
    const store = storeFor(null, { title: 'Mine', engine: { seed: 4 } });
    await vi.waitUntil(() => store.getState().engine === 'ready', { timeout: 20_000 });
    store.getState().select('pod:default/client');
    const link = await makeLink(store, 'https://example.org/kubepath/?a=1#scenario=old&step=2');
    if ('error' in link) throw new Error(link.error);
    const [base, fragment] = link.url.split('#');
    expect(base).toBe('https://example.org/kubepath/?a=1');
    expect(link.bytes).toBe(fragment!.length);
    expect(parseFragment(`#${fragment}`)).toEqual({ ok: true, scenario: store.getState().captureScenario(), embed: false, presenter: false });
    expect(parseFragment(`#${fragment}`)).toMatchObject({ scenario: { title: 'Mine', options: { seed: 4 }, manifests: OWN, view: { selected: 'pod:default/client' } } });
  });

  it('says why when the workspace cannot be a link', async () => {
    const store = createWorkspaceStore({ manifests: `# ${'x'.repeat(200_001)}\n`, loadEngine: () => new Promise(() => {}) });
    expect(await makeLink(store, 'https://example.org/')).toEqual({ error: expect.stringContaining('manifests is too long') });
  });
});
