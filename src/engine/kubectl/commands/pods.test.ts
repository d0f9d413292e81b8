import { describe, expect, it } from 'vitest';
import { createPlayground } from '../../index';

const MONOLITH = `apiVersion: v1
kind: Pod
metadata:
  name: monolith
  labels:
    app: monolith
spec:
  containers:
    - name: monolith
      image: kelseyhightower/monolith:1.0.0
      args: ["-http=0.0.0.0:80", "-health=0.0.0.0:81", "-secret=secret"]
      ports:
        - {name: http, containerPort: 80}
        - {name: health, containerPort: 81}
`;

function withMonolith() {
  const pg = createPlayground({ loadBalancer: 'cloud' });
  pg.kubectl('kubectl apply -f monolith.yaml', { files: new Map([['monolith.yaml', MONOLITH]]) });
  return pg;
}

describe('kubectl run', () => {
  it('creates the pod BasicPod builds: label run=NAME, one container named NAME', () => {
    const pg = createPlayground();
    expect(pg.kubectl('kubectl run nginx --image=nginx --port=80 --env=A=1')).toEqual({ stdout: 'pod/nginx created\n', stderr: '', exitCode: 0 });
    expect(pg.getObject({ kind: 'Pod', name: 'nginx' })).toMatchObject({ metadata: { labels: { run: 'nginx' } }, spec: { restartPolicy: 'Always', containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }], env: [{ name: 'A', value: '1' }] }] } });
    expect(pg.kubectl('kubectl run nginx --image=nginx').stderr).toBe('Error from server (AlreadyExists): pods "nginx" already exists\n');
  });

  it('checks its flags as kubectl does', () => {
    const pg = createPlayground();
    expect(pg.kubectl('kubectl run x').stderr).toBe("error: --image is required\nSee 'kubectl run -h' for help and examples\n");
    expect(pg.kubectl('kubectl run x --image=busybox --rm').stderr).toBe("error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n");
    expect(pg.kubectl('kubectl run x --image=busybox --restart=Sometimes').stderr).toBe('error: invalid restart policy: Sometimes\n');
  });

  it('-i with a command prints its output, then --rm deletes the pod', () => {
    const pg = withMonolith();
    pg.kubectl('kubectl expose pod monolith --port=80');
    const r = pg.kubectl('kubectl run tmp --rm -i --restart=Never --image=busybox:1.28 -- wget -qO- http://monolith');
    const { traces, ...out } = r;
    expect(out).toEqual({ stdout: '{"message":"Hello"}\npod "tmp" deleted\n', stderr: '', exitCode: 0 });
    // The request the line sent, captured by the engine as it went.
    expect(traces?.map((t) => [t.request.url, t.request.from, t.outcome.kind])).toEqual([['http://monolith/', { pod: 'default/tmp', container: 'tmp' }, 'response']]);
  });
});

describe('kubectl exec', () => {
  it('runs the command, pipes to the workstation grep (seed 003: exec … -- printenv | grep SERVICE)', () => {
    const pg = withMonolith();
    expect(pg.kubectl('kubectl exec monolith -- printenv | grep SERVICE')).toEqual({ stdout: 'KUBERNETES_SERVICE_HOST=10.96.0.1\nKUBERNETES_SERVICE_PORT=443\nKUBERNETES_SERVICE_PORT_HTTPS=443\n', stderr: '', exitCode: 0 });
  });

  it('keeps sh -c words whole, and reports a failing command', () => {
    const pg = withMonolith();
    expect(pg.kubectl(`kubectl exec monolith -- sh -c 'echo "$HOSTNAME:$0"'`).stdout).toBe('monolith:sh\n');
    expect(pg.kubectl('kubectl exec monolith -- sh -c "exit 3"')).toEqual({ stdout: '', stderr: 'command terminated with exit code 3\n', exitCode: 3 });
    expect(pg.kubectl('kubectl exec monolith -- nope')).toEqual({
      stdout: '',
      stderr: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "nope": executable file not found in $PATH: unknown\ncommand terminated with exit code 126\n',
      exitCode: 126,
    });
  });

  it('runs piped input as the script of -i sh', () => {
    const pg = withMonolith();
    expect(pg.kubectl("echo 'hostname; echo done' | kubectl exec -i monolith -- sh").stdout).toBe('monolith\ndone\n');
  });

  it('-it with a shell opens an interactive session (seed 004: exec monolith --stdin --tty -c monolith -- /bin/sh)', () => {
    const r = withMonolith().kubectl('kubectl exec monolith --stdin --tty -c monolith -- /bin/sh');
    expect(r).toEqual({ stdout: '', stderr: '', exitCode: 0, interactive: { kind: 'pod', pod: 'default/monolith', container: 'monolith', command: ['/bin/sh'] } });
  });

  it('errors as kubectl does', () => {
    const pg = withMonolith();
    expect(pg.kubectl('kubectl exec monolith ls').stderr).toBe("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n");
    expect(pg.kubectl('kubectl exec monolith').stderr).toBe("error: you must specify at least one command for the container\nSee 'kubectl exec -h' for help and examples\n");
    expect(pg.kubectl('kubectl exec nope -- ls').stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(pg.kubectl('kubectl exec monolith -c web -- ls').stderr).toBe('error: container web is not valid for pod monolith out of: monolith\n');
  });

  it('says which container it defaulted to in a pod of several', () => {
    const pg = createPlayground();
    pg.apply('apiVersion: v1\nkind: Pod\nmetadata: {name: two}\nspec:\n  containers:\n  - {name: web, image: nginx}\n  - {name: side, image: busybox, command: [sleep, "3600"]}\n');
    expect(pg.kubectl('kubectl exec two -- hostname')).toEqual({ stdout: 'two\n', stderr: 'Defaulted container "web" out of: web, side\n', exitCode: 0 });
  });
});

describe('kubectl logs', () => {
  it("prints the requests a container served, in nginx's log format for nginx", () => {
    const pg = createPlayground();
    pg.kubectl('kubectl create deployment web --image=nginx:1.10.0');
    pg.kubectl('kubectl expose deployment web --port=80 --type=NodePort');
    pg.advance(5);
    pg.kubectl('curl -s http://192.168.49.3:$(kubectl get svc web -o jsonpath="{.spec.ports[0].nodePort}")/ > /dev/null');
    const r = pg.kubectl('kubectl logs deployment/web');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^10\.244\.\d+\.\d+ - - \[01\/Jan\/2026:00:00:05 \+0000\] "GET \/ HTTP\/1\.1" 200 \d+ "-" "curl\/8\.5\.0" "-"\n$/);
  });

  it('current nginx images log their entrypoint first; --tail N', () => {
    const pg = createPlayground();
    pg.kubectl('kubectl run web --image=nginx');
    const all = pg.kubectl('kubectl logs web').stdout.split('\n');
    expect(all[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(pg.kubectl('kubectl logs web --tail 1').stdout).toBe('2026/01/01 00:00:00 [notice] 1#1: start worker process 29\n');
  });

  it('follows the request through port-forward (seed 004: logs -f monolith)', () => {
    const pg = withMonolith();
    pg.kubectl('kubectl port-forward monolith 10080:80');
    pg.kubectl('curl -s http://127.0.0.1:10080/secure');
    expect(pg.kubectl('kubectl logs -f monolith').stdout).toBe('127.0.0.1 - - [01/Jan/2026:00:00:00 +0000] "GET /secure HTTP/1.1" 401 21 "-" "curl/8.5.0"\n');
    expect(pg.kubectl('kubectl logs nope').stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(pg.kubectl('kubectl logs monolith -c x').stderr).toBe('error: container x is not valid for pod monolith out of: monolith\n');
  });
});

describe('kubectl port-forward', () => {
  it('forwards 127.0.0.1 to the pod for the rest of the session (seed 004)', () => {
    const pg = withMonolith();
    expect(pg.kubectl('kubectl port-forward monolith 10080:80')).toEqual({ stdout: 'Forwarding from 127.0.0.1:10080 -> 80\nForwarding from [::1]:10080 -> 80\n', stderr: '', exitCode: 0 });
    expect(pg.kubectl('curl http://127.0.0.1:10080').stdout).toBe('{"message":"Hello"}\n');
    expect(pg.kubectl('curl http://127.0.0.1:10080/secure').stdout).toBe('authorization failed\n');
    const login = pg.kubectl('TOKEN=$(curl -s http://127.0.0.1:10080/login -u user | jq -r .token)', { stdin: 'password\n' });
    expect(login.stderr).toBe("Enter host password for user 'user':");
    expect(pg.kubectl('curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:10080/secure').stdout).toBe('{"message":"Hello"}\n');
    expect(pg.kubectl('curl -s http://127.0.0.1:9999').exitCode).toBe(7);
    expect(pg.kubectl('kubectl port-forward monolith 10080:80').stderr).toMatch(/^Unable to listen on port 10080: /);
    expect(createPlayground().workstation().portForwards()).toEqual([]);
  });

  it('svc/NAME picks a pod and translates the Service port to its target port', () => {
    const pg = withMonolith();
    pg.kubectl('kubectl create service clusterip mono --tcp=8080:80');
    pg.kubectl('kubectl label pod monolith app=mono --overwrite');
    expect(pg.kubectl('kubectl port-forward svc/mono 9090:8080').stdout).toBe('Forwarding from 127.0.0.1:9090 -> 80\nForwarding from [::1]:9090 -> 80\n');
    expect(pg.kubectl('curl -s localhost:9090').stdout).toBe('{"message":"Hello"}\n');
  });

  it('errors as kubectl does', () => {
    const pg = withMonolith();
    expect(pg.kubectl('kubectl port-forward monolith').stderr).toBe("error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n");
    expect(pg.kubectl('kubectl port-forward pod/nope 80').stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
});

describe('kubectl logs of a workload', () => {
  it('says which of its pods it read', () => {
    const pg = createPlayground();
    pg.kubectl('kubectl create deployment web --image=nginx:1.10.0 --replicas=2');
    const r = pg.kubectl('kubectl logs deploy/web');
    expect(r.stderr).toMatch(/^Found 2 pods, using pod\/web-[a-z0-9]+-[a-z0-9]{5}\n$/);
    const prompt = pg.workstation().attach(pg.kubectl('kubectl run curl --image=radial/busyboxplus:curl -i --tty').interactive!).prompt();
    expect(prompt).toBe('[ root@curl:/ ]$ ');
  });
});
