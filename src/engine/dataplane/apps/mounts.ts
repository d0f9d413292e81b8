/**
 * What a container's volume mounts say about the program in it: whether it replaced the
 * image's web server configuration, and whether a Secret (a certificate) is mounted. nginx
 * reads both to decide its ports: kubepath does not read the mounted configuration files.
 */
import type { Container, Volume } from 'kubernetes-types/core/v1';
import type { PodObject } from '../../api/objects';
import type { Listener } from './http';

function volumeOf(pod: PodObject | undefined, name: string): Volume | undefined {
  return pod?.spec?.volumes?.find((v) => v.name === name);
}

function hasSecret(v: Volume | undefined): boolean {
  return !!v && (!!v.secret || !!v.projected?.sources?.some((s) => !!s.secret));
}

/** Does the container mount a Secret volume (a certificate and key, for TLS)? */
export function mountsSecret(c: Container, pod: PodObject | undefined): boolean {
  return (c.volumeMounts ?? []).some((m) => hasSecret(volumeOf(pod, m.name)));
}

/** Does a mount cover the given configuration directory or file? */
export function mountsOver(c: Container, paths: readonly string[]): boolean {
  return (c.volumeMounts ?? []).some((m) => {
    const at = m.mountPath.replace(/\/+$/, '');
    return paths.some((p) => p === at || p.startsWith(`${at}/`));
  });
}

const NGINX_CONF = ['/etc/nginx/conf.d/default.conf', '/etc/nginx/nginx.conf'];

/**
 * nginx's ports. The stock configuration listens on 80; with a certificate mounted from a
 * Secret kubepath also listens on 443, as TLS. When the container mounts its own configuration
 * over the stock one, its ports are the declared containerPorts (443 as TLS when a Secret is
 * mounted), or 443 alone with a certificate and no declared ports, or 80.
 */
export function nginxListeners(c: Container, pod: PodObject | undefined): Listener[] {
  const tls = mountsSecret(c, pod);
  const http: Listener = { port: 80, protocol: 'TCP' };
  const https: Listener = { port: 443, protocol: 'TCP', tls: true };
  if (!mountsOver(c, NGINX_CONF)) return tls ? [http, https] : [http];
  const declared = (c.ports ?? []).filter((p) => (p.protocol ?? 'TCP') === 'TCP').map((p): Listener => (tls && p.containerPort === 443 ? https : { port: p.containerPort, protocol: 'TCP' }));
  if (declared.length) return declared.sort((a, b) => a.port - b.port);
  return tls ? [https] : [http];
}
