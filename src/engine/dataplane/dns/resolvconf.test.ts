/**
 * /etc/resolv.conf per dnsPolicy, as the kubelet composes it (pkg/kubelet/network/dns/dns.go,
 * its dns_test.go cases for ClusterFirst, Default, None + dnsConfig, hostNetwork) and
 * containerd writes it; the dnsConfig example of the Kubernetes docs ("Pod's DNS Config").
 */
import { describe, expect, it } from 'vitest';
import { createPlayground } from '../../index';
import type { PodObject } from '../../api/objects';
import { viewOf } from '../../cluster/state';
import { ndotsOf, resolvConf } from './resolvconf';

function podsOf(yaml: string, options = {}) {
  const pg = createPlayground(options);
  expect(pg.apply(yaml).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  pg.advance(10);
  const state = pg.clusterState;
  return { state, pod: (ns: string, name: string) => viewOf(state).get('Pod', ns, name)! };
}

const pod = (name: string, spec: string, ns = 'default') => `---
apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: ${ns}}
spec:
  containers: [{name: c, image: nginx}]
${spec}`;

describe('resolvConf', () => {
  it('ClusterFirst (the default): kube-dns, the namespace search list, ndots:5', () => {
    const { state, pod: get } = podsOf(pod('web', '') + '\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: team-a}\n' + pod('api', '', 'team-a'));
    const conf = resolvConf(get('default', 'web'), state);
    expect(conf.text).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    expect(conf).toMatchObject({ nameservers: ['10.96.0.10'], searches: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], options: ['ndots:5'], warnings: [] });
    expect(resolvConf(get('team-a', 'api'), state).searches[0]).toBe('team-a.svc.cluster.local');
  });

  it('follows the cluster domain and the Service range', () => {
    const { state, pod: get } = podsOf(pod('web', ''), { clusterDomain: 'k8s.example', serviceCIDR: '10.0.0.0/24' });
    expect(resolvConf(get('default', 'web'), state).text).toBe('search default.svc.k8s.example svc.k8s.example k8s.example\nnameserver 10.0.0.10\noptions ndots:5\n');
  });

  it("Default: a copy of the node's resolv.conf (the CoreDNS pods use it)", () => {
    const { state, pod: get } = podsOf(pod('web', '  dnsPolicy: Default'));
    expect(resolvConf(get('default', 'web'), state).text).toBe('nameserver 192.168.49.1\n');
    const coredns = [...viewOf(state).list('Pod')].find((p) => p.metadata.name.startsWith('coredns-'))!;
    expect(resolvConf(coredns, state).text).toBe('nameserver 192.168.49.1\n');
  });

  it('hostNetwork: ClusterFirst falls back to Default; ClusterFirstWithHostNet keeps cluster DNS', () => {
    const { state, pod: get } = podsOf(pod('h1', '  hostNetwork: true') + '\n' + pod('h2', '  hostNetwork: true\n  dnsPolicy: ClusterFirstWithHostNet'));
    expect(resolvConf(get('default', 'h1'), state).nameservers).toEqual(['192.168.49.1']);
    expect(resolvConf(get('default', 'h2'), state).nameservers).toEqual(['10.96.0.10']);
  });

  it('None + dnsConfig: only what the pod says (the docs example)', () => {
    const spec = `  dnsPolicy: "None"
  dnsConfig:
    nameservers: [192.0.2.1]
    searches: [ns1.svc.cluster-domain.example, my.dns.search.suffix]
    options:
    - {name: ndots, value: "2"}
    - {name: edns0}`;
    const { state, pod: get } = podsOf(pod('dns-example', spec));
    const conf = resolvConf(get('default', 'dns-example'), state);
    expect(conf.text).toBe('search ns1.svc.cluster-domain.example my.dns.search.suffix\nnameserver 192.0.2.1\noptions ndots:2 edns0\n');
    expect(ndotsOf(conf.options)).toBe(2);
  });

  it('ClusterFirst + dnsConfig: appended without duplicates, options merged by name', () => {
    const spec = `  dnsConfig:
    nameservers: [10.96.0.10, 1.1.1.1]
    searches: [cluster.local, corp.example]
    options:
    - {name: ndots, value: "1"}
    - {name: single-request-reopen}`;
    const { state, pod: get } = podsOf(pod('web', spec));
    expect(resolvConf(get('default', 'web'), state).text).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local corp.example\nnameserver 10.96.0.10\nnameserver 1.1.1.1\noptions ndots:1 single-request-reopen\n',
    );
  });

  it('limits: 3 nameservers, 32 search domains, with the kubelet warning', () => {
    const { state, pod: get } = podsOf(pod('web', ''));
    const base = get('default', 'web');
    const many: PodObject = {
      ...base,
      spec: { ...base.spec!, dnsConfig: { nameservers: ['1.1.1.1', '8.8.8.8', '9.9.9.9'], searches: Array.from({ length: 32 }, (_, i) => `s${i}.example`) } },
    };
    const conf = resolvConf(many, state);
    expect(conf.nameservers).toEqual(['10.96.0.10', '1.1.1.1', '8.8.8.8']);
    expect(conf.searches).toHaveLength(32);
    expect(conf.searches.at(-1)).toBe('s28.example');
    expect(conf.warnings).toEqual([
      'Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: 10.96.0.10 1.1.1.1 8.8.8.8',
      expect.stringMatching(/^Search Line limits were exceeded, some search paths have been omitted, the applied search line is: default\.svc\.cluster\.local /),
    ]);
  });

  it('ndots: default 1, capped at 15', () => {
    expect(ndotsOf([])).toBe(1);
    expect(ndotsOf(['ndots:5'])).toBe(5);
    expect(ndotsOf(['ndots:30'])).toBe(15);
  });
});
