/**
 * ping. ICMP echo reaches pods and nodes; a ClusterIP in kube-proxy's iptables mode answers
 * nothing (it is only a DNAT rule for the Service's TCP/UDP ports, no interface owns it), so
 * `ping my-service` shows 100% packet loss although `curl my-service` works. (In IPVS mode the
 * address sits on kube-ipvs0 and does answer.) `ShellHost.pingable` decides.
 *
 * Two formats:
 * - busybox (networking/ping.c): `PING x (ip): 56 data bytes`, `64 bytes from ip: seq=0
 *   ttl=64 time=0.071 ms`, `--- x ping statistics ---`, `N packets transmitted, M packets
 *   received, P% packet loss`, `round-trip min/avg/max = a/b/c ms`; unknown name
 *   `ping: bad address 'x'`; exit 0 when a reply came, 1 when none.
 * - iputils (Debian, netshoot): `PING x (ip) 56(84) bytes of data.`, `icmp_seq=1`,
 *   `N packets transmitted, M received, P% packet loss, time Tms`, `rtt min/avg/max/mdev`;
 *   unknown name `ping: x: Name or service not known`, exit 2.
 * Without -c a real ping runs until Ctrl-C; here it stops after 4 echoes, as if interrupted.
 * Times are fixed per address (a hash), so the same command prints the same lines.
 */
import { isIPv4 } from '../net/ipv4';
import { addressesOf, lookup } from './dns';
import { distanceTo, replyTTL, rttMicros } from './netinfo';
import { Output, fail, hash32, type Tool, type ToolContext, type ToolResult } from './types';

const DEFAULT_COUNT = 4;

interface PingArgs {
  target: string;
  count: number;
  size: number;
  quiet: boolean;
  deadline?: number;
}

function parseArgs(ctx: ToolContext): PingArgs | ToolResult {
  const args = ctx.argv.slice(1);
  const p: Omit<PingArgs, 'target'> & { target?: string } = { count: DEFAULT_COUNT, size: 56, quiet: false };
  const busybox = ctx.profile.ping !== 'iputils';
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const m = /^-([cWwsiIt])(.*)$/.exec(a);
    if (m) {
      const value = m[2] !== '' ? m[2] : args[++i];
      const n = Number(value);
      if (value === undefined) return fail(busybox ? `ping: option requires an argument -- ${m[1]}\n` : `ping: option requires an argument -- '${m[1]}'\n`, busybox ? 1 : 2);
      if (m[1] === 'c') {
        if (!Number.isInteger(n) || n < 1) return fail(busybox ? `ping: invalid number '${value}'\n` : `ping: invalid argument: '${value}': out of range: 1 <= value <= 9223372036854775807\n`, busybox ? 1 : 2);
        p.count = n;
      } else if (m[1] === 's' && Number.isInteger(n) && n >= 0) p.size = n;
      else if (m[1] === 'w' && n > 0) p.deadline = Math.floor(n);
      continue;
    }
    if (a === '-q') p.quiet = true;
    else if (a === '-4' || a === '-n' || a === '-v') continue;
    else if (a.startsWith('-')) return fail(busybox ? `ping: unrecognized option: ${a.slice(1, 2)}\n` : `ping: invalid option -- '${a.slice(1, 2)}'\n`, busybox ? 1 : 2);
    else p.target = a;
  }
  if (p.target === undefined) {
    return fail(busybox ? 'BusyBox v1.37.0 multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n\nSend ICMP ECHO_REQUESTs to HOST\n' : 'ping: usage error: Destination address required\n', busybox ? 1 : 2);
  }
  return { ...p, target: p.target };
}

const ms = (micros: number) => (micros / 1000).toFixed(3);

export const ping: Tool = (ctx) => {
  const parsed = parseArgs(ctx);
  if ('exitCode' in parsed) return parsed;
  const { target, size, quiet } = parsed;
  const busybox = ctx.profile.ping !== 'iputils';
  const ip = isIPv4(target) ? target : addressesOf(lookup(ctx.host, target, 'A'))[0];
  if (!ip) return fail(busybox ? `ping: bad address '${target}'\n` : `ping: ${target}: Name or service not known\n`, busybox ? 1 : 2);
  const answers = ctx.host.pingable(ip);
  const sent = answers ? parsed.count : Math.min(parsed.count, parsed.deadline ?? parsed.count);
  const distance = distanceTo(ctx.host, ip);
  const ttl = replyTTL(distance);
  const times = answers ? Array.from({ length: sent }, (_, i) => rttMicros(distance, hash32(`${ip}#${i}`))) : [];
  const o = new Output();
  o.out(busybox ? `PING ${target} (${ip}): ${size} data bytes\n` : `PING ${target} (${ip}) ${size}(${size + 28}) bytes of data.\n`);
  if (!quiet) {
    times.forEach((t, i) => {
      o.out(busybox ? `${size + 8} bytes from ${ip}: seq=${i} ttl=${ttl} time=${ms(t)} ms\n` : `${size + 8} bytes from ${ip}: icmp_seq=${i + 1} ttl=${ttl} time=${ms(t)} ms\n`);
    });
  }
  const received = times.length;
  const loss = Math.round(((sent - received) * 100) / sent);
  o.out(`\n--- ${target} ping statistics ---\n`);
  if (busybox) {
    o.out(`${sent} packets transmitted, ${received} packets received, ${loss}% packet loss\n`);
    if (received > 0) {
      const avg = times.reduce((a, b) => a + b, 0) / received;
      o.out(`round-trip min/avg/max = ${ms(Math.min(...times))}/${ms(avg)}/${ms(Math.max(...times))} ms\n`);
    }
    return o.done(received > 0 ? 0 : 1);
  }
  const elapsed = (sent - 1) * 1000 + (received > 0 ? 3 : 47);
  o.out(`${sent} packets transmitted, ${received} received, ${loss}% packet loss, time ${elapsed}ms\n`);
  if (received > 0) {
    const avg = times.reduce((a, b) => a + b, 0) / received;
    const mdev = Math.sqrt(times.reduce((a, b) => a + (b - avg) ** 2, 0) / received);
    o.out(`rtt min/avg/max/mdev = ${ms(Math.min(...times))}/${ms(avg)}/${ms(Math.max(...times))}/${ms(mdev)} ms\n`);
  }
  return o.done(received > 0 ? 0 : 1);
};
