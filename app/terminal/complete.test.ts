import { describe, expect, it } from 'vitest';
import { complete, type CompletionContext } from './complete';

const ctx: CompletionContext = {
  mode: 'workstation',
  names: (kind, ns) =>
    (
      {
      'Pod/default': ['client', 'web-7d9c-abcde', 'web-7d9c-fghij'],
      'Pod/kube-system': ['coredns-5d78-x1'],
      'Service/default': ['kubernetes', 'web'],
        'Deployment/default': ['web', 'worker'],
      } as Record<string, string[]>
    )[`${kind}/${ns}`] ?? [],
  namespaces: ['default', 'kube-system', 'ingress-nginx'],
  files: ['users-deployment.yaml', 'users-service.yaml', 'manifests.yaml'],
  services: ['web.default', 'kubernetes.default'],
};

/** The line after Tab with the cursor at the end, and the listed candidates. */
function tab(line: string, c: CompletionContext = ctx): [string, string[]] {
  const r = complete(line, line.length, c);
  return [r.line, r.candidates];
}

describe('complete', () => {
  it.each<[string, string, string[]?]>([
    ['kubectl sc', 'kubectl scale '],
    ['kubectl get po', 'kubectl get pods '],
    ['kubectl get pods cl', 'kubectl get pods client '],
    ['kubectl get pods web', 'kubectl get pods web-7d9c-', ['web-7d9c-abcde', 'web-7d9c-fghij']],
    ['kubectl get svc w', 'kubectl get svc web '],
    ['kubectl describe deploy/w', 'kubectl describe deploy/w', ['deploy/web', 'deploy/worker']],
    ['kubectl scale deployment web --rep', 'kubectl scale deployment web --replicas='],
    ['kubectl scale d', 'kubectl scale deployments '],
    ['kubectl get pods -o w', 'kubectl get pods -o wide '],
    ['kubectl get pods --output=y', 'kubectl get pods --output=yaml '],
    ['kubectl get pods -n kube-system c', 'kubectl get pods -n kube-system coredns-5d78-x1 '],
    ['kubectl get pods -n k', 'kubectl get pods -n kube-system '],
    ['kubectl apply -f users-', 'kubectl apply -f users-', ['users-deployment.yaml', 'users-service.yaml']],
    ['kubectl apply -f users-d', 'kubectl apply -f users-deployment.yaml '],
    ['kubectl exec -it cl', 'kubectl exec -it client '],
    ['kubectl rollout st', 'kubectl rollout status '],
    ['kubectl rollout status deployment w', 'kubectl rollout status deployment w', ['web', 'worker']],
    ['kubectl expose deployment web --type=N', 'kubectl expose deployment web --type=NodePort '],
    ['kubectl patch svc web --type m', 'kubectl patch svc web --type merge '],
    ['kubectl create service n', 'kubectl create service nodeport '],
    ['get pods | grep web; kubectl get dep', 'get pods | grep web; kubectl get deployments '],
    ['scale deploy w', 'scale deploy w', ['web', 'worker']],
    ['kub', 'kubectl '],
    ['kubectl get pods xyz', 'kubectl get pods xyz'],
  ])('%s', (line, expected, candidates = []) => {
    expect(tab(line)).toEqual([expected, candidates]);
  });

  it('completes in the middle of a line, keeping what follows the cursor', () => {
    const r = complete('kubectl get po -o wide', 'kubectl get po'.length, ctx);
    expect(r.line).toBe('kubectl get pods -o wide');
    expect(r.cursor).toBe('kubectl get pods'.length);
  });

  it('completes shell commands and Service names inside a pod', () => {
    const pod = { ...ctx, mode: 'pod' as const };
    expect(tab('nsl', pod)).toEqual(['nslookup ', []]);
    expect(tab('nslookup web.d', pod)).toEqual(['nslookup web.default', ['web.default', 'web.default.svc.cluster.local']]);
    expect(tab('curl http://k', pod)[0]).toBe('curl http://kubernetes');
    expect(tab('cat /etc/r', pod)).toEqual(['cat /etc/resolv.conf ', []]);
  });

  it.each<[string, string, string[]?]>([
    ['sudo ipt', 'sudo iptables-save '],
    ['iptables-s', 'iptables-save '],
    ['conn', 'conntrack '],
    ['logo', 'logout '],
    ['kubectl ed', 'kubectl ed'],
  ])('on a node: %s → %s', (line, after) => {
    expect(tab(line, { ...ctx, mode: 'node' })[0]).toBe(after);
  });

  it('completes kubectl edit like the other typed commands', () => {
    expect(tab('kubectl ed')).toEqual(['kubectl edit ', []]);
    expect(tab('kubectl edit svc w')).toEqual(['kubectl edit svc web ', []]);
  });
});
