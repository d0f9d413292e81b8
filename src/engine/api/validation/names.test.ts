import { describe, expect, it } from 'vitest';
import {
  byteLength,
  isCIdentifier,
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isDomainPrefixedPath,
  isEnvVarName,
  isRelaxedEnvVarName,
  isValidPercent,
  isValidPortName,
  isValidPortNum,
  isWildcardDNS1123Subdomain,
  nameIsDNS1035Label,
  nameIsDNSSubdomain,
  regexError,
} from './names';

const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

describe('regexError', () => {
  it('writes the double space Go writes between examples', () => {
    expect(regexError('m', 'f', 'a', 'b')).toBe("m (e.g. 'a',  or 'b', regex used for validation is 'f')");
    expect(regexError('m', 'f')).toBe("m (regex used for validation is 'f')");
  });
});

describe('isDNS1123Label', () => {
  it.each([
    ['my-name', []],
    ['123-abc', []],
    ['a', []],
    ['My-Name', [LABEL_MSG]],
    ['-a', [LABEL_MSG]],
    ['a-', [LABEL_MSG]],
    ['', [LABEL_MSG]],
    ['a.b', ['must not contain dots']],
    ['a'.repeat(64), ['must be no more than 63 characters']],
  ])('%j', (v, want) => expect(isDNS1123Label(v)).toEqual(want));
});

describe('isDNS1123Subdomain', () => {
  it.each([
    ['example.com', []],
    ['a-b.c', []],
    ['Example.com', [SUBDOMAIN_MSG]],
    ['a..b', [SUBDOMAIN_MSG]],
    ['a_b', [SUBDOMAIN_MSG]],
    [`${'a'.repeat(250)}.com`, ['must be no more than 253 characters']],
  ])('%j', (v, want) => expect(isDNS1123Subdomain(v)).toEqual(want));
});

describe('isDNS1035Label', () => {
  it.each([
    ['web', []],
    ['web-1', []],
    ['1web', [DNS1035_MSG]],
    ['web.svc', [DNS1035_MSG]],
    ['Web', [DNS1035_MSG]],
  ])('%j', (v, want) => expect(isDNS1035Label(v)).toEqual(want));
});

describe('object names', () => {
  it('allows a trailing dash in a generateName prefix', () => {
    expect(nameIsDNSSubdomain('web-', true)).toEqual([]);
    expect(nameIsDNSSubdomain('web-', false)).toEqual([SUBDOMAIN_MSG]);
    expect(nameIsDNS1035Label('svc-', true)).toEqual([]);
  });
});

describe('isWildcardDNS1123Subdomain', () => {
  it('accepts *.example.com only', () => {
    expect(isWildcardDNS1123Subdomain('*.example.com')).toEqual([]);
    expect(isWildcardDNS1123Subdomain('*.*.example.com')[0]).toContain("a wildcard DNS-1123 subdomain must start with '*.'");
    expect(isWildcardDNS1123Subdomain('foo*.example.com')).toHaveLength(1);
  });
});

describe('port numbers and names', () => {
  it.each([
    [0, ['must be between 1 and 65535, inclusive']],
    [1, []],
    [65535, []],
    [65536, ['must be between 1 and 65535, inclusive']],
  ])('port %j', (v, want) => expect(isValidPortNum(v)).toEqual(want));

  it.each([
    ['http', []],
    ['http-alt', []],
    ['8080', ['must contain at least one letter (a-z)']],
    ['HTTP', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)']],
    ['a--b', ['must not contain consecutive hyphens']],
    ['-http', ['must not begin or end with a hyphen']],
    ['a-very-long-port-name', ['must be no more than 15 characters']],
    ['', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)']],
  ])('name %j', (v, want) => expect(isValidPortName(v)).toEqual(want));
});

describe('env var names', () => {
  it('relaxed (v1.34): printable ASCII except =', () => {
    expect(isRelaxedEnvVarName('MY_VAR')).toEqual([]);
    expect(isRelaxedEnvVarName('1st.var-name')).toEqual([]);
    expect(isRelaxedEnvVarName('A=B')).toEqual(["a valid environment variable name must consist only of printable ASCII characters other than '='"]);
    expect(isRelaxedEnvVarName('tab\there')).toHaveLength(1);
    expect(isRelaxedEnvVarName('é')).toHaveLength(1);
    expect(isRelaxedEnvVarName('')).toEqual(['environment variable name must be non-empty']);
  });
  it('strict (before v1.32)', () => {
    expect(isEnvVarName('MY_ENV.NAME')).toEqual([]);
    expect(isEnvVarName('1A')[0]).toContain("must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1'");
    expect(isEnvVarName('..a')).toEqual(["must not start with '..'"]);
  });
  it('C identifiers', () => {
    expect(isCIdentifier('MY_NAME')).toEqual([]);
    expect(isCIdentifier('my-name')).toHaveLength(1);
  });
});

describe('config keys and percents', () => {
  it.each([
    ['tls.crt', []],
    ['KEY_NAME', []],
    ['a/b', ["a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"]],
    ['.', ["must not be '.'"]],
    ['..', ["must not be '..'"]],
    ['..x', ["must not start with '..'"]],
  ])('key %j', (v, want) => expect(isConfigMapKey(v)).toEqual(want));

  it('percent', () => {
    expect(isValidPercent('25%')).toEqual([]);
    expect(isValidPercent('25')).toEqual([
      "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ]);
  });
});

describe('isDomainPrefixedPath', () => {
  it.each([
    ['k8s.io/ingress-nginx', []],
    ['nginx', [{ value: 'nginx', msg: 'must be a domain-prefixed path (such as "acme.io/foo")' }]],
    ['k8s.io/', [{ value: 'k8s.io/', msg: 'must be a domain-prefixed path (such as "acme.io/foo")' }]],
  ])('%j', (v, want) => expect(isDomainPrefixedPath(v)).toEqual(want));
});

it('counts bytes like Go', () => {
  expect(byteLength('abc')).toBe(3);
  expect(byteLength('é')).toBe(2);
  expect(byteLength('日')).toBe(3);
  expect(byteLength('😀')).toBe(4);
});
