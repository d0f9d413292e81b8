import { describe, expect, it } from 'vitest';
import { createPlayground } from '../../index';
import { runtimeNotFound } from '../../shell/run';

const NOT_IN_PATH = (p: string) => `OCI runtime exec failed: exec failed: unable to start container process: exec: "${p}": executable file not found in $PATH: unknown\ncommand terminated with exit code 126\n`;
const NO_FILE = (p: string) => `OCI runtime exec failed: exec failed: unable to start container process: exec: "${p}": stat ${p}: no such file or directory: unknown\ncommand terminated with exit code 126\n`;

function pods() {
  const pg = createPlayground();
  pg.kubectl('kubectl run box --image=busybox:1.28 -- sleep 3600');
  pg.kubectl('kubectl run alp --image=alpine -- sleep 3600');
  pg.kubectl('kubectl run web --image=nginx');
  pg.kubectl('kubectl run who --image=traefik/whoami');
  pg.advance(30);
  return pg;
}

describe('kubectl exec of a program the image does not have', () => {
  it.each([
    ['kubectl exec -it box -- bash', NOT_IN_PATH('bash')],
    ['kubectl exec -it alp -- bash', NOT_IN_PATH('bash')],
    ['kubectl exec box -- bash -c true', NOT_IN_PATH('bash')],
    ['kubectl exec -it box -- /bin/bash', NO_FILE('/bin/bash')],
    ['kubectl exec --stdin --tty who -- sh', NOT_IN_PATH('sh')],
    ['kubectl exec web -- nope', NOT_IN_PATH('nope')],
  ])('%s fails as the container runtime does, with no session', (line, stderr) => {
    expect(pods().kubectl(line)).toEqual({ stdout: '', stderr, exitCode: 126 });
  });

  it.each([
    ['kubectl exec -it web -- bash', ['bash'], 'root@web:/# '],
    ['kubectl exec -it web -- sh', ['sh'], '# '],
    ['kubectl exec -it box -- sh', ['sh'], '/ # '],
  ])('%s opens the shell (Debian images have bash)', (line, command, prompt) => {
    const pg = pods();
    const r = pg.kubectl(line);
    expect(r.interactive).toMatchObject({ kind: 'pod', command });
    expect(pg.workstation().attach(r.interactive!).prompt()).toBe(prompt);
  });

  it('bash in a Debian image speaks as bash', () => {
    const pg = pods();
    const sh = pg.workstation().attach(pg.kubectl('kubectl exec -it web -- bash').interactive!);
    expect(sh.run('nope')).toEqual({ stdout: '', stderr: 'bash: nope: command not found\n', exitCode: 127 });
  });

  it.each([
    ['bash', 'executable file not found in $PATH'],
    ['/usr/bin/bash', 'stat /usr/bin/bash: no such file or directory'],
  ])('runtimeNotFound(%s)', (program, why) => {
    expect(runtimeNotFound(program)).toBe(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": ${why}: unknown\ncommand terminated with exit code 126\n`);
  });
});

describe('kubectl run --expose', () => {
  it('creates the pod and a ClusterIP Service of its name; prints the Service first', () => {
    const pg = createPlayground();
    expect(pg.kubectl('kubectl run web --image=nginx --port=80 --expose')).toEqual({ stdout: 'service/web created\npod/web created\n', stderr: '', exitCode: 0 });
    expect(pg.getObject({ kind: 'Service', name: 'web' })).toMatchObject({ spec: { type: 'ClusterIP', selector: { run: 'web' }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] } });
    expect(pg.getObject({ kind: 'Service', name: 'web' })?.metadata.labels).toBeUndefined();
    pg.advance(30);
    expect(pg.kubectl('kubectl exec web -- curl -s -o /dev/null -w "%{http_code}" http://web').stdout).toBe('200');
  });

  it.each([
    ['kubectl run a --image=nginx --port=8080 --expose -l tier=web', { tier: 'web' }, { tier: 'web' }],
    ['kubectl run b --image=nginx --port=8080 --expose', { run: 'b' }, undefined],
  ])('%s: selector and labels from --labels', (line, selector, labels) => {
    const pg = createPlayground();
    pg.kubectl(line);
    const name = line.split(' ')[2]!;
    const svc = pg.getObject({ kind: 'Service', name });
    expect(svc?.kind === 'Service' && svc.spec?.selector).toEqual(selector);
    expect(svc?.metadata.labels).toEqual(labels);
  });

  it.each([
    ['kubectl run x --image=nginx --expose', { stdout: '', stderr: 'error: --port must be set when exposing a service\n', exitCode: 1 }],
    ['kubectl run x --image=nginx --port=80 --expose -o name', { stdout: 'service/x\npod/x\n', stderr: '', exitCode: 0 }],
    ['kubectl run x --image=nginx --port=80 --expose --dry-run=client', { stdout: 'service/x created (dry run)\npod/x created (dry run)\n', stderr: '', exitCode: 0 }],
  ])('%s', (line, expected) => {
    expect(createPlayground().kubectl(line)).toEqual(expected);
  });

  it('prints the Service, `---` and the pod for --dry-run=client -o yaml', () => {
    const out = createPlayground().kubectl('kubectl run x --image=nginx --port=80 --expose --dry-run=client -o yaml').stdout;
    expect(out).toMatch(/^apiVersion: v1\nkind: Service\nmetadata:\n {2}creationTimestamp: null\n {2}name: x\nspec:\n {2}ports:\n {2}- port: 80\n {4}protocol: TCP\n {4}targetPort: 80\n {2}selector:\n {4}run: x\nstatus:\n {2}loadBalancer: \{\}\n---\napiVersion: v1\nkind: Pod\n/);
  });

  it('keeps the pod when the Service exists, and says why it could not make it', () => {
    const pg = createPlayground();
    pg.kubectl('kubectl create service clusterip x --tcp=80');
    expect(pg.kubectl('kubectl run x --image=nginx --port=80 --expose')).toEqual({ stdout: 'pod/x created\n', stderr: 'Error from server (AlreadyExists): services "x" already exists\n', exitCode: 1 });
  });

  it('--rm -i removes the Service with the pod', () => {
    const pg = createPlayground();
    const r = pg.kubectl('kubectl run t --rm -i --restart=Never --image=busybox:1.28 --port=80 --expose -- echo hi');
    expect(r.stdout).toBe('service/t created\nhi\npod "t" deleted\nservice "t" deleted\n');
    expect(pg.getObject({ kind: 'Service', name: 't' })).toBeUndefined();
  });
});
