/**
 * The pod's view of its network, from `ShellHost.network`: its own /24 on eth0 (the node's
 * podCIDR, on-link), the rest of the pod network via the node bridge (flannel's host-local
 * IPAM route), a default route via the same gateway; and, for ping, how far an address is.
 */
import { cidrContains, formatIPv4, parseCidr, parseIPv4 } from '../net/ipv4';
import type { ShellHost } from './host';

export const DEFAULT_MTU = 1450;

/** The whole pod network: given, or the node's podCIDR widened to /16 (flannel's default layout). */
export function clusterCidrOf(host: ShellHost): string {
  if (host.network.clusterCIDR) return host.network.clusterCIDR;
  const c = parseCidr(host.network.podCIDR);
  if (!c) return '10.244.0.0/16';
  const base = (c.base & 0xffff0000) >>> 0;
  return `${formatIPv4(base)}/16`;
}

export function inCidr(ip: string, cidr: string): boolean {
  const n = parseIPv4(ip);
  const c = parseCidr(cidr);
  return n !== undefined && c !== undefined && cidrContains(c, n);
}

/** How far an address is from the pod: the same netns, the node's bridge, another node's pod, a private address (a node), the internet. */
export type Distance = 'self' | 'bridge' | 'pod' | 'private' | 'internet';

export function distanceTo(host: ShellHost, ip: string): Distance {
  if (ip === host.podIP || ip.startsWith('127.')) return 'self';
  if (ip === host.network.gateway || inCidr(ip, host.network.podCIDR)) return 'bridge';
  if (inCidr(ip, clusterCidrOf(host))) return 'pod';
  if (inCidr(ip, '10.0.0.0/8') || inCidr(ip, '172.16.0.0/12') || inCidr(ip, '192.168.0.0/16')) return 'private';
  return 'internet';
}

/**
 * The TTL an echo reply arrives with: 64 from the pod itself and across the bridge (no router
 * between), 63 from a node (one routing hop), 62 from a pod on another node (its node and ours
 * both route), and a typical far-away 117 from the internet.
 */
export function replyTTL(d: Distance): number {
  return { self: 64, bridge: 64, pod: 62, private: 63, internet: 117 }[d];
}

/** A plausible, fixed round-trip time in microseconds for this distance and sequence number. */
export function rttMicros(d: Distance, seed: number): number {
  const [base, spread] = ({ self: [30, 30], bridge: [60, 80], pod: [350, 400], private: [250, 300], internet: [11000, 4000] } as const)[d];
  return base + (seed % spread);
}

/** The MAC the CNI bridge plugin derives from the IPv4 address: 0a:58 then the address's four octets. */
export function macOf(ip: string): string {
  const octets = ip.split('.').map((o) => Number(o));
  return ['0a', '58', ...octets.map((o) => (o & 255).toString(16).padStart(2, '0'))].join(':');
}

/** The IPv6 link-local address from a MAC (modified EUI-64, RFC 4291 appendix A). */
export function linkLocalOf(mac: string): string {
  const b = mac.split(':').map((h) => parseInt(h, 16));
  const eui = [(b[0] ?? 0) ^ 2, b[1] ?? 0, b[2] ?? 0, 0xff, 0xfe, b[3] ?? 0, b[4] ?? 0, b[5] ?? 0];
  const groups: string[] = [];
  for (let i = 0; i < 8; i += 2) groups.push((((eui[i] ?? 0) << 8) | (eui[i + 1] ?? 0)).toString(16));
  return `fe80::${groups.join(':')}`;
}
