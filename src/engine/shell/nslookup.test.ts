/**
 * nslookup's three shapes. Sources:
 * - busybox ≤ 1.28: networking/nslookup.c (`printf("%-10s %s\n", header, hostname)`,
 *   `"Address %u: %s%c"` with the getnameinfo name), outputs in kubernetes/kubernetes#66924
 *   and docker-library/busybox#75 (busybox:1.28 against CoreDNS), seed 003.
 * - busybox ≥ 1.29: the LEDE resolver (`"Server:\t\t%s\n"`, `"Address:\t%s\n\n"` with
 *   xmalloc_sockaddr2dotted's "ip:53", `"Name:\t%s\nAddress: %s\n"`, `"** server can't find
 *   %s: %s\n"`, `"*** Can't find %s: No answer\n"`); outputs in docker-library/busybox#48,
 *   #61, #75 and jonashackt/kubernetes-the-ansible-way#7 (first reply printed, the other
 *   queries "No answer"; search domains only for dotless names from 1.30).
 * - bind 9: `Address:\t10.96.0.10#53`, `Name:\t<fqdn>`, `** server can't find x: NXDOMAIN`.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from './run';
import { fakeHost } from './fakehost';

const ns = (image: string, line: string, dnsDown = false) => runCommand(fakeHost({ image, dnsDown }), line);

describe('busybox 1.28 nslookup (seed 003, the Kubernetes DNS docs)', () => {
  it('prints the server and the name with reverse names', () => {
    expect(ns('busybox:1.28', 'nslookup my-nginx')).toEqual({
      stdout: 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      my-nginx\nAddress 1: 10.96.0.12 my-nginx.default.svc.cluster.local\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('resolves through the search list like the C library (kubernetes.default works)', () => {
    expect(ns('busybox:1.28', 'nslookup kubernetes.default').stdout).toContain('Name:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n');
  });

  it('lists every address, without a name where there is no PTR', () => {
    expect(ns('busybox:1.28', 'nslookup headless').stdout).toContain('Name:      headless\nAddress 1: 10.244.2.5\nAddress 2: 10.244.3.4\n');
  });

  it("fails with can't resolve, exit 1", () => {
    expect(ns('busybox:1.28', 'nslookup nope')).toEqual({
      stdout: 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n',
      stderr: "nslookup: can't resolve 'nope'\n",
      exitCode: 1,
    });
  });

  it('radial/busyboxplus:curl has the same old applet', () => {
    expect(ns('radial/busyboxplus:curl', 'nslookup my-nginx').stdout.startsWith('Server:    10.96.0.10\nAddress 1: ')).toBe(true);
  });
});

describe('busybox ≥ 1.29 nslookup', () => {
  it('a service name under the search list (1.30+): first reply, the rest unanswered', () => {
    expect(ns('busybox:1.36', 'nslookup my-nginx')).toEqual({
      stdout:
        "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tmy-nginx.default.svc.cluster.local\nAddress: 10.96.0.12\n\n*** Can't find my-nginx.svc.cluster.local: No answer\n*** Can't find my-nginx.cluster.local: No answer\n*** Can't find my-nginx.default.svc.cluster.local: No answer\n*** Can't find my-nginx.svc.cluster.local: No answer\n*** Can't find my-nginx.cluster.local: No answer\n\n",
      stderr: '',
      exitCode: 0,
    });
  });

  it('kubernetes.default has a dot, so no search: NXDOMAIN, exit 1 (docker-library/busybox#75)', () => {
    expect(ns('busybox:1.31.1', 'nslookup kubernetes.default')).toEqual({
      stdout: "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find kubernetes.default: NXDOMAIN\n\n*** Can't find kubernetes.default: No answer\n\n",
      stderr: '',
      exitCode: 1,
    });
  });

  it('1.29 searches nothing at all', () => {
    expect(ns('busybox:1.29', 'nslookup my-nginx').stdout).toContain("** server can't find my-nginx: NXDOMAIN\n\n*** Can't find my-nginx: No answer\n");
  });

  it('the FQDN works (docker-library/busybox#61)', () => {
    expect(ns('busybox', 'nslookup kubernetes.default.svc.cluster.local')).toEqual({
      stdout: "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n*** Can't find kubernetes.default.svc.cluster.local: No answer\n\n",
      stderr: '',
      exitCode: 0,
    });
  });

  it('an address asks PTR', () => {
    expect(ns('alpine', 'nslookup 10.96.0.12').stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n12.0.96.10.in-addr.arpa\tname = my-nginx.default.svc.cluster.local\n\n');
  });

  it('no server answering', () => {
    expect(ns('curlimages/curl', 'nslookup my-nginx', true)).toEqual({ stdout: ';; connection timed out; no servers could be reached\n\n', stderr: '', exitCode: 1 });
  });
});

describe('bind nslookup (dnsutils, netshoot)', () => {
  it('prints the answering FQDN', () => {
    expect(ns('jessie-dnsutils', 'nslookup my-nginx')).toEqual({
      stdout: 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tmy-nginx.default.svc.cluster.local\nAddress: 10.96.0.12\n\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('upstream answers are non-authoritative', () => {
    expect(ns('nicolaka/netshoot', 'nslookup example.com').stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nNon-authoritative answer:\nName:\texample.com\nAddress: 93.184.215.14\n\n');
  });

  it("NXDOMAIN: ** server can't find, exit 1", () => {
    expect(ns('jessie-dnsutils', 'nslookup nope')).toEqual({ stdout: "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find nope: NXDOMAIN\n\n", stderr: '', exitCode: 1 });
  });

  it('PTR targets keep their final dot', () => {
    expect(ns('jessie-dnsutils', 'nslookup 10.96.0.12').stdout).toContain('12.0.96.10.in-addr.arpa\tname = my-nginx.default.svc.cluster.local.\n');
  });

  it('names the server given on the command line', () => {
    expect(ns('jessie-dnsutils', 'nslookup my-nginx 10.96.0.10').stdout.startsWith('Server:\t\t10.96.0.10\n')).toBe(true);
  });
});

it('usage without a name', () => {
  expect(ns('busybox:1.28', 'nslookup').exitCode).toBe(1);
  expect(ns('jessie-dnsutils', 'nslookup').stderr).toBe('Usage: nslookup [-opt ...] host [server]\n');
});
