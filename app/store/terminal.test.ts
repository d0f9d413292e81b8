import { describe, expect, it } from 'vitest';
import { createWorkspaceStore, type WorkspaceStore } from './index';
import { sampleManifests } from '../editor/sample';

async function ready(manifests = sampleManifests): Promise<WorkspaceStore> {
  const store = createWorkspaceStore({ manifests, loadEngine: () => import('../../src/engine') });
  const deadline = Date.now() + 20_000;
  while (store.getState().engine !== 'ready' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(store.getState().engine).toBe('ready');
  store.getState().advanceClock(30);
  return store;
}

const texts = (store: WorkspaceStore) => store.getState().terminal.lines.map((l) => `${l.kind}:${l.prompt ?? ''}${l.text}`);

describe('terminal slice', () => {
  it('runs kubectl, keeps history, and syncs what scale changed into the editor as applied', async () => {
    const store = await ready();
    const revision = store.getState().revision;
    await store.getState().runCommand('kubectl get pods');
    expect(texts(store)[0]).toBe('input:$ kubectl get pods');
    expect(texts(store)[1]).toMatch(/^stdout:NAME\s+READY\s+STATUS/);
    await store.getState().runCommand('kubectl scale deployment web --replicas=3');
    const s = store.getState();
    expect(s.manifests).toContain('  replicas: 3\n');
    expect(s.manifests).toContain('# Two nginx pods behind a Service,');
    expect(s.appliedText).toBe(s.manifests);
    expect(s.revision).toBeGreaterThan(revision);
    expect(s.sent).toBeNull();
    expect(texts(store)).toContain('info:Editor: updated deployment/web.');
    expect(s.terminal.history).toEqual(['kubectl get pods', 'kubectl scale deployment web --replicas=3']);
    // The sources follow the new text: the Deployment's document still starts where it did.
    expect(s.sources.map((x) => x.object)).toEqual(['Deployment/default/web', 'Service/default/web', 'Pod/default/client']);
  });

  it('keeps unapplied edits unapplied, and edits the applied text the same way', async () => {
    const store = await ready();
    store.getState().setManifests(store.getState().manifests.replace('image: nginx:1.27', 'image: nginx:1.29'));
    await store.getState().runCommand('kubectl label pod client tier=tools');
    const s = store.getState();
    expect(s.manifests).toContain('nginx:1.29');
    expect(s.manifests).toContain('    tier: tools\n');
    expect(s.appliedText).toContain('nginx:1.27');
    expect(s.appliedText).toContain('    tier: tools\n');
  });

  it('opens a shell in a pod with its prompt until exit', async () => {
    const store = await ready();
    await store.getState().runCommand('kubectl exec -it client -- sh');
    expect(store.getState().terminal.prompt).toBe('/ # ');
    expect(store.getState().terminal.shell).toEqual({ pod: 'default/client', container: 'curl' });
    await store.getState().runCommand('nslookup web');
    expect(texts(store).join('\n')).toContain('Name:\tweb.default.svc.cluster.local');
    await store.getState().runCommand('exit');
    expect(store.getState().terminal.prompt).toBe('$ ');
    expect(store.getState().terminal.shell).toBeNull();
  });

  it('opens a shell on a node with minikube ssh, where loopback reaches kube-proxy, until exit', async () => {
    const store = await ready();
    await store.getState().runCommand('minikube ssh');
    expect(store.getState().terminal.prompt).toBe('docker@node-1:~$ ');
    expect(store.getState().terminal.shell).toEqual({ node: 'node-1' });
    await store.getState().runCommand('curl localhost:10249/proxyMode');
    expect(texts(store).slice(-2)).toEqual(['stdout:iptables', 'request:GET http://localhost:10249/proxyMode']);
    await store.getState().runCommand('exit');
    expect(texts(store).at(-1)).toBe('stderr:logout');
    expect(store.getState().terminal.prompt).toBe('$ ');
    expect(store.getState().terminal.shell).toBeNull();
  });

  it('kubectl edit opens the editor; a save applies it and the editor text follows', async () => {
    const store = await ready();
    await store.getState().runCommand('kubectl edit svc web');
    const open = store.getState().terminal.edit!;
    expect(open.session.ref).toEqual({ kind: 'Service', namespace: 'default', name: 'web' });
    expect(open.session.text).toMatch(/^# Please edit the object below\./);
    await store.getState().saveTerminalEdit(open.session.text.replace('type: ClusterIP', 'type: NodePort'));
    const s = store.getState();
    expect(s.terminal.edit).toBeNull();
    expect(texts(store)).toContain('stdout:service/web edited');
    expect(texts(store)).toContain('info:Editor: updated service/web.');
    expect(s.manifests).toContain('type: NodePort');
    expect(s.playground!.getObject({ kind: 'Service', name: 'web' })).toMatchObject({ spec: { type: 'NodePort' } });
  });

  it('kubectl edit: cancel is an unchanged save; a refused save opens the editor again with the errors', async () => {
    const store = await ready();
    await store.getState().runCommand('kubectl edit svc web');
    await store.getState().cancelTerminalEdit();
    expect(store.getState().terminal.edit).toBeNull();
    expect(texts(store).at(-1)).toBe('stderr:Edit cancelled, no changes made.');
    await store.getState().runCommand('kubectl edit svc web');
    const first = store.getState().terminal.edit!;
    await store.getState().saveTerminalEdit(first.session.text.replace('type: ClusterIP', 'type: Nope'));
    const again = store.getState().terminal.edit!;
    expect(again.id).not.toBe(first.id);
    expect(again.session.text).toContain('# services "web" was not valid:\n# * spec.type: Unsupported value: "Nope"');
    expect(texts(store).at(-1)).toBe('stderr:error: services "web" is invalid');
    await store.getState().cancelTerminalEdit();
    expect(store.getState().terminal.edit).toBeNull();
    expect(texts(store).at(-1)).toMatch(/^stderr:A copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.$/);
  });

  it('collects the lines of a here-document and runs them as one command', async () => {
    const store = await ready();
    const lines = ['kubectl apply -f - <<EOF', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: settings', 'data:', '  mode: fast', 'EOF'];
    for (const line of lines.slice(0, -1)) await store.getState().enterTerminalLine(line);
    expect(store.getState().terminal.pending).toContain('kind: ConfigMap');
    await store.getState().enterTerminalLine('EOF');
    const s = store.getState();
    expect(s.terminal.pending).toBe('');
    expect(texts(store).filter((t) => t.startsWith('input:> '))).toHaveLength(lines.length - 1);
    expect(texts(store)).toContain('stdout:configmap/settings created');
    expect(s.terminal.history[s.terminal.history.length - 1]).toBe(lines.join('\n'));
    // Not in the text before: appended, so the next Apply keeps it.
    expect(s.manifests).toMatch(/---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n {2}name: settings\ndata:\n {2}mode: fast\n$/);
    s.applyManifests();
    expect(store.getState().playground!.getObject({ kind: 'ConfigMap', name: 'settings' })).toBeDefined();
  });

  it('offers the editor documents as files and names them when one is missing', async () => {
    const store = await ready();
    await store.getState().runCommand('kubectl delete -f client.yaml');
    expect(texts(store)).toContain('stdout:pod "client" deleted');
    expect(store.getState().manifests).not.toContain('name: client');
    await store.getState().runCommand('kubectl apply -f users.yaml');
    // The deleted document stays a file, as it would on disk after `kubectl delete -f`.
    expect(texts(store).at(-1)).toMatch(/^info:The editor's files: client\.yaml, web\.yaml, manifests\.yaml\./);
    store.getState().advanceClock(30); // the pod's grace period ends
    await store.getState().runCommand('kubectl apply -f client.yaml');
    expect(texts(store)).toContain('stdout:pod/client created');
    expect(store.getState().manifests).toContain('name: client');
  });

  it('keeps the trace of a curl for "Show this request", without touching the request being played', async () => {
    const store = await ready();
    await store.getState().runCommand('kubectl exec client -- curl -s http://web/');
    const line = store.getState().terminal.lines.find((l) => l.kind === 'request')!;
    expect(line.text).toBe('GET http://web/');
    expect(store.getState().sent).toBeNull();
    store.getState().showTerminalRequest(line.id);
    const sent = store.getState().sent!;
    expect(sent.trace).toBe(line.trace);
    expect(sent.revision).toBe(store.getState().revision);
    expect(store.getState().playing).toBe(true);
  });

  it('Ctrl+C drops the line and an unfinished command; clear empties the screen', async () => {
    const store = await ready();
    await store.getState().enterTerminalLine('echo "open');
    expect(store.getState().terminal.pending).toBe('echo "open');
    store.getState().interruptTerminal('more');
    expect(store.getState().terminal.pending).toBe('');
    expect(texts(store).at(-1)).toBe('input:> more^C');
    await store.getState().runCommand('clear');
    expect(store.getState().terminal.lines).toEqual([]);
  });
});
