/**
 * dig, against bind 9.18's output: bin/dig/dighost.c and dig.c (the `; <<>> DiG … <<>>` banner,
 * `;; global options: +cmd`, `;; Got answer:`, the header and flags lines, the WARNING when
 * ra is clear, the OPT pseudosection, `;; Query time`, `;; SERVER: ip#53(ip) (UDP)`,
 * `;; MSG SIZE  rcvd:`), records laid out by lib/dns/masterdump.c indent() with dig's columns
 * (ttl 24, class 32, type 40, rdata 48), `+short` printing rdata only.
 */
import { describe, expect, it } from 'vitest';
import { formatQuestion, formatRecord } from './dig';
import { runCommand } from './run';
import { fakeHost } from './fakehost';

const dig = (line: string, dnsDown = false) => runCommand(fakeHost({ image: 'nicolaka/netshoot', dnsDown }), line);

describe('record layout (masterdump indent)', () => {
  it.each([
    [{ name: 'google.com.', ttl: 300, type: 'A', data: '142.250.185.78' }, 'google.com.\t\t300\tIN\tA\t142.250.185.78'],
    [{ name: 'kubernetes.default.svc.cluster.local.', ttl: 30, type: 'A', data: '10.96.0.1' }, 'kubernetes.default.svc.cluster.local. 30 IN A\t10.96.0.1'],
    [{ name: '12.0.96.10.in-addr.arpa.', ttl: 30, type: 'PTR', data: 'my-nginx.default.svc.cluster.local.' }, '12.0.96.10.in-addr.arpa. 30\tIN\tPTR\tmy-nginx.default.svc.cluster.local.'],
  ])('%o', (rec, line) => {
    expect(formatRecord(rec)).toBe(line);
  });

  it('questions', () => {
    expect(formatQuestion('google.com', 'A')).toBe(';google.com.\t\t\tIN\tA');
    expect(formatQuestion('kubernetes.default.svc.cluster.local.', 'A')).toBe(';kubernetes.default.svc.cluster.local. IN A');
  });
});

describe('dig', () => {
  it('an authoritative cluster answer', () => {
    const r = dig('dig my-nginx.default.svc.cluster.local');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(
      /^\n; <<>> DiG 9\.18\.33 <<>> my-nginx\.default\.svc\.cluster\.local\n;; global options: \+cmd\n;; Got answer:\n;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: \d+\n;; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n;; WARNING: recursion requested but not available\n\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n;; QUESTION SECTION:\n;my-nginx\.default\.svc\.cluster\.local\. IN\tA\n\n;; ANSWER SECTION:\nmy-nginx\.default\.svc\.cluster\.local\. 30 IN A\t10\.96\.0\.12\n\n;; Query time: 0 msec\n;; SERVER: 10\.96\.0\.10#53\(10\.96\.0\.10\) \(UDP\)\n;; MSG SIZE {2}rcvd: \d+\n\n$/,
    );
  });

  it('asks the name as given: a short name is NXDOMAIN (dig uses no search list), exit 0', () => {
    const r = dig('dig my-nginx');
    expect(r.stdout).toContain('status: NXDOMAIN');
    expect(r.stdout).toContain(';my-nginx.\t\t\tIN\tA\n');
    expect(r.stdout).toContain(';; AUTHORITY SECTION:\n');
    expect(r.exitCode).toBe(0);
  });

  it('+short, +search, -x, +noall +answer', () => {
    expect(dig('dig +short my-nginx.default.svc.cluster.local').stdout).toBe('10.96.0.12\n');
    expect(dig('dig +short my-nginx').stdout).toBe('');
    expect(dig('dig +search +short my-nginx').stdout).toBe('10.96.0.12\n');
    expect(dig('dig -x 10.96.0.12 +short').stdout).toBe('my-nginx.default.svc.cluster.local.\n');
    expect(dig('dig +noall +answer example.com').stdout).toBe('example.com.\t\t300\tIN\tA\t93.184.215.14\n');
  });

  it('forwarded answers carry rd ra and no warning', () => {
    const r = dig('dig example.com');
    expect(r.stdout).toContain(';; flags: qr rd ra; QUERY: 1, ANSWER: 1');
    expect(r.stdout).not.toContain('WARNING');
  });

  it('no server: exit 9', () => {
    expect(dig('dig +short my-nginx.default.svc.cluster.local', true)).toEqual({ stdout: ';; connection timed out; no servers could be reached\n', stderr: '', exitCode: 9 });
  });
});
