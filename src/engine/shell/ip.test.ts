/**
 * `ip` in a pod. busybox layout from seed 003's busybox:1.28 `ip addr` (lo, then eth0 with
 * link/ether, inet, valid_lft lines); routes as the CNI bridge plugin with flannel's
 * host-local IPAM installs them; busybox's print_route() writes "%s " per field (trailing
 * space, two spaces before src); iproute2 adds "proto kernel" and "state UP group default".
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from './run';
import { fakeHost } from './fakehost';
import { linkLocalOf, macOf } from './netinfo';

const ip = (line: string, image = 'busybox:1.28') => runCommand(fakeHost({ image }), line);

describe('ip', () => {
  it('ip addr (busybox, as seed 003 shows it)', () => {
    expect(ip('ip addr').stdout).toBe(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue\n' +
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n' +
        '    inet 127.0.0.1/8 scope host lo\n' +
        '       valid_lft forever preferred_lft forever\n' +
        '    inet6 ::1/128 scope host\n' +
        '       valid_lft forever preferred_lft forever\n' +
        '2: eth0@if9: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue\n' +
        '    link/ether 0a:58:0a:f4:01:05 brd ff:ff:ff:ff:ff:ff\n' +
        '    inet 10.244.1.5/24 brd 10.244.1.255 scope global eth0\n' +
        '       valid_lft forever preferred_lft forever\n' +
        '    inet6 fe80::858:aff:fef4:105/64 scope link\n' +
        '       valid_lft forever preferred_lft forever\n',
    );
    expect(ip('ip a').stdout).toBe(ip('ip addr show').stdout);
    expect(ip('ip -4 a show eth0').stdout).not.toContain('inet6');
  });

  it('ip route, flannel style', () => {
    expect(ip('ip route')).toEqual({ stdout: 'default via 10.244.1.1 dev eth0 \n10.244.0.0/16 via 10.244.1.1 dev eth0 \n10.244.1.0/24 dev eth0 scope link  src 10.244.1.5 \n', stderr: '', exitCode: 0 });
    expect(ip('ip r', 'nicolaka/netshoot').stdout).toBe('default via 10.244.1.1 dev eth0 \n10.244.0.0/16 via 10.244.1.1 dev eth0 \n10.244.1.0/24 dev eth0 proto kernel scope link src 10.244.1.5 \n');
  });

  it('iproute2 link lines', () => {
    expect(ip('ip link', 'nicolaka/netshoot').stdout).toContain('2: eth0@if9: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UP group default \n    link/ether 0a:58:0a:f4:01:05 brd ff:ff:ff:ff:ff:ff link-netnsid 0\n');
  });

  it('errors', () => {
    expect(ip('ip frob')).toMatchObject({ exitCode: 1, stderr: "ip: unknown object 'frob'\n" });
    expect(ip('ip addr show dev eth9', 'nicolaka/netshoot')).toMatchObject({ exitCode: 1, stderr: 'Device "eth9" does not exist.\n' });
    expect(ip('ip route add 1.2.3.0/24 dev eth0').exitCode).toBe(1);
    expect(ip('ip addr', 'nginx').exitCode).toBe(127);
  });

  it('MAC 0a:58:<IPv4> and its EUI-64 link-local address (RFC 4291 appendix A)', () => {
    expect(macOf('10.244.3.8')).toBe('0a:58:0a:f4:03:08');
    expect(linkLocalOf('0a:58:0a:f4:03:08')).toBe('fe80::858:aff:fef4:308');
  });
});
