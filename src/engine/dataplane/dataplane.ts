/**
 * The data plane of one playground: each node's kube-proxy rules (generated and parsed once per
 * cluster state, since the state is immutable), and what traffic itself leaves behind:
 * conntrack entries, session-affinity memory (`-m recent`), and the generator for ephemeral
 * ports and random endpoint picks. None of it changes the cluster; `reset()` forgets it.
 */
import type { ClusterState } from '../cluster/state';
import type { PacketVerdict, RequestSpec, Trace } from '../types';
import { SeededRng, seedState } from '../net/rng';
import { proxyInput } from './kubeproxy/input';
import { iptablesSave } from './kubeproxy/rules';
import { parseIptablesSave } from './netfilter/parse';
import type { ParsedTables } from './netfilter/types';
import { createRecentStore, type RecentStore } from './netfilter/recent';
import { tracePacket } from './netfilter/trace';
import { ConntrackTable, formatEntry } from './conntrack';
import { networkOf, type Network } from './cni/network';
import { nodeRules } from '../trace/netfilter';
import { traceRequest } from '../trace/request';

interface NodeCache {
  save: string;
  tables: ParsedTables;
}

export class UnknownNode extends Error {}

export class DataPlane {
  private cacheState: ClusterState | undefined;
  private network: Network | undefined;
  private readonly nodes = new Map<string, NodeCache>();
  private readonly recent = new Map<string, RecentStore>();
  readonly conntrack = new ConntrackTable();
  private rng: SeededRng;

  constructor(seed: number) {
    this.rng = new SeededRng(seedState(seed ^ 0x5eed));
  }

  private sync(state: ClusterState): void {
    if (this.cacheState === state) return;
    this.cacheState = state;
    this.network = undefined;
    this.nodes.clear();
  }

  networkOf(state: ClusterState): Network {
    this.sync(state);
    this.network ??= networkOf(state, state.options.podNetwork);
    return this.network;
  }

  private node(state: ClusterState, name: string): NodeCache {
    this.sync(state);
    let cached = this.nodes.get(name);
    if (!cached) {
      if (!state.objects.get('Node')?.has(`/${name}`)) throw new UnknownNode(`nodes "${name}" not found`);
      const save = iptablesSave(proxyInput(state, name));
      const parsed = parseIptablesSave(save);
      if (parsed.errors.length > 0) throw new Error(`kube-proxy rules for ${name} did not parse: ${parsed.errors[0]?.message}`);
      cached = { save, tables: parsed.tables };
      this.nodes.set(name, cached);
    }
    return cached;
  }

  iptablesSave(state: ClusterState, node: string): string {
    return this.node(state, node).save;
  }

  tracePacket(state: ClusterState, node: string, packet: { src: string; dst: string; dport: number; proto?: 'TCP' | 'UDP' | 'SCTP' }): PacketVerdict {
    const local = this.networkOf(state).nodes.get(node)?.addresses ?? new Set<string>();
    return tracePacket(this.node(state, node).tables, packet, local);
  }

  request(state: ClusterState, spec: RequestSpec): Trace {
    const network = this.networkOf(state);
    const rulesFor = (name: string) => {
      let recent = this.recent.get(name);
      if (!recent) this.recent.set(name, (recent = createRecentStore()));
      return nodeRules(this.node(state, name).tables, network.nodes.get(name)?.addresses ?? new Set(), this.rng, recent, state.time);
    };
    const run = (s: RequestSpec, depth: number): Trace =>
      traceRequest({ state, network, rulesFor, conntrack: this.conntrack, rng: this.rng, now: state.time, depth, subrequest: run }, s);
    return run(spec, 0);
  }

  /** `conntrack -L` on a node. */
  conntrackList(state: ClusterState, node: string): string {
    return this.conntrack.list(node).map((e) => `${formatEntry(e, state.time)}\n`).join('');
  }

  /** Forget connections and session-affinity memory (all nodes, or one). */
  reset(node?: string): void {
    this.conntrack.reset(node);
    if (node === undefined) this.recent.clear();
    else this.recent.delete(node);
  }
}
