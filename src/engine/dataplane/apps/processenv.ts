/**
 * A container process's environment as `printenv` shows it: the image's ENV, the pod's
 * hostname, then what the kubelet set when the container started (Service variables and the
 * container's own env), then HOME.
 */
import type { ClusterState } from '../../cluster/state';
import type { PodObject } from '../../api/objects';
import { imageName } from '../../controllers/images';
import { mergeEnv } from '../../controllers/serviceenv';

/** ENV lines the well-known images set in their Dockerfiles. */
const IMAGE_ENV: Record<string, [string, string][]> = {
  nginx: [['NGINX_VERSION', '1.27.3'], ['NJS_VERSION', '0.8.8'], ['NJS_RELEASE', '1~bookworm'], ['PKG_RELEASE', '1~bookworm']],
  httpd: [['HTTPD_PREFIX', '/usr/local/apache2'], ['HTTPD_VERSION', '2.4.62']],
};

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** The process environment as `printenv` shows it: image ENV, the pod's hostname, then what the kubelet set. */
export function processEnv(pod: PodObject, containerName: string, state: ClusterState): [string, string][] {
  const rt = state.runtime.get(pod.metadata.uid ?? '');
  const c = rt?.containers.find((x) => x.name === containerName);
  const spec = pod.spec?.containers?.find((x) => x.name === containerName);
  const out: [string, string][] = [['PATH', PATH], ['HOSTNAME', pod.spec?.hostname ?? pod.metadata.name]];
  for (const e of IMAGE_ENV[imageName(spec?.image ?? '')] ?? []) out.push(e);
  if (c) for (const e of mergeEnv(c.serviceEnv, c.env)) out.push([e.name, e.value]);
  out.push(['HOME', '/root']);
  // A later definition wins, as in execve's environment built from a map.
  const seen = new Map<string, string>();
  for (const [k, v] of out) seen.set(k, v);
  return [...seen];
}

