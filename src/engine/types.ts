/**
 * The engine API contract (../shared/DESIGN.md, "The engine API"). Names and shapes here are
 * relied on by the app, the tests and shared links: extend freely, never rename or reshape.
 */

export interface PlaygroundOptions {
  /** Seed for every random choice (name suffixes, scheduling ties, endpoint picks). Default 1. */
  seed?: number;
  /** Worker nodes when the manifests declare no `kind: Node`; default 2 (node-1, node-2). */
  nodes?: number;
  /** Default "cluster.local". */
  clusterDomain?: string;
  /** Default "10.244.0.0/16", one /24 per node as spec.podCIDR. */
  clusterCIDR?: string;
  /** Default "10.96.0.0/12"; kubernetes = .1, kube-dns = .10. */
  serviceCIDR?: string;
  /** Default "30000-32767". */
  nodePortRange?: string;
  /** cloud: external IPs assigned from 203.0.113.0/24; none: `<pending>`. Default "cloud". */
  loadBalancer?: 'cloud' | 'none';
  proxyMode?: 'iptables';
  /** Install the ingress-nginx controller add-on. Default true. */
  ingressNginx?: boolean;
  /** How the ingress-nginx controller Service is exposed. Default "NodePort". */
  ingressNginxServiceType?: 'NodePort' | 'LoadBalancer';
  /**
   * How pod traffic crosses nodes. "overlay" (default): a VXLAN overlay as flannel builds it,
   * shown as encapsulation hops. "routed": cloud routes to each node's podCIDR, as on GCE (the
   * Kubernetes docs' source-IP outputs come from such a cluster).
   */
  podNetwork?: 'overlay' | 'routed';
}

export interface ApplyResult {
  applied: string[] /* "kind/ns/name" */;
  diagnostics: Diagnostic[];
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** Stable, from the catalogue in diagnostics.ts. */
  code: string;
  /** API-server style where one exists. */
  message: string;
  /** 0-based index of the YAML document in the text */
  document: number;
  /** Field path, e.g. "spec.ports[0].nodePort". */
  path?: string;
  /** 1-based positions. */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** A suggestion for the learner (e.g. how to create the missing namespace). */
  hint?: string;
}

export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /**
   * Set when the command line opened an interactive shell in a container (`kubectl exec -it
   * POD -- sh`, `kubectl run -it …`): the terminal switches into it (`Workstation.attach`).
   */
  interactive?: InteractiveSession;
}

/**
 * An interactive shell a command line opened; the terminal switches into it
 * (`Workstation.attach`) until `exit`. `pod`: a shell in a container (`kubectl exec -it POD --
 * sh`, `kubectl run -it …`). `node`: a login shell on a node (`minikube ssh [-n NODE]`), in the
 * node's own network namespace.
 */
export type InteractiveSession =
  | {
      kind: 'pod';
      /** "ns/name" */
      pod: string;
      container: string;
      /** The command the session runs (`sh`, `/bin/sh`, `bash`, or the image's own for `run -it`). */
      command: string[];
      /** `kubectl run --rm`: the pod is deleted when the session ends. */
      removeOnExit?: boolean;
      /** `kubectl run -it` attaches to the container's main process (`kubectl exec -it` starts a new one). */
      attach?: boolean;
    }
  | {
      kind: 'node';
      /** The node's name ("node-1"). */
      node: string;
    };

export type Origin =
  | { pod: string /* "ns/name" */; container?: string }
  | { node: string }
  | { external?: string /* client IP; default 198.51.100.79 */ };

export interface RequestSpec {
  from: Origin;
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** For https: `insecure` is curl's -k; `caCert` (PEM) is --cacert. */
  tls?: { insecure?: boolean; caCert?: string };
}

export interface Packet {
  src: string;
  dst: string;
  proto: 'TCP' | 'UDP';
  direction: 'request' | 'response';
  http?: { method: string; host: string; path: string; headers: Record<string, string>; status?: number };
}

export interface Hop {
  seq: number;
  at: string;
  kind: string;
  summary: string;
  packet: Packet;
  before?: Packet;
  rule?: string;
  refs: string[];
  children?: Trace[];
}

export type Outcome =
  | { kind: 'response'; status: number; headers: Record<string, string>; body: string; servedBy?: string }
  | {
      kind: 'error';
      code: 'connection-refused' | 'timeout' | 'dns-nxdomain' | 'no-route' | 'tls' | 'dropped';
      message: string;
    };

export interface Trace {
  request: RequestSpec;
  hops: Hop[];
  outcome: Outcome;
}

export interface DnsQuery {
  from: string /* "ns/pod" */;
  name: string;
  type?: 'A' | 'AAAA' | 'SRV' | 'CNAME' | 'PTR';
}

export interface DnsResult {
  rcode: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL';
  answers: string[];
  tried: string[];
}

export interface IngressDecision {
  status?: number;
  redirect?: string;
  ingress?: string;
  service?: string;
  port?: number | string;
  upstreamPath?: string;
  rule?: string;
}

export interface PacketVerdict {
  verdict: 'ACCEPT' | 'DNAT' | 'DROP' | 'REJECT';
  endpoints: string[];
  masquerade: boolean;
  rules: string[];
}

export interface SnapshotNode {
  name: string;
  internalIP: string;
  externalIP?: string;
  podCIDR: string;
  labels: Record<string, string>;
  ready: boolean;
}

export interface SnapshotContainer {
  name: string;
  image: string;
  ports: { name?: string; containerPort: number; protocol: string }[];
  /** The container's own environment (env, envFrom), expanded, as fixed when it started. */
  env: { name: string; value: string }[];
  /**
   * Variables the kubelet injected for the Services that existed when the container started
   * (`<NAME>_SERVICE_HOST`, ...). Shared between containers: treat as read-only.
   */
  serviceEnv: readonly { name: string; value: string }[];
  ready: boolean;
  state: string /* "Running" | "Waiting: CrashLoopBackOff" ... */;
  restartCount: number;
}

export interface SnapshotPod {
  namespace: string;
  name: string;
  node?: string;
  ip?: string;
  phase: string;
  /** What `kubectl get pods` prints in STATUS (Running, Terminating, CrashLoopBackOff, Pending). */
  status: string;
  ready: boolean;
  terminating: boolean;
  labels: Record<string, string>;
  owner?: string /* "ReplicaSet/ns/name" */;
  /** The top controller of the pod: "Deployment/ns/name", or its owner when that has none. */
  workload?: string;
  containers: SnapshotContainer[];
  createdAt: number;
}

export interface SnapshotServicePort {
  name?: string;
  port: number;
  targetPort: number | string;
  nodePort?: number;
  protocol: string;
}

export interface SnapshotService {
  namespace: string;
  name: string;
  type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  clusterIP?: string;
  externalName?: string;
  externalIPs: string[];
  loadBalancerIP?: string;
  ports: SnapshotServicePort[];
  selector?: Record<string, string>;
  externalTrafficPolicy?: string;
  internalTrafficPolicy?: string;
  healthCheckNodePort?: number;
  sessionAffinity: string;
}

export interface SnapshotEndpoint {
  ip: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  node?: string;
  pod?: string;
}

export interface SnapshotEndpointSlice {
  namespace: string;
  name: string;
  service: string;
  endpoints: SnapshotEndpoint[];
  ports: { name?: string; port: number; protocol: string }[];
}

export interface SnapshotIngress {
  namespace: string;
  name: string;
  className?: string;
  rules: unknown[];
  tls: unknown[];
  annotations: Record<string, string>;
}

export interface SnapshotEvent {
  type: string;
  reason: string;
  /** "pod/web-7d9c-abcde", as kubectl get events prints OBJECT. */
  object: string;
  namespace?: string;
  message: string;
  /** Logical time of the last occurrence. */
  time: number;
  /** Logical time of the first occurrence (kubectl describe's "(x3 over 2m)"). */
  firstTime: number;
  count: number;
  /** The component that reported it: kubectl describe's FROM (default-scheduler, kubelet, ...). */
  source: string;
}

export interface SnapshotDeployment {
  namespace: string;
  name: string;
  replicas: number;
  readyReplicas: number;
  updatedReplicas: number;
  availableReplicas: number;
  selector: Record<string, string>;
}

export interface ClusterSnapshot {
  nodes: SnapshotNode[];
  namespaces: string[];
  pods: SnapshotPod[];
  deployments: SnapshotDeployment[];
  services: SnapshotService[];
  endpointSlices: SnapshotEndpointSlice[];
  ingresses: SnapshotIngress[];
  events: SnapshotEvent[];
  /** The logical clock, in seconds since the cluster was created. */
  time: number;
}

/**
 * The engine's entry object. These methods exist now; the DESIGN contract's others join as
 * their issues land, with the signatures given there: `kubectl(commandLine)`.
 */
export interface Playground {
  /** kubectl apply semantics. Documents with errors are rejected, the rest applied. */
  apply(yaml: string): ApplyResult;
  /** A command run inside a container, as `kubectl exec <pod> -c <container> -- <command>`. */
  exec(pod: string /* "ns/name" */, command: string, options?: { container?: string }): CommandResult;
  /** One command line as the learner's terminal runs it ("kubectl get pods -o wide"; the leading "kubectl" optional). */
  kubectl(commandLine: string): CommandResult;
  /** Plain-data view of the whole cluster for drawing and inspecting. */
  snapshot(): ClusterSnapshot;
  /** Advance the logical clock by `seconds` (AGE columns, event times, grace periods). */
  advance(seconds: number): void;
  /** Send one request and record every hop. Never throws for network outcomes. */
  request(spec: RequestSpec): Trace;
  /** Walk one packet through a node's kube-proxy rules (like kube-proxy's own tracePacket test helper). */
  tracePacket(node: string, packet: { src: string; dst: string; dport: number; proto?: 'TCP' | 'UDP' | 'SCTP' }): PacketVerdict;
  /** The node's rules in `iptables-save` format, as kube-proxy would write them. */
  iptablesSave(node: string): string;
  /** Ask cluster DNS as the given pod's resolver would (search list, ndots). */
  resolve(query: DnsQuery): DnsResult;
  /** How the ingress controller would route a request, without sending it. */
  routeIngress(request: { host: string; path: string; scheme?: 'http' | 'https'; headers?: Record<string, string> }): IngressDecision;
}
