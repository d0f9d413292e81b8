import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWorkspaceStore } from './workspace';
import { BACKUP_KEY, backupSaved, loadBackup, loadSaved, persistWorkspace, STORAGE_KEY } from './persist';

function memoryStorage(initial?: string) {
  const data = new Map<string, string>(initial === undefined ? [] : [[STORAGE_KEY, initial]]);
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: vi.fn((k: string, v: string) => void data.set(k, v)),
  };
}

const never = () => new Promise<never>(() => {});

afterEach(() => vi.useRealTimers());

describe('loadSaved', () => {
  it.each([
    ['nothing saved', undefined],
    ['not JSON', '{"v":1,'],
    ['another version', '{"v":2,"manifests":"x"}'],
    ['manifests not a string', '{"v":1,"manifests":42}'],
    ['an array', '[1,2]'],
    ['null', 'null'],
  ])('%s → nothing restored', (_name, raw) => {
    expect(loadSaved(memoryStorage(raw))).toEqual({});
  });

  it('restores the text and the preferences, dropping fields of the wrong type', () => {
    const raw = JSON.stringify({ v: 1, manifests: 'kind: Pod\n', theme: 'dark', autoApply: true, projector: 'yes', panes: { editor: 500, inspector: 'wide' } });
    expect(loadSaved(memoryStorage(raw))).toEqual({ manifests: 'kind: Pod\n', theme: 'dark', autoApply: true, panes: { editor: 500 } });
  });

  it('survives a storage that throws', () => {
    const storage = { getItem: () => { throw new Error('denied'); }, setItem: () => {} };
    expect(loadSaved(storage)).toEqual({});
  });
});

describe('persistWorkspace', () => {
  it('writes the text after typing pauses, once, and it reads back', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const store = createWorkspaceStore({ manifests: 'a', loadEngine: never });
    persistWorkspace(store, storage, 400);
    store.getState().setManifests('ab');
    store.getState().setManifests('abc');
    expect(storage.setItem).not.toHaveBeenCalled();
    vi.advanceTimersByTime(400);
    expect(storage.setItem).toHaveBeenCalledTimes(1);
    expect(loadSaved(storage)).toMatchObject({ manifests: 'abc' });
  });

  it('a full storage loses nothing in the editor', () => {
    vi.useFakeTimers();
    const storage = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    const store = createWorkspaceStore({ manifests: 'a', loadEngine: never });
    persistWorkspace(store, storage, 10);
    store.getState().setManifests('kept');
    expect(() => vi.advanceTimersByTime(10)).not.toThrow();
    expect(store.getState().manifests).toBe('kept');
  });
});

/** Saved work with these options (and title), as a storage. */
const raw = (options: unknown, title?: unknown) => memoryStorage(JSON.stringify({ v: 1, manifests: 'x', options, ...(title !== undefined && { title }) }));

describe('options and title', () => {
  it('a scenario\'s options and title are saved and come back', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const options = {
      seed: 3,
      nodes: 12,
      clusterDomain: 'example.internal',
      clusterCIDR: '10.32.0.0/16',
      serviceCIDR: '10.200.0.0/16',
      nodePortRange: '31000-31999',
      loadBalancer: 'none',
      proxyMode: 'iptables',
      ingressNginx: false,
      ingressNginxServiceType: 'LoadBalancer',
      podNetwork: 'routed',
    } as const;
    const store = createWorkspaceStore({ manifests: 'a', engine: options, title: 'Service types', loadEngine: never });
    persistWorkspace(store, storage, 10);
    store.getState().setManifests('kind: Pod\n');
    vi.advanceTimersByTime(10);
    expect(loadSaved(storage)).toMatchObject({ manifests: 'kind: Pod\n', engine: options, title: 'Service types' });
  });

  it('the learner\'s own work saves no options and no title', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const store = createWorkspaceStore({ manifests: 'a', loadEngine: never });
    persistWorkspace(store, storage, 10);
    store.getState().setManifests('b');
    vi.advanceTimersByTime(10);
    const saved = JSON.parse(storage.data.get(STORAGE_KEY)!) as Record<string, unknown>;
    expect(saved).not.toHaveProperty('options');
    expect(saved).not.toHaveProperty('title');
    const init = loadSaved(storage);
    expect(init).not.toHaveProperty('engine');
    expect(init).not.toHaveProperty('title');
  });

  it('drops option values of the wrong type and titles that are not short text', () => {
    expect(loadSaved(raw({ seed: '3', nodes: 0, loadBalancer: 'aws', podNetwork: 'routed', ingressNginx: 'no', proxyMode: 'ipvs', clusterCIDR: 16 })).engine).toEqual({ podNetwork: 'routed' });
    expect(loadSaved(raw({ nodes: 2.5, ingressNginxServiceType: 'ClusterIP', serviceCIDR: null })).engine).toEqual({});
    expect(loadSaved(raw({ clusterDomain: 'x'.repeat(300) })).engine).toEqual({});
    expect(loadSaved(raw('cloud')).engine).toBeUndefined();
    expect(loadSaved(raw({}, 42))).not.toHaveProperty('title');
    expect(loadSaved(raw({}, 'x'.repeat(201)))).not.toHaveProperty('title');
    expect(loadSaved(raw({}, 'Seed 004'))).toMatchObject({ title: 'Seed 004' });
  });

  it('saved options the engine refuses start kubepath\'s default cluster, and are forgotten', async () => {
    // A /24 clusterCIDR leaves no /24 for a node: the engine refuses it.
    const store = createWorkspaceStore({ engine: { clusterCIDR: '10.0.0.0/24' }, loadEngine: () => import('../../src/engine') });
    await vi.waitUntil(() => store.getState().engine === 'ready', { timeout: 20_000 });
    expect(store.getState().options).toEqual({});
    expect(store.getState().snapshot!.nodes).toHaveLength(2);
  });
});

describe('backupSaved and loadBackup', () => {
  const own = JSON.stringify({ v: 1, manifests: 'my own work\n', theme: 'dark' });
  const scenario = JSON.stringify({ v: 1, manifests: 'a scenario\n', title: 'Starter', options: { loadBalancer: 'none' } });

  it('keeps the learner\'s own work aside, and loadBackup returns it', () => {
    const storage = memoryStorage(own);
    expect(loadBackup(storage)).toBeNull();
    backupSaved(storage);
    expect(storage.data.get(BACKUP_KEY)).toBe(own);
    expect(loadBackup(storage)).toEqual({ manifests: 'my own work\n', theme: 'dark' });
    // The saved work itself is left as it was.
    expect(storage.data.get(STORAGE_KEY)).toBe(own);
  });

  it('keeps it once: a scenario saved over it is not backed up over the learner\'s work', () => {
    const storage = memoryStorage(own);
    backupSaved(storage);
    storage.data.set(STORAGE_KEY, scenario);
    backupSaved(storage);
    expect(storage.data.get(BACKUP_KEY)).toBe(own);
    expect(loadBackup(storage)).toMatchObject({ manifests: 'my own work\n' });
  });

  it('a scenario is never kept as the learner\'s work', () => {
    const storage = memoryStorage(scenario);
    backupSaved(storage);
    expect(storage.data.has(BACKUP_KEY)).toBe(false);
    expect(loadBackup(storage)).toBeNull();
  });

  it('nothing saved, unreadable work or a storage that throws: nothing kept, nothing thrown', () => {
    const empty = memoryStorage();
    backupSaved(empty);
    expect(empty.setItem).not.toHaveBeenCalled();
    const broken = memoryStorage('{"v":1,');
    backupSaved(broken);
    expect(broken.data.has(BACKUP_KEY)).toBe(false);
    const throwing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(() => backupSaved(throwing)).not.toThrow();
    expect(loadBackup(throwing)).toBeNull();
    expect(backupSaved(null)).toBeUndefined();
  });

  it('a backup that is not usable work is no backup', () => {
    const storage = memoryStorage();
    storage.data.set(BACKUP_KEY, JSON.stringify({ v: 1, manifests: 42 }));
    expect(loadBackup(storage)).toBeNull();
  });
});

describe('terminal history', () => {
  it('the commands typed are saved and ↑ has them after a reload; bad entries are dropped', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const store = createWorkspaceStore({ manifests: 'x', loadEngine: never });
    persistWorkspace(store, storage, 100);
    store.setState((s) => ({ terminal: { ...s.terminal, history: ['kubectl get pods', 'kubectl get svc'] } }));
    vi.advanceTimersByTime(150);
    const saved = JSON.parse(storage.data.get(STORAGE_KEY)!) as { history?: string[] };
    expect(saved.history).toEqual(['kubectl get pods', 'kubectl get svc']);
    const restored = loadSaved(storage);
    expect(restored.history).toEqual(['kubectl get pods', 'kubectl get svc']);
    expect(createWorkspaceStore({ ...restored, loadEngine: never }).getState().terminal.history).toEqual(['kubectl get pods', 'kubectl get svc']);
    const bad = JSON.stringify({ v: 1, manifests: 'x', history: ['ok', 42, '', 'y'.repeat(5000), null] });
    expect(loadSaved(memoryStorage(bad)).history).toEqual(['ok']);
  });
});
