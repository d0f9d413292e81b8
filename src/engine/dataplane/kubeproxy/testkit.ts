/**
 * Test support only (no engine code imports this): builders in the shape of kube-proxy's own
 * test helpers (makeTestService, makeTestEndpointSlice, NewFakeProxier in
 * pkg/proxy/iptables/proxier_test.go) and a packet tracer that walks a dump the way that
 * test file's tracePacket does, so upstream packet-flow tables can be replayed here.
 */
import type { EndpointSliceObject, ServiceObject } from '../../api/objects';
import { cidrContains, parseCidr, parseIPv4 } from '../../net/ipv4';
import { buildProxyInput } from './input';
import { DEFAULT_KUBE_PROXY_CONFIG, type KubeProxyConfig, type ProxyInput } from './types';

export const TEST_NODE_NAME = 'test-node';
export const TEST_NODE_IP = '192.168.0.2';
export const TEST_NODE_IP_ALT = '192.168.1.2';
export const TEST_EXTERNAL_IP = '192.168.99.11';
export const TEST_EXTERNAL_CLIENT = '203.0.113.2';
export const TEST_EXTERNAL_CLIENT_BLOCKED = '203.0.113.130';

type Spec = NonNullable<ServiceObject['spec']>;

export function makeService(namespace: string, name: string, spec: Spec, status?: ServiceObject['status']): ServiceObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { namespace, name }, spec, ...(status ? { status } : {}) };
}

export function makeSlice(
  namespace: string,
  service: string,
  n: number,
  endpoints: NonNullable<EndpointSliceObject['endpoints']>,
  ports: NonNullable<EndpointSliceObject['ports']>,
): EndpointSliceObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { namespace, name: `${service}-${n}`, labels: { 'kubernetes.io/service-name': service } },
    addressType: 'IPv4',
    endpoints,
    ports,
  };
}

/** The fake proxier's settings: pod CIDR 10.0.0.0/8, mark "0x4000", no --random-fully, nfacct counters present. */
export function fakeProxyInput(services: ServiceObject[], slices: EndpointSliceObject[], config: Partial<KubeProxyConfig> = {}): ProxyInput {
  return buildProxyInput({
    node: { name: TEST_NODE_NAME, ip: TEST_NODE_IP, addresses: [TEST_NODE_IP, TEST_NODE_IP_ALT, TEST_EXTERNAL_IP], labels: {} },
    config: { ...DEFAULT_KUBE_PROXY_CONFIG, clusterCIDR: '10.0.0.0/8', randomFully: false, masqueradeMarkOverride: '0x4000', ...config },
    services,
    endpointSlices: slices,
  });
}

const BUILTIN = new Set(['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING']);

/**
 * Our dump minus what kube-proxy does not write through iptables-restore: the built-in chains
 * and the jump rules it installs in them with `iptables -I`. What is left is comparable with
 * the restore data upstream's tests capture (fp.iptablesData).
 */
export function restoreData(dump: string): string {
  return dump
    .split('\n')
    .filter((line) => {
      const m = /^(?::|-A )(\S+)/.exec(line);
      return !(m && BUILTIN.has(m[1]!));
    })
    .join('\n');
}

/** Splits a rule into words, keeping a double-quoted comment as one word (without quotes). */
export function ruleWords(rule: string): string[] {
  const words: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (let m = re.exec(rule); m; m = re.exec(rule)) words.push(m[1] ?? m[2]!);
  return words;
}

export type Tables = Map<string, Map<string, string[][]>>;

export function parseDump(dump: string): Tables {
  const tables: Tables = new Map();
  let current: Map<string, string[][]> | undefined;
  for (const line of dump.split('\n')) {
    if (line.startsWith('*')) tables.set(line.slice(1), (current = new Map()));
    else if (line.startsWith(':')) current!.set(line.slice(1).split(' ')[0]!, []);
    else if (line.startsWith('-A ')) {
      const words = ruleWords(line);
      current!.get(words[1]!)!.push(words);
    }
  }
  return tables;
}

function addressMatches(spec: string, ip: string): boolean {
  const n = parseIPv4(ip)!;
  const cidr = parseCidr(spec.includes('/') ? spec : `${spec}/32`)!;
  return cidrContains(cidr, n);
}

interface Packet {
  src: string;
  dst: string;
  dport: number;
  proto: string;
}

/** upstream proxier_test.go tracePacket: every probabilistic branch is followed. */
export function tracePacket(dump: string, pkt: Packet, localIPs: string[]): { output: string; masq: boolean; matches: string[] } {
  const tables = parseDump(dump);
  const local = new Set(['127.0.0.1', ...localIPs]);
  const outputs: string[] = [];
  const matches: string[] = [];
  let masq = false;
  let dst = pkt.dst;

  const ruleMatches = (w: string[]): boolean => {
    for (let i = 2; i < w.length; i++) {
      const neg = w[i] === '!';
      const key = neg ? w[i + 1] : w[i];
      const val = neg ? w[i + 2] : w[i + 1];
      const step = neg ? 2 : 1;
      let ok: boolean | undefined;
      if (key === '-s') ok = addressMatches(val!, pkt.src);
      else if (key === '-d') ok = addressMatches(val!, dst);
      else if (key === '-p') ok = val === pkt.proto;
      else if (key === '--dport') ok = Number(val) === pkt.dport;
      else if (key === '--src-type') ok = local.has(pkt.src) === (val === 'LOCAL');
      else if (key === '--dst-type') ok = local.has(dst) === (val === 'LOCAL');
      else if (key === '--rcheck' || key === '--mark' || key === '--ctstate') return false;
      if (ok !== undefined) {
        if (ok === neg) return false;
        i += step;
      }
    }
    return true;
  };

  const runChain = (table: string, chain: string): boolean => {
    for (const w of tables.get(table)?.get(chain) ?? []) {
      const j = w.indexOf('-j');
      if (j < 0 || !ruleMatches(w)) continue;
      matches.push(w.join(' '));
      const target = w[j + 1]!;
      if (target === 'KUBE-MARK-MASQ') {
        masq = true;
        continue;
      }
      if (target === 'ACCEPT' || target === 'REJECT' || target === 'DROP') {
        outputs.push(target);
        return true;
      }
      if (target === 'DNAT') {
        outputs.push(w[w.indexOf('--to-destination') + 1]!);
        return true;
      }
      const terminated = runChain(table, target);
      if (terminated && !w.includes('--probability')) return true;
    }
    return false;
  };

  runChain('nat', 'PREROUTING');
  if (outputs.length > 0) dst = outputs[0]!.split(':')[0]!;
  for (const chain of ['KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES', 'KUBE-NODEPORTS', 'KUBE-PROXY-FIREWALL']) runChain('filter', chain);
  return { output: outputs.join(', '), masq, matches };
}

export const TEST_LOCAL_IPS = [TEST_NODE_IP, TEST_NODE_IP_ALT, TEST_EXTERNAL_IP];

/** One row of an upstream packet-flow table: [name, source, destination, port, output, masquerade, protocol?]. */
export type FlowRow = [name: string, src: string, dst: string, dport: number, output: string, masq: boolean, proto?: string];

export function runFlow(dump: string, row: FlowRow): { output: string; masq: boolean } {
  const [, src, dst, dport, , , proto] = row;
  const r = tracePacket(dump, { src, dst, dport, proto: proto ?? 'tcp' }, TEST_LOCAL_IPS);
  return { output: r.output, masq: r.masq };
}
