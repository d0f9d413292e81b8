/**
 * The pod's resolver: a name typed in a pod (`nslookup my-nginx`, `curl http://auth-service.default/`)
 * goes through the pod's /etc/resolv.conf (resolvconf.ts), the C library's search-list walk
 * (search.ts), and the nameservers in order, to CoreDNS behind kube-dns (coredns.ts) or, for a
 * nameserver outside the cluster, the upstream model (upstream.ts).
 *
 * Nameservers: each question goes to the first nameserver that answers. The cluster DNS IP
 * answers while kube-dns has a ready CoreDNS endpoint; with none, kube-proxy rejects the
 * packet (connection refused). Another address inside the cluster (a Service or pod that is not
 * CoreDNS, a node) refuses too; an unused address in the cluster's ranges times out. Any
 * other address is taken for a public resolver: the upstream model.
 *
 * A PTR question for an IPv4 address is asked for its `in-addr.arpa` name, as is, as
 * `nslookup <ip>` and `dig -x` do.
 */
import type { DnsQuery, DnsResult } from '../../types';
import type { PodObject } from '../../api/objects';
import type { ClusterState } from '../../cluster/state';
import { viewOf } from '../../cluster/state';
import { cidrContains, isIPv4, parseIPv4 } from '../../net/ipv4';
import { answerIn } from './coredns';
import { formatRecord, type DnsAnswer, type DnsRecord, type QType, type Rcode } from './message';
import { reverseName } from './names';
import { ndotsOf, resolvConf, type ResolvConf } from './resolvconf';
import { searchName, type Libc, type Outcome } from './search';
import { upstreamAnswer } from './upstream';
import { clusterZone, type ClusterZone } from './zone';

export interface ResolveOptions {
  /** The C library of the image asking: glibc (default; Debian, Ubuntu, distroless) or musl (Alpine). */
  libc?: Libc;
}

export interface DnsStep {
  /** The fully qualified name asked. */
  name: string;
  outcome: Outcome;
  /** The nameserver that answered, when one did. */
  server?: string;
  rcode?: Rcode;
  answers: string[];
  authority: string[];
  additional: string[];
  /** Who answered: the `kubernetes` plugin, or upstream (through CoreDNS's `forward` or directly). */
  source?: DnsAnswer['source'];
}

export interface DnsResolution extends DnsResult {
  /** The nameserver that gave the final answer (the first in resolv.conf that answers; the first listed when none does). */
  server?: string;
  resolvConf?: ResolvConf;
  /** One entry per name in `tried`. */
  steps: DnsStep[];
  /** The final answer's records, with TTLs. */
  records: DnsRecord[];
  /** Why nothing was asked, or why no server answered. */
  error?: string;
}

type ServerReach = 'coredns' | 'upstream' | 'refused' | 'timeout';

/** What is at a nameserver address, seen from a pod. */
function reach(state: ClusterState, zone: ClusterZone, ip: string): ServerReach {
  if (zone.dnsServers.has(ip)) return 'coredns';
  if (zone.byClusterIP.has(ip) || zone.byEndpointIP.has(ip)) return 'refused';
  const view = viewOf(state);
  for (const pod of view.list('Pod')) if (pod.status?.podIP === ip) return 'refused';
  for (const node of view.list('Node')) if (node.status?.addresses?.some((a) => a.address === ip)) return 'refused';
  const n = parseIPv4(ip);
  if (n === undefined) return 'timeout';
  if (cidrContains(state.options.serviceCIDR, n) || cidrContains(state.options.clusterCIDR, n)) return 'timeout';
  return 'upstream';
}

function outcomeOf(a: DnsAnswer): Outcome {
  if (a.rcode === 'NXDOMAIN') return 'nxdomain';
  if (a.rcode === 'SERVFAIL') return 'servfail';
  return a.answers.length > 0 ? 'answer' : 'nodata';
}

function rcodeOf(outcome: Outcome): Rcode {
  if (outcome === 'answer' || outcome === 'nodata') return 'NOERROR';
  if (outcome === 'nxdomain') return 'NXDOMAIN';
  return 'SERVFAIL';
}

const OUTCOME_ERRORS: Partial<Record<Outcome, string>> = {
  refused: 'connection refused: no nameserver in /etc/resolv.conf answered',
  timeout: 'connection timed out; no servers could be reached',
  badname: 'the name cannot be put in a DNS query (empty label, label over 63 or name over 255 octets)',
};

function findPod(state: ClusterState, from: string): PodObject | undefined {
  const slash = from.indexOf('/');
  const ns = slash >= 0 ? from.slice(0, slash) : 'default';
  const name = slash >= 0 ? from.slice(slash + 1) : from;
  return viewOf(state).get('Pod', ns, name);
}

/** Resolve a name as the pod's resolver would, with every step on the way. Never throws. */
export function resolveQuery(state: ClusterState, query: DnsQuery, options: ResolveOptions = {}): DnsResolution {
  const qtype: QType = query.type ?? 'A';
  const pod = findPod(state, query.from);
  if (!pod) return { rcode: 'SERVFAIL', answers: [], tried: [], steps: [], records: [], error: `pods "${query.from}" not found` };
  const conf = resolvConf(pod, state);
  const name = query.name.trim();
  if (name === '') return { rcode: 'NXDOMAIN', answers: [], tried: [], steps: [], records: [], resolvConf: conf, error: 'no name given' };

  const zone = clusterZone(state);
  const servers = conf.nameservers.map((ip) => ({ ip, reach: reach(state, zone, ip) }));
  const ask = (fq: string): { outcome: Outcome; reply: { server?: string; answer?: DnsAnswer } } => {
    let failure: Outcome = 'timeout';
    for (const s of servers) {
      if (s.reach === 'refused' || s.reach === 'timeout') {
        if (s.reach === 'refused') failure = 'refused';
        continue;
      }
      const a = s.reach === 'coredns' ? answerIn(zone, fq, qtype) : upstreamAnswer(fq, qtype);
      return { outcome: outcomeOf(a), reply: { server: s.ip, answer: a } };
    }
    return { outcome: failure, reply: {} };
  };

  // `nslookup <ip>` / `dig -x <ip>`: the reverse name, asked as is.
  const asked = qtype === 'PTR' && isIPv4(name) ? reverseName(name) : name;
  const walk = searchName(asked, conf.searches, ndotsOf(conf.options), options.libc ?? 'glibc', ask);
  const steps: DnsStep[] = walk.steps.map((s) => ({
    name: s.name,
    outcome: s.outcome,
    server: s.reply?.server,
    rcode: s.reply?.answer?.rcode,
    answers: s.reply?.answer?.answers.map((r) => formatRecord(r)) ?? [],
    authority: s.reply?.answer?.authority.map((r) => formatRecord(r)) ?? [],
    additional: s.reply?.answer?.additional.map((r) => formatRecord(r)) ?? [],
    source: s.reply?.answer?.source,
  }));
  const final = walk.answered ?? walk.steps.at(-1);
  const records = walk.answered?.reply?.answer?.answers ?? [];
  return {
    rcode: rcodeOf(walk.outcome),
    answers: records.map((r) => formatRecord(r)),
    tried: steps.map((s) => s.name),
    server: final?.reply?.server ?? servers.find((s) => s.reach === 'coredns' || s.reach === 'upstream')?.ip ?? conf.nameservers[0],
    resolvConf: conf,
    steps,
    records,
    error: OUTCOME_ERRORS[walk.outcome],
  };
}

/** `Playground.resolve`: the DnsResult shape of the engine API. */
export function resolve(state: ClusterState, query: DnsQuery, options: ResolveOptions = {}): DnsResult {
  const r = resolveQuery(state, query, options);
  return { rcode: r.rcode, answers: r.answers, tried: r.tried };
}
