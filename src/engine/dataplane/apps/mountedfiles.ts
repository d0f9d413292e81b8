/**
 * The files a container sees from its ConfigMap and Secret volumes: each key (or `items`
 * entry) as a file under the mount path, Secret data decoded from base64, as the kubelet
 * projects them.
 */
import type { ClusterState } from '../../cluster/state';
import { viewOf } from '../../cluster/state';
import type { PodObject } from '../../api/objects';
import { base64DecodeBytes, bytesToBinary } from '../../net/base64';

export function mountedFiles(state: ClusterState, pod: PodObject, container: string): ReadonlyMap<string, string> {
  const files = new Map<string, string>();
  const view = viewOf(state);
  const ns = pod.metadata.namespace ?? 'default';
  const c = pod.spec?.containers?.find((x) => x.name === container);
  for (const m of c?.volumeMounts ?? []) {
    const v = pod.spec?.volumes?.find((x) => x.name === m.name);
    if (!v) continue;
    let data: Record<string, string> = {};
    let items = v.configMap?.items ?? v.secret?.items;
    if (v.configMap) data = { ...view.get('ConfigMap', ns, v.configMap.name ?? '')?.data };
    else if (v.secret) {
      for (const [k, b64] of Object.entries(view.get('Secret', ns, v.secret.secretName ?? '')?.data ?? {})) {
        const bytes = base64DecodeBytes(b64);
        if (bytes) data[k] = bytesToBinary(bytes);
      }
    } else continue;
    items ??= Object.keys(data).map((key) => ({ key, path: key }));
    const base = m.mountPath.replace(/\/+$/, '');
    for (const it of items) {
      const content = data[it.key];
      if (content === undefined) continue;
      const path = m.subPath ? (m.subPath === it.path ? base : undefined) : `${base}/${it.path}`;
      if (path) files.set(path, content);
    }
  }
  return files;
}
