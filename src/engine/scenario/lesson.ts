/**
 * Guided lessons: the data types. A lesson is a numbered list of steps over one built-in
 * scenario (catalog.ts). A step explains one idea, may ask the learner to do one thing (its
 * `action`), may suggest a request to send, may ask a question before showing the answer
 * (`predict`), and has a `check` that turns green when the cluster shows what the step is about.
 *
 * Everything here is plain data (JSON-safe, no functions), so lessons live in small data files
 * (lessons/seed000.ts, ...) and the UI can render them as they are. Evaluation is elsewhere:
 * request.ts (requests and placeholders), values.ts (resolvers), prediction.ts, checks.ts,
 * runner.ts.
 *
 * Names in lessons never depend on generated names: pods are found by label selector, Services
 * by "ns/name" (or "name" in default), nodes by name or index, and URLs take placeholders
 * (request.ts) that the engine fills from the live cluster.
 */

/** A Service or other namespaced object: "ns/name", or "name" for the default namespace. */
export type NamespacedName = string;

/** Pods found by a label selector, as `kubectl get pods -l`: "app=users", "run=busybox,tier!=db". */
export interface PodSelector {
  selector: string;
  /** Default "default". */
  namespace?: string;
  /** A container of the pod (the first one when left out). */
  container?: string;
}

/**
 * Where a lesson's request starts.
 * - `pod`: the first Running, ready pod the selector matches (sorted by name).
 * - `node`: a node by name, or `'first'` (the first node by name).
 * - `external`: a client outside the cluster, from that IP (default 198.51.100.79).
 * - `workstation`: the learner's terminal (curl on the workstation, 192.168.49.1): node
 *   addresses and load-balancer IPs are reachable; 127.0.0.1:<port> goes through a
 *   `kubectl port-forward` the live terminal holds.
 */
export type LessonOrigin = { pod: PodSelector } | { node: string } | { external?: string } | { workstation: true };

/**
 * A request named so that it survives generated names. `url`, header values and `body` may hold
 * placeholders ({{clusterIP:ns/svc}}, {{nodeIP:0}}, ...; see request.ts) filled from the
 * cluster when the request is resolved.
 */
export interface LessonRequest {
  from: LessonOrigin;
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /**
   * https: `insecure` is curl's -k; `caSecret` ("ns/name:key", e.g. "default/nginxsecret:tls.crt")
   * trusts the certificate stored in that Secret key, as curl's --cacert with the mounted file.
   */
  tls?: { insecure?: boolean; caSecret?: string };
}

/**
 * A value the engine works out from the cluster, to compare with what it observed. Each
 * resolves to a set of acceptable strings (values.ts) and a text to show:
 * - a string: itself.
 * - `podIP`: the IPs of the pods the selector matches.
 * - `nodeIP`: any address of a node (InternalIP, ExternalIP, its pod-network gateway
 *   addresses, since SNAT uses the address of the interface the packet leaves by): `'origin'`
 *   for the node the request first reached (the one it was sent to, the one the load balancer
 *   chose, or the client pod's), `'any'` for any node, a node name, or a 0-based index in name
 *   order.
 * - `clusterIP`, `lbIP`: a Service's ClusterIP, its load-balancer ingress IP.
 * - `client`: the IP the request's client sent from (the external client's, the
 *   workstation's 192.168.49.1, the pod's, the node's).
 * - `pattern`: any value matching the regular expression (a JavaScript regex source).
 */
export type ValueResolver =
  | string
  | { podIP: string; namespace?: string }
  | { nodeIP: 'origin' | 'any' | string | number }
  | { clusterIP: NamespacedName }
  | { lbIP: NamespacedName }
  | { client: true }
  | { pattern: string };

/** What a prediction measures by actually doing it (on a fork of the cluster). */
export type PredictionMeasure =
  /** `client_address=` in an echoserver's answer. */
  | { measure: 'client_address'; request: LessonRequest }
  /** The HTTP status ("200"), or curl's failure ("timeout", "connection-refused", ...). */
  | { measure: 'status'; request: LessonRequest }
  /** The answer's body, trimmed. */
  | { measure: 'body'; request: LessonRequest }
  /** The path the backend received, after any ingress rewrite. */
  | { measure: 'upstream-path'; request: LessonRequest }
  /** How many ready endpoints a Service has (as `kubectl get endpoints` lists). */
  | { measure: 'endpoint-count'; service: NamespacedName }
  /** A Service's EXTERNAL-IP column: its load-balancer IP, or "<pending>". */
  | { measure: 'external-ip'; service: NamespacedName }
  /** The first A record cluster DNS answers a pod with for `name`. */
  | { measure: 'dns-answer'; from: PodSelector; name: string };

export interface PredictionChoice {
  label: string;
  value: ValueResolver;
}

/**
 * Ask first, then show what the engine computes; the correct choice is never written down. The
 * UI shows the question before the learner does the step (its action, or sending its request)
 * and reveals `evaluatePrediction` afterwards, which measures the cluster as it then is.
 */
export type Prediction = PredictionMeasure & {
  question: string;
  choices: PredictionChoice[];
};

/** What an answer must look like for a `response` check. Every given field must hold. */
export interface ResponseExpectation {
  /** The HTTP status. */
  status?: number;
  /** The request fails instead (any failure with `true`, or that curl error). */
  error?: true | 'connection-refused' | 'timeout' | 'dns-nxdomain' | 'no-route' | 'tls' | 'dropped';
  bodyContains?: string;
  /** A JavaScript regex source matched against the body. */
  bodyMatches?: string;
  /** `client_address=` in an echoserver's answer is (one of) this. */
  clientAddress?: ValueResolver;
  /** The path the backend received (after an ingress rewrite). */
  upstreamPath?: string;
}

/** A condition on the live cluster. Evaluated without changing it (checks.ts). */
export type Check =
  /** Ready endpoints of a Service: exactly `count`, or at least `min` (default: at least 1). */
  | { kind: 'endpoints'; service: NamespacedName; count?: number; min?: number }
  /** Running, ready, not terminating pods matching the selector: exactly `count`; each with `containers` ready containers when given. */
  | { kind: 'pods-ready'; selector: string; namespace?: string; count: number; containers?: number }
  | { kind: 'service-type'; service: NamespacedName; type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName' }
  /** The Service has a load-balancer IP (EXTERNAL-IP is not <pending>). */
  | { kind: 'external-ip-assigned'; service: NamespacedName }
  /** `kind`: any name kubectl accepts ("svc", "Ingress"). `exists: false` checks it is gone. */
  | { kind: 'object-exists'; object: { kind: string; namespace?: string; name: string }; exists?: boolean }
  /**
   * A field of the stored object, by a path like `spec.ports[0].nodePort`,
   * `spec.ports[name=https].nodePort` or `metadata.labels.secure`, compared as text with
   * `value`; with `value` left out, the field only has to be set.
   */
  | { kind: 'field-equals'; object: { kind: string; namespace?: string; name: string }; path: string; value?: ValueResolver }
  | { kind: 'response'; request: LessonRequest; expect: ResponseExpectation }
  /** Every running pod the selector matches (at least one) has the variable, with that value when given. */
  | { kind: 'env-var-in-pods'; selector: string; namespace?: string; container?: string; name: string; value?: ValueResolver }
  /** Cluster DNS answers the pod's resolver for `name` with the Service's ClusterIP. */
  | { kind: 'dns-resolves'; from: PodSelector; name: string; service: NamespacedName }
  /** A terminal line (placeholders allowed), run on a fork: its stdout+stderr matches the regex. */
  | { kind: 'command-output'; line: string; matches: string }
  /**
   * The container has served a request (its log, as `kubectl logs` prints it): a request line
   * whose method and path match `request` (a regex on `GET /secure`), answered with `status`.
   * What the learner did on the live cluster, read without changing it.
   */
  | { kind: 'served'; pod: PodSelector; request: string; status?: number }
  /** Every one of the checks. */
  | { kind: 'all'; checks: Check[] };

export type CheckKind = Check['kind'];

/**
 * What the learner does in a step.
 * - `apply`: the editor's text becomes that stage file of the scenario, and is applied.
 * - `command`: a terminal line (the learner may type it; placeholders allowed).
 * `wait`: logical seconds the cluster needs afterwards (pods starting, old ones terminating)
 * before the check can be met; the UI's clock runs anyway, tests advance it.
 */
export type StepAction = { kind: 'apply'; stage: string; wait?: number } | { kind: 'command'; line: string; wait?: number };

export interface LessonStep {
  title: string;
  /** Plain text, 1-3 sentences. */
  explanation: string;
  action?: StepAction;
  /** A request worth sending at this step (the UI's "Send"). */
  request?: LessonRequest;
  predict?: Prediction;
  check: Check;
  /** Shown while the check is not met. */
  hint: string;
}

export interface Lesson {
  id: string;
  /** The built-in scenario (catalog.ts) the lesson runs on; it starts from its start stage. */
  scenario: string;
  title: string;
  /** One sentence: what the learner will understand at the end. */
  summary: string;
  steps: LessonStep[];
}
