/**
 * What the write commands share: the workstation hooks a command line may carry in its IO
 * (port-forward, interactive sessions), the optional cluster operations beyond
 * `KubectlCluster` that the playground has (access logs, the load-balancer mode, the clock),
 * object names as kubectl prints them (`deployment.apps/x`), creating an object the way
 * `kubectl create` does, and the API server's error texts.
 */
import type { KubeObject } from '../../api/objects';
import type { Diagnostic, InteractiveSession, Trace } from '../../types';
import type { KubectlCluster, KubectlIO, KubectlResult } from '../types';
import { kindPrefix, qualifiedResource, resolveResourceType } from '../resources';
import { fail } from '../result';

export type { InteractiveSession } from '../../types';

export interface PortForward {
  /** "ns/name" of the pod the connections go to. */
  pod: string;
  localPort: number;
  remotePort: number;
  /** `--address`: 127.0.0.1 by default (with ::1). */
  addresses: string[];
}

/**
 * An object open in the terminal's editor (`kubectl edit`), waiting for the learner to save:
 * `Workstation.saveEdit(session, text)` goes on as kubectl does when the editor closes.
 */
export interface EditSession {
  /** The object being edited: its kind as stored ("Service"), namespace (namespaced kinds) and name. */
  ref: { kind: string; namespace?: string; name: string };
  /** What the editor shows: kubectl's header comment (with the errors of the last save, if any) and the object as YAML. */
  text: string;
  /** The text first opened; the change is computed against it, as kubectl diffs against the object it fetched. */
  original: string;
  /** After a failed save: the text that failed. Saving it again unchanged ends the edit ("no valid changes were saved"). */
  rejected?: string;
}

/** What a workstation terminal lets a kubectl command do besides printing. */
export interface WorkstationHooks {
  interactive(session: InteractiveSession): void;
  /** `kubectl edit`: open the object in the terminal's editor. */
  edit?(session: EditSession): void;
  /** Start forwarding; returns an error text when the local port is taken. */
  forward(f: PortForward): string | undefined;
}

export type CommandIO = KubectlIO & { workstation?: WorkstationHooks };

/** The playground's operations beyond KubectlCluster; optional so a bare KubectlCluster still works. */
export interface ClusterExtras {
  /** `kubectl logs`: the container's log lines, or undefined when kubepath keeps none. */
  containerLog?(pod: string, container: string): string[] | undefined;
  /** `minikube tunnel`: switch LoadBalancer provisioning on ('cloud') or off ('none'). */
  setLoadBalancer?(mode: 'cloud' | 'none'): void;
  /**
   * Run `run`, handing `observer` every trace a request makes meanwhile (curl, wget, an app's
   * calls): the requests one terminal line sent, in order.
   */
  observeRequests?<T>(observer: (trace: Trace) => void, run: () => T): T;
  /** On a node (`minikube ssh`): kube-proxy's rules as `iptables-save` prints them. */
  iptablesSave?(node: string): string;
  /** On a node: `ip route`; undefined for a node that does not exist. */
  nodeRoutes?(node: string): string | undefined;
  /** On a node: `conntrack -L`. */
  conntrack?(node: string): string;
}

export type Cluster = KubectlCluster & ClusterExtras;

/** "deployment.apps/x", "service/x": how kubectl names an object in its one-line results. */
export function objectName(kind: string, name: string): string {
  const t = resolveResourceType(kind);
  return `${t ? kindPrefix(t) : kind.toLowerCase()}/${name}`;
}

/** "deployments.apps", "services": the resource in API error texts. */
export function resourceOf(kind: string): string {
  const t = resolveResourceType(kind);
  return t ? qualifiedResource(t) : kind.toLowerCase();
}

/** kubectl's CheckErr for an Invalid StatusError: `The Service "x" is invalid: a` or a `* ` list. */
export function invalidText(kind: string, name: string, messages: readonly string[]): string {
  const head = `The ${kind} "${name}" is invalid: `;
  return messages.length === 1 ? `${head}${messages[0]}` : `${head}\n${messages.map((m) => `* ${m}`).join('\n')}`;
}

/** Errors of one applied document, as kubectl prints them. `source` is the file name ("STDIN" for -f -). */
export function applyErrors(diags: readonly Diagnostic[], doc: { kind: string; name: string; namespace?: string } | undefined, source: string, verb: 'creating' | 'patching'): string[] {
  const errors = diags.filter((d) => d.severity === 'error');
  if (errors.length === 0) return [];
  const ns = errors.find((d) => d.code === 'namespace-not-found');
  if (ns) return [`Error from server (NotFound): error when ${verb} "${source}": ${ns.message}`];
  if (!doc) return errors.map((d) => d.message);
  return [invalidText(doc.kind, doc.name, errors.map((d) => d.message))];
}

/**
 * `kubectl create` of one generated object: AlreadyExists when it is there, the API server's
 * validation otherwise. `what` names the generator for its error prefix ("deployment",
 * "ClusterIP service", "secret"...); undefined for `create -f`.
 */
export function createObject(cluster: KubectlCluster, obj: KubeObject, what: string | undefined, source?: string): KubectlResult {
  const ns = obj.metadata.namespace;
  const prefix = what ? `failed to create ${what}: ` : '';
  if (cluster.getObject({ kind: obj.kind, namespace: ns, name: obj.metadata.name })) {
    const msg = `${resourceOf(obj.kind)} "${obj.metadata.name}" already exists`;
    return fail(what ? `${prefix}${msg}` : `Error from server (AlreadyExists): error when creating "${source ?? ''}": ${msg}`);
  }
  const r = cluster.apply(JSON.stringify(obj));
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const nsErr = errors.find((d) => d.code === 'namespace-not-found');
    if (nsErr) return fail(what ? `${prefix}${nsErr.message}` : `Error from server (NotFound): error when creating "${source ?? ''}": ${nsErr.message}`);
    const messages = errors.map((d) => d.message);
    // A generator wraps the API error (fmt.Errorf): its own text, not CheckErr's "The … is invalid".
    if (what) return fail(`${prefix}${obj.kind} "${obj.metadata.name}" is invalid: ${messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`}`);
    return fail(invalidText(obj.kind, obj.metadata.name, messages));
  }
  // kubectl create sends the object as it is: no last-applied-configuration annotation.
  const annotations = cluster.getObject({ kind: obj.kind, namespace: ns, name: obj.metadata.name })?.metadata.annotations ?? {};
  const key = 'kubectl.kubernetes.io/last-applied-configuration';
  if (key in annotations) {
    const rest = Object.keys(annotations).filter((k) => k !== key);
    const patch = rest.length ? [{ op: 'remove', path: `/metadata/annotations/${key.replace(/~/g, '~0').replace(/\//g, '~1')}` }] : [{ op: 'remove', path: '/metadata/annotations' }];
    cluster.patch({ kind: obj.kind, namespace: ns, name: obj.metadata.name }, JSON.stringify(patch), 'json');
  }
  return { stdout: `${objectName(obj.kind, obj.metadata.name)} created\n`, stderr: '', exitCode: 0 };
}
