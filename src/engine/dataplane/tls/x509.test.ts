import { describe, expect, it } from 'vitest';
import { matchesHost, parseCertificate } from './x509';
import { CA_CRT, NGINX_CRT, SAN_CRT } from './testcerts';

describe('parseCertificate', () => {
  it('reads the seed 003 self-signed certificate (openssl req -x509 -subj /CN=my-nginx/O=my-nginx)', () => {
    const c = parseCertificate(NGINX_CRT)!;
    expect(c.subject).toEqual({ CN: 'my-nginx', O: 'my-nginx' });
    expect(c.issuer).toEqual({ CN: 'my-nginx', O: 'my-nginx' });
    expect(c.selfSigned).toBe(true);
    expect(c.dnsNames).toEqual([]);
  });

  it('reads subjectAltName DNS names and IPs of a CA-signed certificate', () => {
    const c = parseCertificate(SAN_CRT)!;
    expect(c.subject.CN).toBe('frontend');
    expect(c.issuer.CN).toBe('kubepath test CA');
    expect(c.selfSigned).toBe(false);
    expect(c.dnsNames).toEqual(['frontend', 'frontend.default.svc.cluster.local']);
    expect(c.ipAddresses).toEqual(['203.0.113.10']);
    expect(parseCertificate(CA_CRT)!.selfSigned).toBe(true);
  });

  it('refuses what is not a certificate', () => {
    expect(parseCertificate('hello')).toBeUndefined();
    expect(parseCertificate('-----BEGIN CERTIFICATE-----\nbm90IGRlcg==\n-----END CERTIFICATE-----')).toBeUndefined();
  });
});

describe('matchesHost', () => {
  const cn = parseCertificate(NGINX_CRT)!;
  const san = parseCertificate(SAN_CRT)!;
  it.each([
    [cn, 'my-nginx', true],
    [cn, 'my-nginx.default.svc.cluster.local', false],
    [cn, '10.96.0.12', false],
    [san, 'frontend', true],
    [san, 'frontend.default.svc.cluster.local', true],
    [san, '203.0.113.10', true],
    [san, '203.0.113.11', false],
  ])('%#: %s', (cert, host, ok) => expect(matchesHost(cert, host)).toBe(ok));
});
