import { describe, expect, it } from 'vitest';
import { formatFieldError } from '../field';
import { isFullyQualifiedDomainName, isValidCIDR, isValidIP, isValidIPv4Address, parseCIDRSloppy, parseIPSloppy, validateNonSpecialIP } from './ip';

describe('parseIPSloppy', () => {
  it.each([
    ['10.0.0.1', true],
    ['010.000.000.001', true],
    ['256.0.0.1', false],
    ['1.2.3', false],
    ['::1', true],
    ['2001:db8::ffff', true],
    ['::ffff:10.0.0.1', true],
    ['1::2::3', false],
    ['1.2.3.4::', false],
    ['gggg::', false],
    ['', false],
    ['1:2:3:4:5:6:7:8', true],
    ['1:2:3:4:5:6:7:8:9', false],
  ])('%j → %j', (v, ok) => expect(parseIPSloppy(v) !== null).toBe(ok));

  it('treats IPv4-mapped IPv6 as IPv4, like Go', () => {
    expect(parseIPSloppy('::ffff:10.0.0.1')?.v4).toBe(true);
    expect(parseIPSloppy('::1')?.v4).toBe(false);
  });
});

describe('CIDRs', () => {
  it.each([
    ['10.244.0.0/24', true],
    ['10.244.0.0/33', false],
    ['10.244.0.0', false],
    ['fd00::/64', true],
    ['fd00::/129', false],
  ])('%j → %j', (v, ok) => expect(parseCIDRSloppy(v) !== null).toBe(ok));

  it('has the API server messages', () => {
    expect(isValidCIDR('spec.podCIDRs[0]', '10.0.0.0').map(formatFieldError)).toEqual([
      'spec.podCIDRs[0]: Invalid value: "10.0.0.0": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    ]);
    expect(isValidIP('spec.externalIPs[0]', 'x').map(formatFieldError)).toEqual([
      'spec.externalIPs[0]: Invalid value: "x": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ]);
    expect(isValidIPv4Address('a', '::1').map(formatFieldError)).toEqual(['a: Invalid value: "::1": must be a valid IPv4 address']);
  });
});

describe('validateNonSpecialIP', () => {
  it.each([
    ['10.0.0.1', []],
    ['0.0.0.0', ['may not be unspecified (0.0.0.0)']],
    ['127.0.0.1', ['may not be in the loopback range (127.0.0.0/8, ::1/128)']],
    ['169.254.169.254', ['may not be in the link-local range (169.254.0.0/16, fe80::/10)']],
    ['224.0.0.5', ['may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)']],
    ['::1', ['may not be in the loopback range (127.0.0.0/8, ::1/128)']],
    ['fe80::1', ['may not be in the link-local range (169.254.0.0/16, fe80::/10)']],
  ])('%j', (ip, want) => expect(validateNonSpecialIP(ip, 'p').map((e) => e.detail)).toEqual(want));
});

describe('isFullyQualifiedDomainName', () => {
  it.each([
    ['example.com', []],
    ['example.com.', []],
    ['localhost', ['p: Invalid value: "localhost": should be a domain with at least two segments separated by dots']],
    ['', ['p: Required value']],
  ])('%j', (v, want) => expect(isFullyQualifiedDomainName('p', v).map(formatFieldError)).toEqual(want));
});
