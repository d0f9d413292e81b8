import { describe, expect, it } from 'vitest';
import { createPlayground } from '../../index';
import { EDIT_HEADER, editHeader } from './edit';
import { fieldErrors, manualStrip, stripComments } from './editsave';

function withService() {
  const pg = createPlayground();
  pg.kubectl('kubectl create deployment my-nginx --image=nginx');
  pg.kubectl('kubectl expose deployment my-nginx --type=NodePort --port=80');
  const r = pg.kubectl('kubectl edit svc my-nginx');
  return { pg, ws: pg.workstation(), r, session: r.edit! };
}

describe('kubectl edit', () => {
  it('opens the object as `get -o yaml` prints it under kubectl’s header, instead of an editor', () => {
    const { pg, r, session } = withService();
    expect(r).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(session.ref).toEqual({ kind: 'Service', namespace: 'default', name: 'my-nginx' });
    expect(session.text).toBe(EDIT_HEADER + pg.kubectl('kubectl get svc my-nginx -o yaml').stdout);
    expect(session.text.startsWith("# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\napiVersion: v1\nkind: Service\n")).toBe(true);
    expect(pg.kubectl('kubectl edit service/my-nginx').edit?.ref.name).toBe('my-nginx');
  });

  it.each([
    ['kubectl edit svc nope', 'Error from server (NotFound): services "nope" not found\n'],
    ['kubectl edit', "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n"],
  ])('%s fails as kubectl does', (line, stderr) => {
    const r = withService().pg.kubectl(line);
    expect(r).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('applies a change as a patch: `service/my-nginx edited`, the stored object changed (seed 003: NodePort → LoadBalancer)', () => {
    const { pg, ws, session } = withService();
    const before = pg.getObject({ kind: 'Service', name: 'my-nginx' });
    const r = ws.saveEdit(session, session.text.replace('type: NodePort', 'type: LoadBalancer'));
    expect(r).toEqual({ stdout: 'service/my-nginx edited\n', stderr: '', exitCode: 0 });
    const after = pg.getObject({ kind: 'Service', name: 'my-nginx' });
    expect(after?.kind === 'Service' && after.spec?.type).toBe('LoadBalancer');
    // What the user did not touch stays: the ClusterIP and the node port.
    expect(after?.kind === 'Service' && after.spec?.clusterIP).toBe(before?.kind === 'Service' && before.spec?.clusterIP);
    expect(after?.kind === 'Service' && after.spec?.ports?.[0]?.nodePort).toBe(before?.kind === 'Service' && before.spec?.ports?.[0]?.nodePort);
    expect(pg.kubectl('kubectl get svc my-nginx').stdout).toMatch(/my-nginx\s+LoadBalancer/);
  });

  it.each([
    ['the same text', (t: string) => t, 'Edit cancelled, no changes made.\n'],
    ['only comments and layout changed', (t: string) => `# mine\n${t.replace('kind: Service', 'kind:   Service')}`, 'Edit cancelled, no changes made.\n'],
    ['nothing but comments', () => '# gone\n\n', 'Edit cancelled, saved file was empty.\n'],
  ])('cancels when saved with %s', (_what, change, stderr) => {
    const { pg, ws, session } = withService();
    const rv = pg.clusterState.resourceVersion;
    expect(ws.saveEdit(session, change(session.text))).toEqual({ stdout: '', stderr, exitCode: 0 });
    expect(pg.clusterState.resourceVersion).toBe(rv);
  });

  it('reopens the editor with the API server’s causes in the header when the change is invalid', () => {
    const { ws, session } = withService();
    const edited = session.text.replace('type: NodePort', 'type: Foo');
    const r = ws.saveEdit(session, edited);
    expect(r).toMatchObject({ stdout: '', stderr: 'error: services "my-nginx" is invalid\n', exitCode: 0 });
    const reopened = r.edit!;
    const head = `${EDIT_HEADER}# services "my-nginx" was not valid:\n# * spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n`;
    expect(reopened.text.startsWith(head)).toBe(true);
    expect(reopened.text.endsWith(`#\n${manualStrip(edited)}`)).toBe(true);
    expect(reopened.original).toBe(session.original);
    // Saving it again unchanged gives up, keeping the file.
    const again = ws.saveEdit(reopened, reopened.text);
    expect(again.stderr).toMatch(/^A copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.\n$/);
    expect(again.exitCode).toBe(1);
    // Fixing it saves.
    expect(ws.saveEdit(reopened, reopened.text.replace('type: Foo', 'type: LoadBalancer'))).toEqual({ stdout: 'service/my-nginx edited\n', stderr: '', exitCode: 0 });
  });

  it('reopens with a syntax error in the header, printing nothing', () => {
    const { ws, session } = withService();
    const r = ws.saveEdit(session, session.text.replace('  type: NodePort', '  type: NodePort\n  foo: [bar'));
    expect(r).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(r.edit?.text).toMatch(/^# Please edit the object below\.[^]*#\n# The edited file had a syntax error: error parsing edited-file: error converting YAML to JSON: yaml: line \d+: [^\n]+\n#\napiVersion: v1\n/);
  });

  it.each([
    ['the name', (t: string) => t.replace('name: my-nginx\n  namespace', 'name: other\n  namespace'), 'At least one of apiVersion, kind and name was changed'],
    ['the kind', (t: string) => t.replace('kind: Service', 'kind: ConfigMap'), 'At least one of apiVersion, kind and name was changed'],
    ['the namespace', (t: string) => t.replace('namespace: default', 'namespace: kube-system'), `the namespace from the provided object "kube-system" does not match the namespace "default". You must pass '--namespace=kube-system' to perform this operation.`],
  ])('refuses a change of %s, keeping the file', (_what, change, message) => {
    const { ws, session } = withService();
    const r = ws.saveEdit(session, change(session.text));
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^A copy of your changes has been stored to "/tmp/kubectl-edit-\\d+\\.yaml"\\nerror: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n$`));
  });

  it('says when the object went away meanwhile', () => {
    const { pg, ws, session } = withService();
    pg.kubectl('kubectl delete svc my-nginx');
    const r = ws.saveEdit(session, session.text.replace('type: NodePort', 'type: LoadBalancer'));
    expect(r.stderr).toMatch(/^error: services "my-nginx" could not be found on the server\nThe edits you made on deleted resources have been saved to "\/tmp\/kubectl-edit-\d+\.yaml"\n$/);
    expect(r.exitCode).toBe(1);
  });
});

describe('the editor file', () => {
  it.each([
    [[], EDIT_HEADER],
    [[{ head: 'The edited file had a syntax error: x' }], `${EDIT_HEADER}# The edited file had a syntax error: x\n#\n`],
    [[{ head: 'services "a" was not valid', other: ['spec.type: Required value', 'b: two\nlines'] }], `${EDIT_HEADER}# services "a" was not valid:\n# * spec.type: Required value\n# * b: two\n# lines\n#\n`],
  ])('header with reasons %#', (reasons, text) => {
    expect(editHeader(reasons)).toBe(text);
  });

  it.each([
    ['# a\nkind: Pod\n  # b\n#!keep\n', 'kind: Pod\n#!keep\n'],
    ['kind: Pod', 'kind: Pod'],
  ])('ManualStrip %j', (text, stripped) => {
    expect(manualStrip(text)).toBe(stripped);
  });

  it('compares YAML as data, comments and layout aside', () => {
    expect(stripComments('# x\nb: 1\na: [1, 2]\n')).toBe(stripComments('a:\n- 1\n- 2\nb: 1\n'));
    expect(stripComments('a: 1\n')).not.toBe(stripComments('a: "1"\n'));
  });

  it.each([
    ['spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "NodePort"', ['spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "NodePort"']],
    ['spec.type: Required value, spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive', ['spec.type: Required value', 'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive']],
  ])('the causes of %j', (message, causes) => {
    expect(fieldErrors(message)).toEqual(causes);
  });
});
