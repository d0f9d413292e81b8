/**
 * Placeholders in lesson URLs, headers, bodies and command lines, filled from the live
 * cluster so lessons never hard-code an address or a generated name:
 *
 * | placeholder | becomes |
 * |---|---|
 * | `{{nodeIP:0}}`, `{{nodeIP:node-2}}` | a node's InternalIP (by 0-based index in name order, or by name) |
 * | `{{nodeIP:hosting:app=web}}` | the InternalIP of the first node running a ready pod the selector matches |
 * | `{{nodeIP:not-hosting:app=web}}` | the InternalIP of the first node running none |
 * | `{{nodeExternalIP:0}}` | a node's ExternalIP (by index or name) |
 * | `{{nodePort:ns/svc:https}}`, `{{nodePort:ns/svc:0}}` | a Service port's nodePort (by port name or index; index 0 when left out) |
 * | `{{healthCheckNodePort:ns/svc}}` | a Service's healthCheckNodePort |
 * | `{{clusterIP:ns/svc}}` | a Service's ClusterIP |
 * | `{{lbIP:ns/svc}}` | a Service's load-balancer IP (an error while `<pending>`) |
 * | `{{podIP:app=web}}`, `{{podName:app=web}}` | the IP / name of the first ready pod the selector matches |
 *
 * `ns/svc` may be just `svc` (default namespace). A selector is looked up in the default
 * namespace, or in another with `@ns`: `{{podName:app=db@data}}`.
 */
import type { ClusterSnapshot } from '../types';
import { firstServingPod, found, missing, nodeNamed, nodesHosting, serviceNamed, type Found } from './lookup';

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*(?::([^}]*))?\}\}/g;

function selectorAt(arg: string): { selector: string; namespace: string } {
  const at = arg.lastIndexOf('@');
  return at < 0 ? { selector: arg, namespace: 'default' } : { selector: arg.slice(0, at), namespace: arg.slice(at + 1) };
}

function nodeIP(snap: ClusterSnapshot, arg: string): Found<string> {
  const m = /^(hosting|not-hosting):(.+)$/.exec(arg);
  if (m) {
    const { selector, namespace } = selectorAt(m[2] ?? '');
    const nodes = nodesHosting(snap, selector, namespace, m[1] === 'hosting');
    if (!nodes.ok) return nodes;
    const node = nodes.value[0];
    if (!node) return missing(m[1] === 'hosting' ? `no node runs a ready pod matching ${selector}` : `every node runs a pod matching ${selector}`);
    return found(node.internalIP);
  }
  const n = nodeNamed(snap, arg || '0');
  return n.ok ? found(n.value.internalIP) : n;
}

function nodePort(snap: ClusterSnapshot, arg: string): Found<string> {
  const [ns, rest = ''] = arg.includes('/') ? [arg.slice(0, arg.indexOf('/')), arg.slice(arg.indexOf('/') + 1)] : ['default', arg];
  const [name = '', port = '0'] = rest.split(':');
  const svc = serviceNamed(snap, `${ns}/${name}`);
  if (!svc.ok) return svc;
  const p = /^\d+$/.test(port) ? svc.value.ports[Number(port)] : svc.value.ports.find((x) => x.name === port);
  if (!p) return missing(`service ${ns}/${name} has no port ${port}`);
  if (p.nodePort === undefined) return missing(`service ${ns}/${name} (${svc.value.type}) has no node port`);
  return found(String(p.nodePort));
}

function one(snap: ClusterSnapshot, name: string, arg: string): Found<string> {
  switch (name) {
    case 'nodeIP':
      return nodeIP(snap, arg);
    case 'nodeExternalIP': {
      const n = nodeNamed(snap, arg || '0');
      if (!n.ok) return n;
      return n.value.externalIP ? found(n.value.externalIP) : missing(`node ${n.value.name} has no ExternalIP`);
    }
    case 'nodePort':
      return nodePort(snap, arg);
    case 'healthCheckNodePort': {
      const svc = serviceNamed(snap, arg);
      if (!svc.ok) return svc;
      const port = svc.value.healthCheckNodePort;
      return port === undefined ? missing(`service ${arg} has no healthCheckNodePort (it needs type LoadBalancer and externalTrafficPolicy: Local)`) : found(String(port));
    }
    case 'clusterIP': {
      const svc = serviceNamed(snap, arg);
      if (!svc.ok) return svc;
      const ip = svc.value.clusterIP;
      return ip && ip !== 'None' ? found(ip) : missing(`service ${arg} has no ClusterIP`);
    }
    case 'lbIP': {
      const svc = serviceNamed(snap, arg);
      if (!svc.ok) return svc;
      return svc.value.loadBalancerIP ? found(svc.value.loadBalancerIP) : missing(`service ${arg} has no external IP yet (<pending>)`);
    }
    case 'podIP':
    case 'podName': {
      const { selector, namespace } = selectorAt(arg);
      const pod = firstServingPod(snap, selector, namespace);
      if (!pod.ok) return pod;
      return found(name === 'podIP' ? pod.value.ip ?? '' : pod.value.name);
    }
    default:
      return missing(`unknown placeholder {{${name}}}`);
  }
}

/** The text with every placeholder filled, or the first one that cannot be. */
export function fillPlaceholders(snap: ClusterSnapshot, text: string): Found<string> {
  let error: string | undefined;
  const out = text.replace(PLACEHOLDER, (whole, name: string, arg: string | undefined) => {
    if (error) return whole;
    const v = one(snap, name, (arg ?? '').trim());
    if (v.ok) return v.value;
    error = v.error;
    return whole;
  });
  return error === undefined ? found(out) : missing(error);
}
