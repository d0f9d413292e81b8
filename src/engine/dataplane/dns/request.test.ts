/** CoreDNS's parse_test.go (TestParseRequest, TestParseInvalidRequest) and the name helpers. */
import { describe, expect, it } from 'vitest';
import { formatRequest, parseRequest } from './request';
import { addressFromReverse, encodable, isIPv6, reverseName } from './names';

const zone = 'inter.webs.tests.';

describe('parseRequest (parse_test.go)', () => {
  it.each([
    ['_http._tcp.webs.mynamespace.svc.inter.webs.tests.', 'http.tcp...webs.mynamespace.svc'], // valid SRV request
    ['1-2-3-4.webs.mynamespace.svc.inter.webs.tests.', '..1-2-3-4..webs.mynamespace.svc'], // A request of endpoint
    ['inter.webs.tests.', '......'], // bare zone
    ['svc.inter.webs.tests.', '......'], // bare svc type
    ['pod.inter.webs.tests.', '......'], // bare pod type
    ['..webs.mynamespace.svc.inter.webs.tests.', '....webs.mynamespace.svc'], // SRV request with empty segments
    ['us-west-2a._zone.webs.mynamespace.svc.inter.webs.tests.', 'us-west-2a.zone...webs.mynamespace.svc'], // no zonal option: port/protocol
  ])('%s → %s', (query, expected) => {
    const r = parseRequest(query, zone);
    expect(r).not.toBe('invalid');
    if (r !== 'invalid') expect(formatRequest(r)).toBe(expected);
  });

  it.each([
    'webs.mynamespace.pood.inter.webs.test.', // Request must be for pod or svc subdomain.
    'too.long.for.what.I.am.trying.to.pod.inter.webs.tests.', // Too long.
  ])('%s is invalid', (query) => {
    expect(parseRequest(query, zone)).toBe('invalid');
  });
});

describe('names', () => {
  it('reverse names', () => {
    expect(reverseName('10.96.0.10')).toBe('10.0.96.10.in-addr.arpa.');
    expect(addressFromReverse('10.0.96.10.in-addr.arpa.')).toBe('10.96.0.10');
    expect(addressFromReverse('0.96.10.in-addr.arpa.')).toBeUndefined();
    expect(addressFromReverse('300.0.96.10.in-addr.arpa.')).toBeUndefined();
  });

  it('IPv6 text as Go reads it', () => {
    for (const ok of ['5678:abcd::1', '::1', '::', '1:2:3:4:5:6:7:8', '::ffff:10.0.0.1', '1234-abcd--1'.replaceAll('-', ':')]) expect(isIPv6(ok), ok).toBe(true);
    for (const bad of ['1:2:3:4:5:6:7:8:9', '1::2::3', 'g::1', '10.0.0.1', '12345::1']) expect(isIPv6(bad), bad).toBe(false);
  });

  it('what fits in a query', () => {
    expect(encodable('my-nginx.default.svc.cluster.local.')).toBe(true);
    expect(encodable('a..b.')).toBe(false);
    expect(encodable(`${'x'.repeat(64)}.`)).toBe(false);
    expect(encodable(`${Array.from({ length: 5 }, () => 'y'.repeat(63)).join('.')}.`)).toBe(false);
  });
});
