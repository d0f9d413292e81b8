import type { ClusterState } from '../cluster/state';
import type { Network } from '../dataplane/cni/network';
import type { ConntrackTable, ConntrackEntry } from '../dataplane/conntrack';
import type { SeededRng } from '../net/rng';
import type { NodeRules } from './rules';
import type { HopRecorder } from './hops';
import type { RequestSpec, Trace } from '../types';

/** Everything one request's trace reads; the conntrack table is the only thing it writes. */
export interface TraceContext {
  state: ClusterState;
  /** A request made by a container while answering: traced like any other, one level deeper. */
  subrequest(spec: RequestSpec, depth: number): Trace;
  /** How deep in nested app calls this trace is (0 for the user's request). */
  depth: number;
  network: Network;
  rulesFor(node: string): NodeRules;
  conntrack: ConntrackTable;
  rng: SeededRng;
  now: number;
}

/** Where the request went, so the reply can retrace it. */
export type PathStep =
  | { type: 'origin-pod'; key: string; node: string }
  | { type: 'origin-node'; node: string }
  | { type: 'origin-external'; ip: string }
  | { type: 'lb'; service: string }
  | { type: 'node'; node: string; ct?: ConntrackEntry }
  | { type: 'tunnel'; from: string; to: string; outerSrc: string; outerDst: string };

export interface Flight {
  ctx: TraceContext;
  rec: HopRecorder;
  path: PathStep[];
  /** What the user asked for, for error messages ("Failed to connect to <host> port <port>"). */
  host: string;
  port: number;
  /** The request body, handed to the app that answers. */
  body?: string;
  scheme: 'http' | 'https';
  tls?: { insecure?: boolean; caCert?: string };
}
