/**
 * Chain names exactly as kube-proxy makes them (pkg/proxy/iptables/proxier.go): the fixed
 * chains, and per Service port "KUBE-SVC-" / "KUBE-SVL-" / "KUBE-EXT-" / "KUBE-FW-" followed by
 * the first 16 characters of base32(sha256(servicePortName + protocol)) (portProtoHash), and
 * per endpoint "KUBE-SEP-" + the same over servicePortName + protocol + "ip:port"
 * (servicePortEndpointChainName). servicePortName is ServicePortName.String() ("ns/name:port",
 * or "ns/name" for an unnamed port) and protocol is lower case ("tcp").
 */
import { base32Encode } from '../../net/base32';
import { sha256 } from '../../net/sha256';

export const KUBE_SERVICES = 'KUBE-SERVICES';
export const KUBE_EXTERNAL_SERVICES = 'KUBE-EXTERNAL-SERVICES';
export const KUBE_NODEPORTS = 'KUBE-NODEPORTS';
export const KUBE_POSTROUTING = 'KUBE-POSTROUTING';
export const KUBE_MARK_MASQ = 'KUBE-MARK-MASQ';
export const KUBE_FORWARD = 'KUBE-FORWARD';
export const KUBE_PROXY_FIREWALL = 'KUBE-PROXY-FIREWALL';
/** kubelet's chain, which kube-proxy duplicates (the anti-martian rule for localhost NodePorts). */
export const KUBE_FIREWALL = 'KUBE-FIREWALL';

/** ServicePortName.String() (pkg/proxy/types.go): the port name is left out when empty. */
export function servicePortNameString(namespace: string, name: string, portName: string): string {
  return portName === '' ? `${namespace}/${name}` : `${namespace}/${name}:${portName}`;
}

/** The first 16 base32 characters of the digest: exactly its first 10 bytes (80 bits). */
function hash16(text: string): string {
  return base32Encode(sha256(text).subarray(0, 10));
}

/** portProtoHash: 16 base32 characters of sha256(servicePortName + protocol). */
export function portProtoHash(servicePortName: string, protocol: string): string {
  return hash16(servicePortName + protocol.toLowerCase());
}

export interface ServicePortChains {
  /** KUBE-SVC-*: endpoints for "Cluster" traffic policy. */
  cluster: string;
  /** KUBE-SVL-*: node-local endpoints for "Local" traffic policy. */
  local: string;
  /** KUBE-EXT-*: external (NodePort, LoadBalancer, externalIPs) traffic. */
  external: string;
  /** KUBE-FW-*: loadBalancerSourceRanges filtering. */
  firewall: string;
}

export function servicePortChains(servicePortName: string, protocol: string): ServicePortChains {
  const h = portProtoHash(servicePortName, protocol);
  return { cluster: `KUBE-SVC-${h}`, local: `KUBE-SVL-${h}`, external: `KUBE-EXT-${h}`, firewall: `KUBE-FW-${h}` };
}

/** KUBE-SEP-*: one endpoint ("ip:port") of one Service port. */
export function endpointChain(servicePortName: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${hash16(servicePortName + protocol.toLowerCase() + endpoint)}`;
}

/** True for the per-service chains kube-proxy owns and garbage-collects (isServiceChainName). */
export function isServiceChainName(chain: string): boolean {
  return ['KUBE-SVC-', 'KUBE-SVL-', 'KUBE-SEP-', 'KUBE-FW-', 'KUBE-EXT-'].some((p) => chain.startsWith(p));
}
