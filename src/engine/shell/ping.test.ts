/**
 * ping. busybox networking/ping.c: "PING %s (%s): %d data bytes", "%d bytes from %s: seq=%u
 * ttl=%d time=%u.%03u ms", "\n--- %s ping statistics ---\n", "%lu packets transmitted, %lu
 * packets received, %u%% packet loss\n", "round-trip min/avg/max = …"; exit 1 with no reply
 * (the docker-library/busybox#48 output shows the same lines). iputils ping_common.c:
 * "PING %s (%s) %d(%d) bytes of data.", "icmp_seq=", "%ld received", "time %ldms", "rtt
 * min/avg/max/mdev".
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from './run';
import { fakeHost } from './fakehost';

const ping = (line: string, image = 'busybox:1.36') => runCommand(fakeHost({ image }), line);

describe('busybox ping', () => {
  it('a pod on another node answers, two routers away (ttl 62)', () => {
    const r = ping('ping -c 2 10.244.2.5');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(
      /^PING 10\.244\.2\.5 \(10\.244\.2\.5\): 56 data bytes\n64 bytes from 10\.244\.2\.5: seq=0 ttl=62 time=\d+\.\d{3} ms\n64 bytes from 10\.244\.2\.5: seq=1 ttl=62 time=\d+\.\d{3} ms\n\n--- 10\.244\.2\.5 ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min\/avg\/max = \d+\.\d{3}\/\d+\.\d{3}\/\d+\.\d{3} ms\n$/,
    );
  });

  it('a pod on the same bridge keeps ttl 64; the same line twice is the same output', () => {
    expect(ping('ping -c 1 10.244.1.7').stdout).toContain('ttl=64');
    expect(ping('ping -c 3 10.244.1.7')).toEqual(ping('ping -c 3 10.244.1.7'));
  });

  it('a ClusterIP answers nothing (iptables mode): 100% loss, exit 1', () => {
    expect(ping('ping -c 4 my-nginx')).toEqual({
      stdout: 'PING my-nginx (10.96.0.12): 56 data bytes\n\n--- my-nginx ping statistics ---\n4 packets transmitted, 0 packets received, 100% packet loss\n',
      stderr: '',
      exitCode: 1,
    });
  });

  it('stops after 4 without -c; -q shows the summary only; unknown names', () => {
    expect(ping('ping 10.244.2.5').stdout).toContain('4 packets transmitted, 4 packets received');
    expect(ping('ping -q -c 2 10.244.2.5').stdout).not.toContain('bytes from');
    expect(ping('ping nope')).toEqual({ stdout: '', stderr: "ping: bad address 'nope'\n", exitCode: 1 });
    expect(ping('ping -W 1 -c 1 -s 100 10.244.2.5').stdout).toContain('PING 10.244.2.5 (10.244.2.5): 100 data bytes\n108 bytes from');
  });
});

describe('iputils ping', () => {
  it('its own format', () => {
    const r = ping('ping -c 2 10.244.2.5', 'jessie-dnsutils');
    expect(r.stdout).toMatch(/^PING 10\.244\.2\.5 \(10\.244\.2\.5\) 56\(84\) bytes of data\.\n64 bytes from 10\.244\.2\.5: icmp_seq=1 ttl=62 time=/);
    expect(r.stdout).toMatch(/\n2 packets transmitted, 2 received, 0% packet loss, time 1003ms\nrtt min\/avg\/max\/mdev = [\d.]+\/[\d.]+\/[\d.]+\/[\d.]+ ms\n$/);
  });

  it('no reply and unknown names', () => {
    expect(ping('ping -c 2 10.96.0.12', 'jessie-dnsutils')).toMatchObject({ exitCode: 1 });
    expect(ping('ping -c 2 10.96.0.12', 'jessie-dnsutils').stdout).toContain('2 packets transmitted, 0 received, 100% packet loss, time 1047ms\n');
    expect(ping('ping nope', 'jessie-dnsutils')).toEqual({ stdout: '', stderr: 'ping: nope: Name or service not known\n', exitCode: 2 });
  });
});
