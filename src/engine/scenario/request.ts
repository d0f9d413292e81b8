/**
 * Lesson requests (lesson.ts, LessonRequest) resolved against the live cluster into the
 * engine's RequestSpec: the origin's pod found by selector, placeholders filled, a CA
 * certificate read from its Secret, the workstation's requests sent as curl on the terminal
 * would send them (127.0.0.1 through a `kubectl port-forward`).
 *
 * `resolveLessonRequest` gives the RequestSpec for the UI to send on the live cluster (so the
 * learner sees the packet). `sendLessonRequest` sends it on a fork, for checks and
 * predictions: the live cluster's conntrack, session affinity and access log stay as they were.
 */
import type { ClusterPlayground } from '../playground';
import type { ClusterSnapshot, Origin, RequestSpec, Trace } from '../types';
import { DEFAULT_EXTERNAL_CLIENT } from '../trace/request';
import { WORKSTATION_IP } from '../kubectl/commands/terminal';
import { base64Decode } from '../net/base64';
import type { LessonOrigin, LessonRequest } from './lesson';
import { firstServingPod, found, missing, nodeNamed, splitName, type Found } from './lookup';
import { fillPlaceholders } from './placeholders';

export type ResolvedRequest = RequestSpec | { error: string };

const LOOPBACK = /^[a-z]+:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/i;

function originOf(snap: ClusterSnapshot, from: LessonOrigin): Found<Origin> {
  if ('pod' in from) {
    const pod = firstServingPod(snap, from.pod.selector, from.pod.namespace ?? 'default');
    if (!pod.ok) return pod;
    return found({ pod: `${pod.value.namespace}/${pod.value.name}`, ...(from.pod.container ? { container: from.pod.container } : {}) });
  }
  if ('node' in from) {
    const node = nodeNamed(snap, from.node);
    return node.ok ? found({ node: node.value.name }) : node;
  }
  if ('workstation' in from) return found({ external: WORKSTATION_IP });
  return found('external' in from && from.external ? { external: from.external } : {});
}

function caCert(pg: ClusterPlayground, ref: string): Found<string> {
  const colon = ref.lastIndexOf(':');
  const { namespace, name } = splitName(colon < 0 ? ref : ref.slice(0, colon));
  const key = colon < 0 ? 'tls.crt' : ref.slice(colon + 1);
  const secret = pg.getObject({ kind: 'Secret', namespace, name });
  if (!secret || secret.kind !== 'Secret') return missing(`secret ${namespace}/${name} does not exist`);
  const data = (secret as { data?: Record<string, string> }).data?.[key];
  const pem = data === undefined ? undefined : base64Decode(data);
  return pem ? found(pem) : missing(`secret ${namespace}/${name} has no key ${key}`);
}

/** The placeholders filled in the URL, the header values and the body. */
function filled(snap: ClusterSnapshot, r: LessonRequest): Found<Omit<RequestSpec, 'from'>> {
  const url = fillPlaceholders(snap, r.url);
  if (!url.ok) return url;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers ?? {})) {
    const f = fillPlaceholders(snap, v);
    if (!f.ok) return f;
    headers[k] = f.value;
  }
  const body = r.body === undefined ? undefined : fillPlaceholders(snap, r.body);
  if (body && !body.ok) return body;
  return found({
    url: url.value,
    ...(r.method ? { method: r.method } : {}),
    ...(r.headers ? { headers } : {}),
    ...(body ? { body: body.value } : {}),
  });
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** curl on the workstation terminal, for a request to 127.0.0.1 (a port-forward). */
function curlLine(spec: Omit<RequestSpec, 'from'>): string {
  const parts = ['curl', '-s', '-X', spec.method ?? 'GET'];
  for (const [k, v] of Object.entries(spec.headers ?? {})) parts.push('-H', quote(`${k}: ${v}`));
  if (spec.body !== undefined) parts.push('--data-raw', quote(spec.body));
  if (spec.tls?.insecure) parts.push('-k');
  parts.push(quote(spec.url));
  return parts.join(' ');
}

/** The requests a terminal line sends through the playground, kept as they go by. */
function capture(pg: ClusterPlayground, run: () => void): Trace[] {
  const traces: Trace[] = [];
  const original = pg.request;
  pg.request = (spec) => {
    const t = original.call(pg, spec);
    traces.push(t);
    return t;
  };
  try {
    run();
  } finally {
    delete (pg as { request?: unknown }).request;
  }
  return traces;
}

/** A workstation request to 127.0.0.1, sent through the fork's copy of the live terminal's port-forwards. */
function viaPortForward(fork: ClusterPlayground, spec: Omit<RequestSpec, 'from'>): Found<Trace> {
  const traces = capture(fork, () => fork.kubectl(curlLine(spec)));
  const t = traces[0];
  if (t) return found(t);
  const port = /:(\d+)(\/|$)/.exec(spec.url.replace(/^[a-z]+:\/\//i, ''))?.[1] ?? '80';
  return missing(`nothing listens on the workstation's port ${port}: start \`kubectl port-forward\` first`);
}

function prepare(pg: ClusterPlayground, r: LessonRequest): Found<{ origin: Origin; spec: Omit<RequestSpec, 'from'> }> {
  const snap = pg.snapshot();
  const origin = originOf(snap, r.from);
  if (!origin.ok) return origin;
  const spec = filled(snap, r);
  if (!spec.ok) return spec;
  let tls = r.tls?.insecure ? { insecure: true } : undefined;
  if (r.tls?.caSecret) {
    const pem = caCert(pg, r.tls.caSecret);
    if (!pem.ok) return pem;
    tls = { ...tls, caCert: pem.value } as typeof tls;
  }
  return found({ origin: origin.value, spec: tls ? { ...spec.value, tls } : spec.value });
}

const isLoopback = (r: LessonRequest, url: string) => 'workstation' in r.from && LOOPBACK.test(url);

/**
 * The RequestSpec a lesson request names, for sending on the live cluster; or why it cannot
 * be sent yet (the client pod does not exist, the Service has no node port, ...).
 */
export function resolveLessonRequest(pg: ClusterPlayground, r: LessonRequest): ResolvedRequest {
  const p = prepare(pg, r);
  if (!p.ok) return { error: p.error };
  if (isLoopback(r, p.value.spec.url)) {
    const t = viaPortForward(pg.fork(), p.value.spec);
    return t.ok ? t.value.request : { error: t.error };
  }
  return { ...p.value.spec, from: p.value.origin };
}

/** Send a lesson request on a fork of the cluster (the live one is left as it was). */
export function sendLessonRequest(pg: ClusterPlayground, r: LessonRequest): { trace: Trace } | { error: string } {
  const p = prepare(pg, r);
  if (!p.ok) return { error: p.error };
  const fork = pg.fork();
  if (isLoopback(r, p.value.spec.url)) {
    const t = viaPortForward(fork, p.value.spec);
    return t.ok ? { trace: t.value } : { error: t.error };
  }
  return { trace: fork.request({ ...p.value.spec, from: p.value.origin }) };
}

/** The IP the request's client sends from (`{ client: true }` in values.ts). */
export function clientIPOf(snap: ClusterSnapshot, spec: RequestSpec): string | undefined {
  const from = spec.from;
  if ('pod' in from) {
    const [ns, name] = from.pod.split('/');
    return snap.pods.find((p) => p.namespace === ns && p.name === name)?.ip;
  }
  if ('node' in from) return snap.nodes.find((n) => n.name === from.node)?.internalIP;
  return from.external ?? DEFAULT_EXTERNAL_CLIENT;
}
