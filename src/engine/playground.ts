/**
 * createPlayground: the engine's one entry point. It owns an immutable ClusterState and
 * replaces it on every change; everything it returns is plain data.
 */
import { cloneJson } from './net/clone';
import type { ApplyResult, ClusterSnapshot, CommandResult, Diagnostic, PacketVerdict, Playground, PlaygroundOptions, RequestSpec, Trace } from './types';
import { DataPlane } from './dataplane/dataplane';
import { resolve as resolveDns } from './dataplane/dns';
import { routeIngress as route, type IngressRoute } from './dataplane/ingress/route';
import type { DnsQuery, DnsResult } from './types';
import type { KubeObject } from './api/objects';
import { kindByResourceName, kindInfo, type SupportedKind } from './api/kinds';
import { diagnostic, fromFieldError } from './diagnostics';
import { parseManifests, type ParsedDocument, type SourceRange } from './manifest/parse';
import { resolveOptions } from './cluster/options';
import type { ClusterState } from './cluster/state';
import { seedState } from './net/rng';
import { systemObjects } from './cluster/addons';
import { advanceClock, applyObjects, bootstrap, deleteObject, updateObject, type StoreError, type StoreResult } from './cluster/store';
import { applyMergePatch, applyJsonPatch, applyStrategicMergePatch } from './cluster/patch';
import { snapshotOf } from './snapshot';
import { execInContainer } from './shell/exec';
import { annotationProblems } from './dataplane/apps/annotation';
import { ingressWarnings } from './dataplane/ingress/lint';
import { viewOf } from './cluster/state';
import { nodeRoutes } from './dataplane/cni/routes';
import type { BackendCheck } from './dataplane/loadbalancer';
import type { EnvVar } from './controllers/serviceenv';
import { ingressServersOf, listenersOf, loadBalancerBackendsOf, serviceEnvOf, splitKey, type ContainerListeners, type IngressServerView } from './inspect';
import { AccessLog, containerLogOf } from './dataplane/accesslog';
import { Workstation, type WorkstationIO, type WorkstationResult } from './kubectl/workstation';

export type { ContainerListeners, IngressServerView } from './inspect';

export interface ObjectRef {
  /** Kind or any name kubectl accepts for it: "Deployment", "deploy", "pods". */
  kind: string;
  namespace?: string;
  name: string;
}

export type PatchType = 'strategic' | 'merge' | 'json';

export interface ChangeResult {
  ok: boolean;
  /** kubectl's words for a failure: `deployments.apps "x" not found`. */
  error?: string;
}

export interface ApplyOutcomeEntry {
  document: number;
  /** "kind/ns/name" */
  object: string;
  action: 'created' | 'configured' | 'unchanged' | 'pruned';
}

/** Where an object's document sits in the applied text (1-based lines and columns). */
export interface DocumentSource {
  document: number;
  /** "kind/ns/name" */
  object: string;
  range: SourceRange;
}

export interface ApplyOptions {
  /**
   * Delete what earlier pruning applies created and this text no longer holds, as
   * `kubectl apply --prune` over an applyset: the editor's text is the whole desired state.
   * Skipped when any document cannot be read, so a typo never deletes an object.
   */
  prune?: boolean;
}

export interface PlaygroundApplyResult extends ApplyResult {
  results: ApplyOutcomeEntry[];
  /** Every object document read from the text, applied or rejected, with its source range. */
  documents: DocumentSource[];
}

function emptyState(options: PlaygroundOptions | undefined): ClusterState {
  const resolved = resolveOptions(options);
  return {
    options: resolved,
    objects: new Map(),
    runtime: new Map(),
    ipam: new Map(),
    events: [],
    resourceVersion: 0,
    uidCounter: 0,
    time: 0,
    rngState: seedState(resolved.seed),
  };
}

/** Problems with kubepath.dev/app annotations, as warnings at the annotations of the pod (template). */
function appAnnotationWarnings(doc: ParsedDocument): Diagnostic[] {
  const o = doc.object;
  const path = o.kind === 'Pod' ? 'metadata.annotations' : o.kind === 'Deployment' || o.kind === 'ReplicaSet' ? 'spec.template.metadata.annotations' : undefined;
  if (!path) return [];
  const template = o.kind === 'Pod' ? { metadata: o.metadata, spec: o.spec } : o.kind === 'Deployment' || o.kind === 'ReplicaSet' ? o.spec?.template : undefined;
  if (!template?.metadata?.annotations) return [];
  const pod = { apiVersion: 'v1', kind: 'Pod' as const, metadata: { name: o.metadata.name, ...template.metadata }, spec: template.spec };
  return annotationProblems(pod).map((p) => diagnostic('app-annotation', p.message, doc.document, { severity: 'warning', path, ...doc.locate(path) }));
}

function refKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

export class ClusterPlayground implements Playground {
  private state: ClusterState;
  private readonly dataplane: DataPlane;
  /** Objects applied with `prune`: the applyset a later pruning apply compares against. */
  private applyset = new Set<string>();
  /** What containers served, for `kubectl logs`. */
  private readonly accessLog = new AccessLog();
  /** The terminal session `kubectl()` runs lines in. */
  private terminal: Workstation | undefined;
  /** See observeRequests. */
  private readonly observers: ((trace: Trace) => void)[] = [];

  constructor(options?: PlaygroundOptions) {
    const empty = emptyState(options);
    this.state = bootstrap(empty, systemObjects(empty.options));
    this.dataplane = new DataPlane(empty.options.seed);
  }

  /** Send one request and record every hop. Never throws for network outcomes. */
  request(spec: RequestSpec): Trace {
    const trace = this.dataplane.request(this.state, spec);
    this.accessLog.record(this.state, trace);
    for (const o of this.observers) o(trace);
    return trace;
  }

  /** Run `run`, handing `observer` each trace `request()` makes meanwhile: the requests one terminal line sent. */
  observeRequests<T>(observer: (trace: Trace) => void, run: () => T): T {
    this.observers.push(observer);
    try {
      return run();
    } finally {
      this.observers.splice(this.observers.indexOf(observer), 1);
    }
  }

  /**
   * One command line, as the learner's workstation terminal runs it (kubectl/workstation.ts):
   * kubectl, minikube, curl and text tools, pipes, `$(…)`, here-documents; the leading `kubectl`
   * is optional. Variables and port-forwards last across calls. `io.files`: the editor's
   * documents by name, for `-f`. `interactive` is set when the line opened a shell in a pod.
   */
  kubectl(commandLine: string, io: WorkstationIO = {}): WorkstationResult {
    this.terminal ??= new Workstation(this);
    return this.terminal.run(commandLine, io);
  }

  /** A new terminal session of its own (variables, port-forwards), for another terminal tab. */
  workstation(): Workstation {
    return new Workstation(this);
  }

  /** `kubectl logs`: a container's log lines (start-up and the requests it served). */
  containerLog(pod: string, container: string): string[] | undefined {
    return containerLogOf(this.state, this.accessLog, pod, container);
  }

  /** Turn the cloud load-balancer provider on or off (`minikube tunnel` turns it on). */
  setLoadBalancer(mode: 'cloud' | 'none'): void {
    this.state = advanceClock({ ...this.state, options: { ...this.state.options, loadBalancer: mode } }, 0);
  }

  /** Walk one packet through a node's kube-proxy rules; every possible endpoint when chosen at random. */
  tracePacket(node: string, packet: { src: string; dst: string; dport: number; proto?: 'TCP' | 'UDP' | 'SCTP' }): PacketVerdict {
    const t = this.dataplane.tracePacket(this.state, node, packet);
    return { verdict: t.verdict, endpoints: t.endpoints, masquerade: t.masquerade, rules: t.rules };
  }

  /** How the ingress controller would route a request, without sending it. */
  routeIngress(request: { host: string; path: string; scheme?: 'http' | 'https'; headers?: Record<string, string> }): IngressRoute {
    return route(this.state, request);
  }

  /** Ask cluster DNS as the given pod's resolver would (search list, ndots). */
  resolve(query: DnsQuery): DnsResult {
    return resolveDns(this.state, query);
  }

  /** The node's rules in iptables-save format, as kube-proxy writes them. */
  iptablesSave(node: string): string {
    return this.dataplane.iptablesSave(this.state, node);
  }

  /** `conntrack -L` on a node: the connections requests left there. */
  conntrack(node: string): string {
    return this.dataplane.conntrackList(this.state, node);
  }

  /** `ip route` on a node: its main routing table. Undefined for a node that does not exist. */
  nodeRoutes(node: string): string | undefined {
    return nodeRoutes(this.dataplane.networkOf(this.state), node);
  }

  /** See inspect.ts: the read-only views the Inspector shows. */
  serviceEnv(service: string): EnvVar[] | undefined {
    return serviceEnvOf(this.state, service);
  }

  listeners(pod: string): ContainerListeners[] | undefined {
    return listenersOf(this.state, pod);
  }

  ingressServers(): IngressServerView[] {
    return ingressServersOf(this.state);
  }

  loadBalancerBackends(service: string): BackendCheck[] | undefined {
    return loadBalancerBackendsOf(this.state, service);
  }

  /** Forget tracked connections and session affinity (on one node, or all). */
  resetConnections(node?: string): void {
    this.dataplane.reset(node);
  }

  apply(yaml: string, options: ApplyOptions = {}): PlaygroundApplyResult {
    const parsed = parseManifests(yaml);
    const diagnostics: Diagnostic[] = [...parsed.diagnostics];
    const byIndex = new Map<number, ParsedDocument>();
    const inputs = parsed.documents.map((doc, i) => {
      byIndex.set(i, doc);
      return { object: doc.object, document: i };
    });
    const outcome = applyObjects(this.state, inputs);
    this.state = outcome.state;
    for (const f of outcome.failures) {
      const doc = byIndex.get(f.document)!;
      if (f.code === 'namespace-not-found') {
        const at = doc.locate('metadata.namespace');
        diagnostics.push(diagnostic('namespace-not-found', f.message, doc.document, { path: 'metadata.namespace', hint: f.hint, ...at }));
        continue;
      }
      for (const e of f.errors) {
        diagnostics.push({ ...fromFieldError(e, doc.document), ...doc.locate(e.path || 'metadata.name') });
      }
    }
    for (const [i, doc] of byIndex) {
      if (!outcome.results.some((r) => r.document === i)) continue;
      diagnostics.push(...appAnnotationWarnings(doc));
      if (doc.object.kind === 'Ingress') {
        const stored = viewOf(this.state).get('Ingress', doc.object.metadata.namespace ?? 'default', doc.object.metadata.name);
        for (const w of stored ? ingressWarnings(viewOf(this.state), stored) : []) {
          diagnostics.push(diagnostic('ingress-mistake', w.message, doc.document, { severity: 'warning', path: w.path, ...doc.locate(w.path) }));
        }
      }
    }
    diagnostics.sort((a, b) => a.document - b.document || (a.line ?? 0) - (b.line ?? 0));
    const results: ApplyOutcomeEntry[] = outcome.results.map((r) => ({
      document: byIndex.get(r.document)!.document,
      object: refKey(r.kind, r.namespace, r.name),
      action: r.action,
    }));
    const documents = parsed.documents.map((d) => ({
      document: d.document,
      object: refKey(d.object.kind, kindInfo(d.object.kind)?.namespaced ? d.object.metadata.namespace ?? 'default' : undefined, d.object.metadata.name),
      range: d.range,
    }));
    // A document that could not be read (a syntax error, a kind typed wrong) may hold an
    // object the user still means to keep: no pruning until every document reads.
    const unreadable = parsed.diagnostics.some((d) => d.severity === 'error' || d.code === 'unknown-kind');
    if (options.prune) results.push(...this.prune(documents, unreadable));
    return { applied: results.filter((r) => r.action !== 'pruned').map((r) => r.object), diagnostics, results, documents };
  }

  /** The pruning half of `apply`: delete what left the text, then remember what is in it. */
  private prune(documents: DocumentSource[], unreadable: boolean): ApplyOutcomeEntry[] {
    const inText = new Set(documents.map((d) => d.object));
    const pruned: ApplyOutcomeEntry[] = [];
    if (!unreadable) {
      for (const key of [...this.applyset].sort()) {
        if (inText.has(key)) continue;
        const [kind = '', namespace, name = ''] = key.split('/');
        const r = this.delete({ kind, namespace: namespace || undefined, name });
        if (r.ok) pruned.push({ document: -1, object: key, action: 'pruned' });
      }
      this.applyset = inText;
    } else {
      for (const key of inText) this.applyset.add(key);
    }
    return pruned;
  }

  private resolveRef(ref: ObjectRef): { kind: SupportedKind; namespace?: string; name: string } | string {
    const info = kindInfo(ref.kind) ?? kindByResourceName(ref.kind);
    if (!info) return `the server doesn't have a resource type "${ref.kind}"`;
    return { kind: info.kind, namespace: info.namespaced ? ref.namespace ?? 'default' : undefined, name: ref.name };
  }

  private run(ref: ObjectRef, op: (kind: SupportedKind, ns: string | undefined, name: string) => StoreResult): ChangeResult {
    const r = this.resolveRef(ref);
    if (typeof r === 'string') return { ok: false, error: r };
    const result = op(r.kind, r.namespace, r.name);
    if (!result.ok) return { ok: false, error: result.error.message };
    this.state = result.state;
    return { ok: true };
  }

  delete(ref: ObjectRef, options: { gracePeriodSeconds?: number } = {}): ChangeResult {
    return this.run(ref, (kind, ns, name) => deleteObject(this.state, kind, ns, name, options.gracePeriodSeconds));
  }

  scale(ref: ObjectRef, replicas: number): ChangeResult {
    return this.run(ref, (kind, ns, name) =>
      updateObject(this.state, kind, ns, name, (obj): KubeObject | StoreError => {
        if (obj.kind !== 'Deployment' && obj.kind !== 'ReplicaSet') return { reason: 'BadRequest', message: `cannot scale a ${obj.kind}` };
        return { ...obj, spec: { ...obj.spec!, replicas } } as KubeObject;
      }),
    );
  }

  /** Set labels (a null value removes one), as `kubectl label`; `overwrite` as --overwrite. */
  label(ref: ObjectRef, labels: Record<string, string | null>, options: { overwrite?: boolean } = {}): ChangeResult {
    return this.run(ref, (kind, ns, name) =>
      updateObject(this.state, kind, ns, name, (obj): KubeObject | StoreError => {
        const next = { ...obj.metadata.labels };
        for (const [k, v] of Object.entries(labels)) {
          if (v === null) delete next[k];
          else {
            const had = next[k];
            if (had !== undefined && had !== v && !options.overwrite) return { reason: 'BadRequest', message: `'${k}' already has a value (${had}), and --overwrite is false` };
            next[k] = v;
          }
        }
        return { ...obj, metadata: { ...obj.metadata, labels: next } } as KubeObject;
      }),
    );
  }

  patch(ref: ObjectRef, patch: string, type: PatchType = 'strategic'): ChangeResult {
    return this.run(ref, (kind, ns, name) =>
      updateObject(this.state, kind, ns, name, (obj): KubeObject | StoreError => {
        let body: unknown;
        try {
          body = JSON.parse(patch);
        } catch (e) {
          return { reason: 'BadRequest', message: `unable to parse "${patch}": ${(e as Error).message}` };
        }
        const out = type === 'json' ? applyJsonPatch(obj, body) : type === 'merge' ? applyMergePatch(obj, body) : applyStrategicMergePatch(obj, body);
        if (typeof out === 'string') return { reason: 'BadRequest', message: out };
        return out as KubeObject;
      }),
    );
  }

  advance(seconds: number): void {
    this.state = advanceClock(this.state, seconds);
  }

  exec(pod: string, command: string, options: { container?: string } = {}): CommandResult {
    const [ns, name] = splitKey(pod);
    const p = this.state.objects.get('Pod')?.get(`${ns}/${name}`);
    if (!p || p.kind !== 'Pod') return { stdout: '', stderr: `Error from server (NotFound): pods "${name}" not found\n`, exitCode: 1 };
    const containers = p.spec?.containers ?? [];
    const container = options.container ?? containers[0]?.name ?? '';
    if (!containers.some((c) => c.name === container)) {
      return { stdout: '', stderr: `error: unable to upgrade connection: container not found ("${container}")\n`, exitCode: 1 };
    }
    if (!this.state.runtime.has(p.metadata.uid ?? '') || p.status?.phase !== 'Running') {
      return { stdout: '', stderr: `error: unable to upgrade connection: container not found ("${container}")\n`, exitCode: 1 };
    }
    return execInContainer(this.state, p, container, command, { request: (spec) => this.request(spec) });
  }

  snapshot(): ClusterSnapshot {
    return snapshotOf(this.state);
  }

  /** The raw stored object (for kubectl get -o yaml and the inspector). */
  getObject(ref: ObjectRef): KubeObject | undefined {
    const r = this.resolveRef(ref);
    if (typeof r === 'string') return undefined;
    const obj = this.state.objects.get(r.kind)?.get(`${r.namespace ?? ''}/${r.name}`);
    return obj ? cloneJson(obj) : undefined;
  }

  /** The stored objects of one kind (any name kubectl accepts), in one namespace or all, sorted by namespace and name. */
  listObjects(kind: string, namespace?: string): KubeObject[] {
    const info = kindInfo(kind) ?? kindByResourceName(kind);
    if (!info) return [];
    const out: KubeObject[] = [];
    for (const obj of this.state.objects.get(info.kind)?.values() ?? []) {
      if (namespace === undefined || (obj.metadata.namespace ?? '') === namespace) out.push(cloneJson(obj));
    }
    return out.sort((a, b) => (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || a.metadata.name.localeCompare(b.metadata.name));
  }

  /** The immutable state, for the data plane and tests of internals. */
  get clusterState(): ClusterState {
    return this.state;
  }

  /**
   * A copy sharing this cluster's immutable state, with a data plane (conntrack, session
   * affinity, endpoint picks), access log and terminal of its own; the terminal holds this
   * one's port-forwards. What the copy sends, runs or changes leaves this playground as it was
   * (lesson checks and predictions send their requests on one: scenario/checks.ts).
   */
  fork(): ClusterPlayground {
    const copy = new ClusterPlayground({ seed: this.state.options.seed, nodes: 1, ingressNginx: false });
    copy.state = this.state;
    copy.applyset = new Set(this.applyset);
    for (const f of this.terminal?.portForwards() ?? []) {
      const [ns = 'default', name = ''] = f.pod.split('/');
      copy.kubectl(`kubectl port-forward -n ${ns} pod/${name} ${f.localPort}:${f.remotePort} --address ${f.addresses.join(',')}`);
    }
    return copy;
  }
}
