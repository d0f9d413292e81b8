// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspaceStore, WorkspaceProvider, type WorkspaceStore } from '../store';
import { sampleManifests } from '../editor/sample';
import { RequestDock } from '../panels/RequestDock';

afterEach(cleanup);

async function setup(): Promise<WorkspaceStore> {
  const store = createWorkspaceStore({ manifests: sampleManifests, loadEngine: () => import('../../src/engine') });
  await waitFor(() => expect(store.getState().engine).toBe('ready'), { timeout: 20_000 });
  act(() => store.getState().advanceClock(30));
  render(
    <WorkspaceProvider store={store}>
      <RequestDock />
    </WorkspaceProvider>,
  );
  fireEvent.click(screen.getByRole('tab', { name: 'Terminal' }));
  return store;
}

const terminal = () => screen.getByRole('region', { name: 'Terminal' });
const input = () => within(terminal()).getByRole('textbox', { name: 'Terminal input' }) as HTMLInputElement;
const screenText = () => within(terminal()).getByRole('log').textContent ?? '';
const prompt = () => terminal().querySelector('.terminal__command .terminal__prompt')!.textContent;

/** Type a line and press Enter; wait for its output (or for `until`). */
async function type(line: string, store: WorkspaceStore, until?: () => void) {
  const before = store.getState().terminal.lines.length;
  until ??= () => expect(store.getState().terminal.lines.length).toBeGreaterThan(before + 1);
  fireEvent.change(input(), { target: { value: line } });
  fireEvent.keyDown(input(), { key: 'Enter' });
  await waitFor(until, { timeout: 10_000 });
}

describe('Terminal', () => {
  it('is a tab of the Request dock; the request console steps aside for it', async () => {
    await setup();
    expect(screen.getByRole('tab', { name: 'Terminal' }).getAttribute('aria-selected')).toBe('true');
    expect(input()).toBeTruthy();
    expect(prompt()).toBe('$ ');
    expect(within(screen.getByRole('region', { name: 'Request' })).getByLabelText('URL').closest('[hidden]')).not.toBeNull();
  });

  it('runs kubectl, recalls history with the arrows, and writes a scale into the editor', async () => {
    const store = await setup();
    await type('kubectl get pods -o wide', store);
    expect(screenText()).toMatch(/\$ kubectl get pods -o wide\nNAME\s+READY\s+STATUS.*\nclient\s+1\/1\s+Running/);
    await type('kubectl scale deployment web --replicas=3', store);
    expect(screenText()).toContain('deployment.apps/web scaled');
    expect(store.getState().manifests).toContain('replicas: 3');
    expect(store.getState().appliedText).toBe(store.getState().manifests);
    fireEvent.keyDown(input(), { key: 'ArrowUp' });
    expect(input().value).toBe('kubectl scale deployment web --replicas=3');
    fireEvent.keyDown(input(), { key: 'ArrowUp' });
    expect(input().value).toBe('kubectl get pods -o wide');
    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    expect(input().value).toBe('');
  });

  it('completes on Tab and lists the candidates when it cannot add more', async () => {
    const store = await setup();
    await waitFor(() => expect(store.getState().terminalFiles().size).toBeGreaterThan(0));
    fireEvent.change(input(), { target: { value: 'kubectl get po' } });
    fireEvent.keyDown(input(), { key: 'Tab' });
    expect(input().value).toBe('kubectl get pods ');
    fireEvent.change(input(), { target: { value: 'kubectl get pods web' } });
    fireEvent.keyDown(input(), { key: 'Tab' });
    expect(input().value).toMatch(/^kubectl get pods web-[a-z0-9]+-$/);
    fireEvent.keyDown(input(), { key: 'Tab' });
    const pods = store.getState().snapshot!.pods.filter((p) => p.name.startsWith('web-')).map((p) => p.name);
    for (const pod of pods) expect(screenText()).toContain(pod);
    fireEvent.change(input(), { target: { value: 'kubectl apply -f cl' } });
    fireEvent.keyDown(input(), { key: 'Tab' });
    expect(input().value).toBe('kubectl apply -f client.yaml ');
  });

  it('switches the prompt into a pod’s shell until exit', async () => {
    const store = await setup();
    await type('kubectl exec -it client -- sh', store, () => expect(prompt()).toBe('/ # '));
    expect(terminal().querySelector('.terminal__command')!.getAttribute('data-where')).toBe('pod default/client, container curl · exit to leave');
    await type('nslookup web', store);
    expect(screenText()).toContain('/ # nslookup web\nServer:');
    await type('exit', store, () => expect(prompt()).toBe('$ '));
  });

  it('runs a pasted here-document as one command, with > prompts for its lines', async () => {
    const store = await setup();
    const text = 'kubectl apply -f - <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\nEOF\n';
    fireEvent.paste(input(), { clipboardData: { getData: () => text } });
    await waitFor(() => expect(screenText()).toContain('configmap/settings created'));
    expect(screenText()).toContain('$ kubectl apply -f - <<EOF\n> apiVersion: v1\n');
    expect(store.getState().manifests).toContain('name: settings');
    expect(input().value).toBe('');
  });

  it('Ctrl+C drops the line, Ctrl+L clears the screen', async () => {
    const store = await setup();
    fireEvent.change(input(), { target: { value: 'kubectl get nodes' } });
    fireEvent.keyDown(input(), { key: 'c', ctrlKey: true });
    expect(screenText()).toBe('$ kubectl get nodes^C\n');
    expect(input().value).toBe('');
    fireEvent.keyDown(input(), { key: 'l', ctrlKey: true });
    expect(store.getState().terminal.lines).toEqual([]);
  });

  it('"Show this request" plays a curl’s trace in the Trace tab', async () => {
    const store = await setup();
    await type('kubectl exec client -- curl -s http://web/', store);
    expect(screenText()).toContain('Welcome to nginx!');
    fireEvent.click(within(terminal()).getByRole('button', { name: 'Show this request' }));
    expect(screen.getByRole('tab', { name: 'Trace' }).getAttribute('aria-selected')).toBe('true');
    const sent = store.getState().sent!;
    expect(sent.spec.url).toBe('http://web/');
    expect(sent.spec.from).toEqual({ pod: 'default/client', container: 'curl' });
    expect(store.getState().draft.url).toBe('http://web/');
    expect(screen.getByRole('list', { name: 'Hops' })).toBeTruthy();
  });

  it('kubectl edit takes the terminal over with an editor; Save applies it', async () => {
    const store = await setup();
    await type('kubectl edit svc web', store, () => expect(store.getState().terminal.edit).not.toBeNull());
    const editor = within(terminal()).getByRole('textbox', { name: 'Edit service/web' }) as HTMLTextAreaElement;
    expect(editor.value).toMatch(/^# Please edit the object below\. Lines beginning with a '#' will be ignored,\n/);
    expect(document.activeElement).toBe(editor);
    // The scrollback and the command line step aside while the editor is open.
    expect(within(terminal()).getByRole('log', { hidden: true }).hidden).toBe(true);
    expect(within(terminal()).getByLabelText('Terminal input').closest('[hidden]')).not.toBeNull();
    fireEvent.change(editor, { target: { value: editor.value.replace('type: ClusterIP', 'type: NodePort') } });
    fireEvent.click(within(terminal()).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(store.getState().terminal.edit).toBeNull());
    expect(screenText()).toContain('service/web edited');
    expect(store.getState().manifests).toContain('type: NodePort');
    expect(within(terminal()).queryByRole('textbox', { name: 'Edit service/web' })).toBeNull();
    expect(input().closest('[hidden]')).toBeNull();
  });

  it('in the editor, Ctrl+S saves and Escape cancels; a refused save shows the errors in the editor', async () => {
    const store = await setup();
    await type('kubectl edit svc web', store, () => expect(store.getState().terminal.edit).not.toBeNull());
    fireEvent.keyDown(within(terminal()).getByRole('textbox', { name: 'Edit service/web' }), { key: 'Escape' });
    await waitFor(() => expect(store.getState().terminal.edit).toBeNull());
    expect(screenText()).toContain('Edit cancelled, no changes made.');
    await type('kubectl edit svc web', store, () => expect(store.getState().terminal.edit).not.toBeNull());
    const editor = () => within(terminal()).getByRole('textbox', { name: 'Edit service/web' }) as HTMLTextAreaElement;
    fireEvent.change(editor(), { target: { value: editor().value.replace('type: ClusterIP', 'type: Nope') } });
    fireEvent.keyDown(editor(), { key: 's', ctrlKey: true });
    await waitFor(() => expect(editor().value).toContain('# services "web" was not valid:'));
    expect(editor().value).toContain('type: Nope');
    fireEvent.click(within(terminal()).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(store.getState().terminal.edit).toBeNull());
    expect(screenText()).toContain('error: Edit cancelled, no valid changes were saved.');
  });

  it('minikube ssh puts the prompt on the node until exit', async () => {
    const store = await setup();
    await type('minikube ssh -n node-2', store, () => expect(prompt()).toBe('docker@node-2:~$ '));
    expect(terminal().querySelector('.terminal__command')!.getAttribute('data-where')).toBe('node node-2 · exit to leave');
    await type('curl -s localhost:10249/proxyMode', store);
    expect(screenText()).toContain('docker@node-2:~$ curl -s localhost:10249/proxyMode\niptables\n');
    await type('exit', store, () => expect(prompt()).toBe('$ '));
  });
});
