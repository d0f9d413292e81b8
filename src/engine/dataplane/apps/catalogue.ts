/**
 * Which program a container runs, from its image (see "What containers do" in DESIGN.md).
 * Well-known images behave as the real image does; any other image is a generic HTTP app
 * listening on its declared containerPorts and answering 200 with its pod and container name.
 */
import type { Container } from 'kubernetes-types/core/v1';
import type { PodObject } from '../../api/objects';
import { parseImage } from '../../controllers/images';
import type { ContainerApp, HttpResponse, Listener } from './http';
import { echoserver } from './echoserver';
import { httpd, nginx } from './nginx';

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

/** A process that listens on nothing kubepath models over HTTP (DNS servers, shells). */
function silent(kind: string, listens: Listener[]): ContainerApp {
  return {
    kind,
    listens,
    handle: () => ({ status: 400, headers: { 'Content-Type': 'text/plain' }, body: '' }),
  };
}

export function appFor(c: Container): ContainerApp {
  const ref = parseImage(c.image ?? '');
  switch (ref.name) {
    case 'echoserver':
      return echoserver(ref.tag);
    case 'nginx':
      return nginx(ref.tag);
    case 'httpd':
      return httpd();
    case 'coredns':
      return silent('coredns', [
        { port: 53, protocol: 'UDP' },
        { port: 53, protocol: 'TCP' },
        { port: 9153, protocol: 'TCP' },
      ]);
    case 'busybox':
    case 'curl':
    case 'alpine':
      return silent('shell', []);
    default:
      return generic(c);
  }
}

export interface BoundApp {
  container: string;
  image: string;
  app: ContainerApp;
}

/** The container whose process listens on `port` in this pod's network namespace. */
export function listenerFor(pod: PodObject, port: number, protocol: Listener['protocol']): BoundApp | undefined {
  for (const c of pod.spec?.containers ?? []) {
    const app = appFor(c);
    if (app.listens.some((l) => l.port === port && l.protocol === protocol)) return { container: c.name, image: c.image ?? '', app };
  }
  return undefined;
}
