/**
 * `ip addr` / `ip a`, `ip route` / `ip r`, `ip link` inside a pod on a flannel-style network:
 * lo, and eth0 — one end of the veth pair whose other end (ifN on the node) is plugged into
 * the bridge cni0 — with the pod IP in the node's /24. Routes as the CNI bridge plugin with
 * host-local IPAM writes them for flannel: a default route and the whole pod network via the
 * bridge, and the node's /24 on-link:
 *
 *     default via 10.244.1.1 dev eth0
 *     10.244.0.0/16 via 10.244.1.1 dev eth0
 *     10.244.1.0/24 dev eth0 scope link  src 10.244.1.5
 *
 * busybox `ip` (networking/libiproute: every field printed as "%s " so lines end in a space,
 * `scope link ` + ` src` giving two spaces) versus iproute2 (`proto kernel`, `state UP group
 * default`, `link-netnsid 0`). The `ip addr` layout follows seed 003's busybox:1.28 output;
 * the MAC is the bridge plugin's 0a:58:<IPv4 octets> and the IPv6 link-local address its
 * EUI-64. The MTU is flannel VXLAN's 1450 unless the host says otherwise.
 */
import { cidrAddress, formatIPv4, parseCidr } from '../net/ipv4';
import type { ShellHost } from './host';
import { DEFAULT_MTU, clusterCidrOf, linkLocalOf, macOf } from './netinfo';
import { Output, fail, ok, type Tool, type ToolContext } from './types';

interface Iface {
  index: number;
  name: string;
  flags: string;
  mtu: number;
  link: string;
  inet: string;
  inet6: string;
  scope: string;
}

function interfaces(host: ShellHost): Iface[] {
  const c = parseCidr(host.network.podCIDR);
  const prefix = c?.prefix ?? 24;
  const mac = macOf(host.podIP);
  const peer = 4 + Number(host.podIP.split('.')[3] ?? 0);
  const brd = c ? ` brd ${formatIPv4(cidrAddress(c, c.size - 1))}` : '';
  return [
    { index: 1, name: 'lo', flags: 'LOOPBACK,UP,LOWER_UP', mtu: 65536, link: 'link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00', inet: '127.0.0.1/8 scope host lo', inet6: '::1/128 scope host', scope: 'host' },
    { index: 2, name: `eth0@if${peer}`, flags: 'BROADCAST,MULTICAST,UP,LOWER_UP', mtu: host.network.mtu ?? DEFAULT_MTU, link: `link/ether ${mac} brd ff:ff:ff:ff:ff:ff`, inet: `${host.podIP}/${prefix}${brd} scope global eth0`, inet6: `${linkLocalOf(mac)}/64 scope link`, scope: 'link' },
  ];
}

function linkLine(i: Iface, iproute2: boolean): string {
  if (!iproute2) return `${i.index}: ${i.name}: <${i.flags}> mtu ${i.mtu} qdisc noqueue\n    ${i.link}\n`;
  const state = i.name === 'lo' ? 'UNKNOWN group default qlen 1000' : 'UP group default ';
  return `${i.index}: ${i.name}: <${i.flags}> mtu ${i.mtu} qdisc noqueue state ${state}\n    ${i.link}${i.name === 'lo' ? '' : ' link-netnsid 0'}\n`;
}

function addr(host: ShellHost, only4: boolean, dev: string | undefined, iproute2: boolean): string {
  const lifetimes = '       valid_lft forever preferred_lft forever\n';
  return interfaces(host)
    .filter((i) => !dev || i.name.split('@')[0] === dev)
    .map((i) => {
      let s = linkLine(i, iproute2);
      s += `    inet ${i.inet}\n${lifetimes}`;
      if (!only4) s += `    inet6 ${i.inet6}${iproute2 ? ' ' : ''}\n${lifetimes}`;
      return s;
    })
    .join('');
}

function routes(host: ShellHost, iproute2: boolean): string {
  const gw = host.network.gateway;
  const onLink = iproute2 ? `dev eth0 proto kernel scope link src ${host.podIP} ` : `dev eth0 scope link  src ${host.podIP} `;
  return `default via ${gw} dev eth0 \n${clusterCidrOf(host)} via ${gw} dev eth0 \n${host.network.podCIDR} ${onLink}\n`;
}

const OBJECTS: Record<string, 'addr' | 'route' | 'link'> = {
  a: 'addr', ad: 'addr', add: 'addr', addr: 'addr', addre: 'addr', addres: 'addr', address: 'addr',
  r: 'route', ro: 'route', rou: 'route', rout: 'route', route: 'route',
  l: 'link', li: 'link', lin: 'link', link: 'link',
};

export const ip: Tool = (ctx: ToolContext) => {
  const iproute2 = ctx.profile.ip === 'iproute2';
  const args = ctx.argv.slice(1);
  const only4 = args.includes('-4');
  const rest = args.filter((a) => !a.startsWith('-'));
  const [objectArg, verb, ...more] = rest;
  if (objectArg === undefined) {
    return fail(iproute2 ? 'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n' : 'BusyBox v1.37.0 multi-call binary.\n\nUsage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n', iproute2 ? 255 : 1);
  }
  const object = OBJECTS[objectArg];
  if (!object) return fail(iproute2 ? `Object "${objectArg}" is unknown, try "ip help".\n` : `ip: unknown object '${objectArg}'\n`, iproute2 ? 255 : 1);
  if (verb !== undefined && verb !== 'show' && verb !== 'list' && verb !== 'ls') {
    if (object === 'addr' && verb === 'eth0') return ok(addr(ctx.host, only4, 'eth0', iproute2));
    return fail(iproute2 ? 'RTNETLINK answers: Operation not permitted\n' : 'ip: RTNETLINK answers: Operation not permitted\n', iproute2 ? 2 : 1);
  }
  const dev = more[0] === 'dev' ? more[1] : more[0];
  if (dev !== undefined && dev !== 'lo' && dev !== 'eth0') {
    return fail(iproute2 ? `Device "${dev}" does not exist.\n` : `ip: can't find device '${dev}'\n`, 1);
  }
  switch (object) {
    case 'addr':
      return ok(addr(ctx.host, only4, dev, iproute2));
    case 'link':
      return ok(interfaces(ctx.host).filter((i) => !dev || i.name.split('@')[0] === dev).map((i) => linkLine(i, iproute2)).join(''));
    case 'route':
      return new Output().out(routes(ctx.host, iproute2)).done(0);
    default: {
      const never: never = object;
      return never;
    }
  }
};
