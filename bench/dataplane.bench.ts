/**
 * Issue 4's figures: request() through a ClusterIP with 10 endpoints in a 200-Service cluster;
 * iptablesSave (generate + render) and tracePacket (walk) for 200 and 2,000 Services, to show
 * how the cost grows with the number of Services.
 */
import { createPlayground, type ClusterPlayground } from '../src/engine/index';
import { proxyInput } from '../src/engine/dataplane/kubeproxy/input';
import { iptablesSave } from '../src/engine/dataplane/kubeproxy/rules';
import { parseIptablesSave } from '../src/engine/dataplane/netfilter/parse';
import { tracePacket } from '../src/engine/dataplane/netfilter/trace';
import { defineCase, type BenchCase } from './harness';
import { generateCluster } from './generate';

interface Cluster {
  pg: ClusterPlayground;
  /** ClusterIPs of the first and last Service rule in nat KUBE-SERVICES: the walk to the
   *  last one passes every other Service's rule first, as in the kernel. */
  firstIP: string;
  lastIP: string;
  services: number;
}

function cluster(services: number, replicas: number): Cluster {
  const g = generateCluster(services, replicas);
  const pg = createPlayground({ nodes: g.nodes });
  pg.apply(g.yaml);
  const save = iptablesSave(proxyInput(pg.clusterState, 'node-1'));
  const ips = [...save.matchAll(/^-A KUBE-SERVICES .*-d (\d+\.\d+\.\d+\.\d+) .*-j KUBE-SVC-/gm)].map((m) => m[1]!);
  return { pg, services, firstIP: ips[0]!, lastIP: ips.at(-1)! };
}

function rulesCases(services: number): BenchCase[] {
  const group = `kube-proxy rules: ${services} Services × 3 endpoints`;
  let c: Cluster | undefined;
  const get = () => (c ??= cluster(services, 3));
  return [
    defineCase({
      group,
      name: 'iptablesSave (build input + generate + render)',
      setup: get,
      run: (x) => iptablesSave(proxyInput(x.pg.clusterState, 'node-1')),
      info: (x) => ({ lines: iptablesSave(proxyInput(x.pg.clusterState, 'node-1')).split('\n').length }),
      minIterations: 5,
    }),
    defineCase({
      group,
      name: 'parse the dump (netfilter tables)',
      setup: () => iptablesSave(proxyInput(get().pg.clusterState, 'node-1')),
      run: (save) => parseIptablesSave(save),
      minIterations: 5,
    }),
    defineCase({
      group,
      name: 'tracePacket to the first Service rule in KUBE-SERVICES',
      setup: () => ({ tables: parseIptablesSave(iptablesSave(proxyInput(get().pg.clusterState, 'node-1'))).tables, ip: get().firstIP }),
      run: ({ tables, ip }) => tracePacket(tables, { src: '10.244.1.5', dst: ip, dport: 80 }, new Set(['192.168.49.3'])),
    }),
    defineCase({
      group,
      name: 'tracePacket to the last Service rule (walks them all)',
      setup: () => ({ tables: parseIptablesSave(iptablesSave(proxyInput(get().pg.clusterState, 'node-1'))).tables, ip: get().lastIP }),
      run: ({ tables, ip }) => tracePacket(tables, { src: '10.244.1.5', dst: ip, dport: 80 }, new Set(['192.168.49.3'])),
    }),
  ];
}

function requestCase(): BenchCase {
  const group = 'request(): pod → ClusterIP with 10 endpoints, 200-Service cluster';
  return defineCase({
    group,
    name: 'request (rules cached, as between cluster changes)',
    setup: () => {
      const g = generateCluster(200, 10);
      const pg = createPlayground({ nodes: g.nodes });
      pg.apply(g.yaml);
      const s = pg.snapshot();
      const client = s.pods.find((p) => p.namespace === 'default')!;
      const ip = s.services.find((x) => x.name === 'app-199')!.clusterIP!;
      const spec = { from: { pod: `default/${client.name}` }, url: `http://${ip}/` };
      pg.request(spec); // builds and caches the node's rules
      return { pg, spec };
    },
    run: ({ pg, spec }) => pg.request(spec),
    info: ({ pg, spec }) => ({ hops: pg.request(spec).hops.length }),
  });
}

export const dataplaneCases: BenchCase[] = [requestCase(), ...rulesCases(200), ...rulesCases(2000)];
