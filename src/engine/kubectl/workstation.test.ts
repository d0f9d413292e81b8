import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createPlayground } from '../index';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: registry.k8s.io/echoserver:1.4
        ports:
        - containerPort: 8080
`;

describe('the workstation terminal', () => {
  it('keeps exported and plain variables from one line to the next', () => {
    const pg = createPlayground();
    expect(pg.kubectl('export GREETING=hello; N=3').exitCode).toBe(0);
    expect(pg.kubectl('echo "$GREETING $N"').stdout).toBe('hello 3\n');
    expect(pg.kubectl('printenv GREETING').stdout).toBe('hello\n');
    expect(pg.kubectl('printenv N').exitCode).toBe(1);
  });

  it('makes the leading kubectl optional', () => {
    const pg = createPlayground();
    expect(pg.kubectl('get ns')).toEqual(pg.kubectl('kubectl get ns'));
    expect(pg.kubectl('get ns').stdout).toMatch(/^NAME\s+STATUS\s+AGE\n/);
  });

  it('applies a here-document, with $VARS expanded unless the delimiter is quoted', () => {
    const pg = createPlayground();
    pg.kubectl('export NAME=hello-cm');
    const r = pg.kubectl('kubectl apply -f - <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: $NAME\ndata:\n  a: b\nEOF');
    expect(r).toMatchObject({ stdout: 'configmap/hello-cm created\n', stderr: '', exitCode: 0 });
    expect(pg.kubectl("cat <<'EOF' | kubectl apply -f -\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: quoted\ndata:\n  a: $NAME\nEOF").stdout).toBe('configmap/quoted created\n');
    expect(pg.getObject({ kind: 'ConfigMap', name: 'quoted' })?.kind === 'ConfigMap' && pg.getObject({ kind: 'ConfigMap', name: 'quoted' })).toMatchObject({ data: { a: '$NAME' } });
  });

  it('says when a line is not finished yet (a terminal shows its > prompt)', () => {
    const ws = createPlayground().workstation();
    expect(ws.incomplete('kubectl apply -f - <<EOF\nkind: Pod')).toBe(true);
    expect(ws.incomplete('kubectl apply -f - <<EOF\nkind: Pod\nEOF')).toBe(false);
    expect(ws.incomplete('echo "abc')).toBe(true);
    expect(ws.incomplete('kubectl get pods |')).toBe(true);
    expect(ws.incomplete('kubectl get pods \\')).toBe(true);
    expect(ws.incomplete('for n in a b; do')).toBe(true);
    expect(ws.incomplete('kubectl get pods')).toBe(false);
  });

  it('reads the editor documents as files and keeps files it writes', () => {
    const pg = createPlayground();
    const files = new Map([['web.yaml', DEPLOY]]);
    expect(pg.kubectl('cat web.yaml | head -n 2', { files }).stdout).toBe('apiVersion: apps/v1\nkind: Deployment\n');
    pg.kubectl('kubectl create deployment x --image=nginx --dry-run=client -o yaml > x.yaml');
    expect(pg.kubectl('kubectl apply -f x.yaml').stdout).toBe('deployment.apps/x created\n');
  });

  it('reaches NodePorts from 192.168.49.1 with the variables of earlier lines, as seed 003 does', () => {
    const pg = createPlayground();
    pg.kubectl('kubectl apply -f web.yaml', { files: new Map([['web.yaml', DEPLOY]]) });
    expect(pg.kubectl('kubectl expose deployment web --type=NodePort --port=80 --target-port=8080').stdout).toBe('service/web exposed\n');
    pg.kubectl('export NODEPORT=$(kubectl get -o jsonpath="{.spec.ports[0].nodePort}" services web)');
    pg.kubectl(`export NODEIP=$(kubectl get nodes -o jsonpath='{.items[0].status.addresses[?(@.type=="InternalIP")].address}')`);
    expect(pg.kubectl('echo $NODEIP').stdout).toBe('192.168.49.3\n');
    const r = pg.kubectl('curl -s http://$NODEIP:$NODEPORT | grep -i client_address');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^client_address=10\.244\.\d+\.\d+\n$/);
    pg.kubectl(`kubectl patch svc web -p '{"spec":{"externalTrafficPolicy":"Local"}}'`);
    const local = pg.kubectl('for node in $(kubectl get nodes -o jsonpath="{.items[*].status.addresses[0].address}"); do curl --connect-timeout 1 -s $node:$NODEPORT | grep -i client_address; done');
    expect(local.stdout).toBe('client_address=192.168.49.1\n');
  });

  it('cannot reach a ClusterIP or resolve cluster names from outside the cluster', () => {
    const pg = createPlayground();
    pg.kubectl('kubectl create deployment web --image=nginx');
    pg.kubectl('kubectl expose deployment web --port=80');
    pg.kubectl('IP=$(kubectl get svc web -o jsonpath="{.spec.clusterIP}")');
    expect(pg.kubectl('curl -s --connect-timeout 1 http://$IP/').exitCode).toBe(28);
    expect(pg.kubectl('curl http://web.default.svc.cluster.local/')).toMatchObject({ exitCode: 6, stderr: expect.stringContaining('Could not resolve host: web.default.svc.cluster.local') });
  });

  it('answers a command it does not have as bash does', () => {
    expect(createPlayground().kubectl('helm install x')).toEqual({ stdout: '', stderr: 'bash: helm: command not found\n', exitCode: 127 });
  });

  it('has jq and base64 for tokens and Secrets', () => {
    const pg = createPlayground();
    expect(pg.kubectl(`echo '{"token":"abc"}' | jq -r '.token'`).stdout).toBe('abc\n');
    expect(pg.kubectl(`echo '{"a":[1,{"b":2}]}' | jq '.a[1]'`).stdout).toBe('{\n  "b": 2\n}\n');
    pg.kubectl('kubectl create secret generic s --from-literal=password=s3cret');
    expect(pg.kubectl("kubectl get secret s -o jsonpath='{.data.password}' | base64 -d").stdout).toBe('s3cret');
    expect(pg.kubectl('echo -n s3cret | base64').stdout).toBe('czNjcmV0\n');
  });
});

describe('interactive sessions', () => {
  it('kubectl exec -it … -- sh returns a marker, and attach gives a shell whose variables last until exit', () => {
    const pg = createPlayground();
    pg.kubectl('kubectl run box --image=busybox:1.28 -- sleep 3600');
    const r = pg.kubectl('kubectl exec -it box -- sh');
    expect(r).toEqual({ stdout: '', stderr: '', exitCode: 0, interactive: { kind: 'pod', pod: 'default/box', container: 'box', command: ['sh'] } });
    const sh = pg.workstation().attach(r.interactive!);
    expect(sh.prompt()).toBe('/ # ');
    expect(sh.run('X=42').exitCode).toBe(0);
    expect(sh.run('echo $X $HOSTNAME').stdout).toBe('42 box\n');
    expect(sh.run('exit 3')).toEqual({ stdout: '', stderr: 'command terminated with exit code 3\n', exitCode: 3, exited: true });
  });

  it('kubectl run -it --rm deletes the pod when the session ends', () => {
    const pg = createPlayground();
    const r = pg.kubectl('kubectl run busybox -it --image=busybox:1.28 --restart=Never --rm');
    expect(r.stderr).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect(r.interactive).toEqual({ kind: 'pod', pod: 'default/busybox', container: 'busybox', command: ['sh'], attach: true, removeOnExit: true });
    const sh = pg.workstation().attach(r.interactive!);
    expect(sh.run('wget -qO- http://kubernetes.default 2>&1 | head -n 1').exitCode).toBe(0);
    expect(sh.run('exit')).toMatchObject({ stdout: 'pod "busybox" deleted\n', exited: true });
    expect(pg.snapshot().pods.find((p) => p.name === 'busybox')?.terminating).toBe(true);
  });

  it('kubectl run -it without --rm leaves the pod and says how to attach again', () => {
    const pg = createPlayground();
    const r = pg.kubectl('kubectl run curl --image=radial/busyboxplus:curl -i --tty');
    const sh = pg.workstation().attach(r.interactive!);
    expect(sh.run('exit').stdout).toBe("Session ended, resume using 'kubectl attach curl -c curl -i -t' command when the pod is running\n");
  });
});

describe('the requests a line sent', () => {
  it('come back in the result, in order, as the engine made them', () => {
    const pg = createPlayground();
    pg.kubectl('kubectl apply -f web.yaml', { files: new Map([['web.yaml', DEPLOY]]) });
    pg.kubectl('kubectl expose deployment web --type=NodePort --port=80 --target-port=8080');
    pg.kubectl('kubectl run client --image=curlimages/curl -- sleep 3600');
    pg.advance(30);
    expect(pg.kubectl('kubectl get pods').traces).toBeUndefined();
    const inPod = pg.kubectl('kubectl exec client -- curl -s http://web/ >/dev/null; kubectl exec client -- curl -s http://web.default/ > /dev/null');
    expect(inPod.traces?.map((t) => [t.request.from, t.request.url])).toEqual([
      [{ pod: 'default/client', container: 'client' }, 'http://web/'],
      [{ pod: 'default/client', container: 'client' }, 'http://web.default/'],
    ]);
    const port = pg.kubectl('kubectl get svc web -o jsonpath="{.spec.ports[0].nodePort}"').stdout;
    const here = pg.kubectl(`curl -s http://192.168.49.3:${port}/ | head -n 1`);
    expect(here.traces).toHaveLength(1);
    expect(here.traces?.[0]).toMatchObject({ request: { from: { external: '192.168.49.1' } }, outcome: { kind: 'response', status: 200 } });
    // The trace is the one the engine made (its hops), not a copy made after.
    expect(here.traces?.[0]?.hops[0]?.kind).toBe('send');
  });

  it('in an attached shell too', () => {
    const pg = createPlayground();
    pg.kubectl('kubectl run box --image=busybox:1.28 -- sleep 3600');
    pg.advance(30);
    const sh = pg.workstation().attach(pg.kubectl('kubectl exec -it box -- sh').interactive!);
    expect(sh.run('wget -qO- http://kubernetes.default >/dev/null 2>&1; echo done').traces).toHaveLength(1);
    expect(sh.run('echo quiet').traces).toBeUndefined();
  });
});

describe('the terminal never throws', () => {
  const pieces = ['kubectl', 'minikube', 'curl', 'get', 'apply', 'create', 'delete', 'expose', 'scale', 'label', 'annotate', 'patch', 'set', 'image', 'rollout', 'status', 'undo', 'restart', 'run', 'exec', 'logs', 'port-forward', 'service', 'tunnel', 'ssh', 'edit', 'deployment', 'deploy/web', 'svc', 'pod', 'pods', 'web', 'secret', 'tls', 'generic', 'configmap', 'ingress', 'namespace', '-f', '-', 'x.yaml', '-l', 'app=web', '--all', '-n', 'kube-system', '-o', 'yaml', 'name', '--replicas=2', '--image=nginx', '--port=80', '--type=NodePort', '-p', '{"spec":{}}', '--type=json', '[]', '-it', '--rm', '--', 'sh', 'printenv', '10080:80', '--url', '|', '&&', ';', '<<EOF', 'EOF', '\n', '$(', ')', '"', "'", 'grep', 'jq', 'base64', '-d', 'for', 'in', 'do', 'done', 'export', 'X=1', '$X'];
  it('for random command lines; exit codes stay in 0..255', () => {
    const pg = createPlayground();
    pg.kubectl('kubectl create deployment web --image=nginx');
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 5 })), { maxLength: 10 }), (parts) => {
        const r = pg.kubectl(parts.join(' '), { files: new Map([['x.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n']]) });
        expect(Number.isInteger(r.exitCode) && r.exitCode >= 0 && r.exitCode <= 255).toBe(true);
        expect(typeof r.stdout).toBe('string');
      }),
      { numRuns: 400 },
    );
  });
});

describe('a program that asks the terminal (io.ask)', () => {
  const MONOLITH = `apiVersion: v1
kind: Pod
metadata: { name: monolith, labels: { app: monolith } }
spec:
  containers:
  - name: monolith
    image: kelseyhightower/monolith:1.0.0
    args: ["-http=0.0.0.0:80", "-health=0.0.0.0:81", "-secret=secret"]
    ports: [{ name: http, containerPort: 80 }, { name: health, containerPort: 81 }]
`;
  it('stops at curl -u user without a password, then runs with the answer as stdin', () => {
    const pg = createPlayground();
    pg.apply(MONOLITH);
    pg.advance(20);
    pg.kubectl('kubectl port-forward monolith 10080:80');
    const line = "TOKEN=$(curl http://127.0.0.1:10080/login -u user|jq -r '.token')";
    expect(pg.kubectl(line, { ask: true })).toEqual({ stdout: '', stderr: '', exitCode: 0, asks: { prompt: "Enter host password for user 'user':", secret: true } });
    expect(pg.kubectl('echo $TOKEN').stdout).toBe('\n');
    const answered = pg.kubectl(line, { ask: true, stdin: 'password\n' });
    expect(answered.asks).toBeUndefined();
    expect(answered.stderr).toMatch(/^Enter host password for user 'user':/);
    expect(pg.kubectl('echo $TOKEN').stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    // Without `ask` nothing stops: curl reads an empty password.
    expect(pg.kubectl('curl -u user http://127.0.0.1:10080/login').asks).toBeUndefined();
  });
});
