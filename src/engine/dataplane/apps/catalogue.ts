/**
 * Which program a container runs (see "What containers do" in DESIGN.md). A
 * `kubepath.dev/app.<container>` annotation on the pod declares it (annotation.ts); otherwise
 * the image is matched against the catalogue of well-known images, which behave as the real
 * image does; any other image is a generic HTTP app listening on its declared containerPorts
 * and answering 200 with its pod and container name.
 */
import type { Container } from 'kubernetes-types/core/v1';
import type { PodObject } from '../../api/objects';
import { parseImage } from '../../controllers/images';
import { ingressController } from './ingresscontroller';
import type { ContainerApp, HttpResponse, Listener } from './http';
import { echoserver } from './echoserver';
import { httpd, nginx } from './nginx';
import { nginxListeners } from './mounts';
import { whoami } from './whoami';
import { httpEcho } from './httpecho';
import { agnhost } from './agnhost';
import { kelseyApp } from './kelseyhightower';
import { annotationFor, appSpecOf } from './annotation';
import { annotatedApp } from './annotated';
import { goText } from './golang';

export { annotationProblems } from './annotation';

function declaredPorts(c: Container): Listener[] {
  return (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: (p.protocol ?? 'TCP') as Listener['protocol'] }));
}

function generic(c: Container): ContainerApp {
  return {
    kind: 'generic',
    listens: declaredPorts(c),
    handle(_req, ctx): HttpResponse {
      return {
        status: 200,
        headers: { 'Content-Type': 'text/plain' },
        body: `Hello from ${ctx.pod} (container ${ctx.container}, image ${ctx.image})\n`,
      };
    },
  };
}

/** A process that answers no HTTP kubepath models (DNS servers) or listens on nothing (shells, curl). */
function silent(kind: string, listens: Listener[]): ContainerApp {
  return {
    kind,
    listens,
    handle: () => ({ status: 400, headers: { 'Content-Type': 'text/plain' }, body: '' }),
  };
}

/** Images that are a shell and some client tools: nothing listens in them. */
const CLIENT_IMAGES = new Set(['busybox', 'busyboxplus', 'curl', 'alpine', 'ubuntu', 'debian', 'netshoot', 'dnsutils', 'jessie-dnsutils', 'toolbox']);

/** The container's environment as literally written in its spec (for apps configured by env). */
function specEnv(c: Container): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of c.env ?? []) if (e.value !== undefined) out[e.name] = e.value;
  return out;
}

/** What the image runs, from the catalogue; undefined when kubepath does not know the image. */
function catalogueApp(c: Container, pod: PodObject | undefined): ContainerApp | undefined {
  const ref = parseImage(c.image ?? '');
  const argv = [...(c.command ?? []), ...(c.args ?? [])];
  switch (ref.repository) {
    case 'kelseyhightower/monolith':
      return kelseyApp('monolith', ref.tag, argv);
    case 'kelseyhightower/auth':
      return kelseyApp('auth', ref.tag, argv);
    case 'kelseyhightower/hello':
      return kelseyApp('hello', ref.tag, argv);
    default:
      break;
  }
  switch (ref.name) {
    case 'controller':
      if (ref.repository.endsWith('ingress-nginx/controller')) return ingressController();
      break;
    case 'echoserver':
      return echoserver(ref.tag);
    case 'nginx':
      return nginx(ref.tag, nginxListeners(c, pod));
    case 'nginxhttps':
      // bprashanth/nginxhttps: nginx with a configuration serving 80 and 443 (a Secret's pair).
      return nginx(undefined, nginxListeners(c, pod));
    case 'httpd':
      return httpd();
    case 'whoami':
      return whoami(argv, specEnv(c));
    case 'http-echo':
      return httpEcho(ref.tag, argv, specEnv(c));
    case 'agnhost':
      return agnhost(argv);
    case 'serve_hostname':
    case 'serve-hostname':
      return { kind: 'serve-hostname', listens: [{ port: 9376, protocol: 'TCP' }], handle: (_req, ctx) => goText(ctx.env.HOSTNAME ?? ctx.pod) };
    case 'coredns':
      return silent('coredns', [
        { port: 53, protocol: 'UDP' },
        { port: 53, protocol: 'TCP' },
        { port: 9153, protocol: 'TCP' },
      ]);
    default:
      return CLIENT_IMAGES.has(ref.name) ? silent('shell', []) : undefined;
  }
}

/**
 * The app a container runs. `pod` gives the annotations and volumes; without it only the image
 * counts. An annotation that does not parse is ignored here (annotationProblems reports it).
 */
export function appFor(c: Container, pod?: PodObject): ContainerApp {
  const text = annotationFor(pod, c.name);
  if (text !== undefined) {
    const parsed = appSpecOf(text);
    if (parsed.ok) return annotatedApp(parsed.spec, declaredPorts(c));
  }
  return catalogueApp(c, pod) ?? generic(c);
}

export interface BoundApp {
  container: string;
  image: string;
  app: ContainerApp;
}

/** The container whose process listens on `port` in this pod's network namespace. */
export function listenerFor(pod: PodObject, port: number, protocol: Listener['protocol']): BoundApp | undefined {
  for (const c of pod.spec?.containers ?? []) {
    const app = appFor(c, pod);
    if (app.listens.some((l) => l.port === port && l.protocol === protocol)) return { container: c.name, image: c.image ?? '', app };
  }
  return undefined;
}
