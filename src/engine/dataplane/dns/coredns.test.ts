/**
 * CoreDNS's own test tables, replayed against the same objects in a kubepath cluster:
 * plugin/kubernetes/handler_test.go (dnsTestCases, nsTestCases), handler_pod_insecure_test.go
 * (podModeInsecureCases, the newer NODATA for `podns.pod.<zone>`) and reverse_test.go. Where
 * kubepath's data differs the case says why (see testkit.ts). Answers are compared as sets,
 * as upstream's SortAndCheck does, except CNAME chains, whose order matters (CNAMEOrder).
 */
import { describe, expect, it } from 'vitest';
import { answer } from './coredns';
import { formatRecord, type QType } from './message';
import { handlerTestCluster } from './testkit';

interface Case {
  qname: string;
  qtype: QType;
  rcode: 'NOERROR' | 'NXDOMAIN';
  answer?: string[];
  /** The cluster SOA in the authority section (NXDOMAIN / NODATA). */
  soa?: boolean;
  extra?: string[];
  ordered?: boolean;
  why?: string;
}

const Z = 'cluster.local.';

const dnsTestCases: Case[] = [
  // A Service
  { qname: 'svc1.testns.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: ['svc1.testns.svc.cluster.local. A 10.0.0.101'] },
  { qname: 'svcempty.testns.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: ['svcempty.testns.svc.cluster.local. A 10.0.0.102'], why: 'a ClusterIP answers with no endpoints' },
  {
    qname: 'svc1.testns.svc.cluster.local.', qtype: 'SRV', rcode: 'NOERROR',
    answer: ['svc1.testns.svc.cluster.local. SRV 0 100 80 svc1.testns.svc.cluster.local.'],
    extra: ['svc1.testns.svc.cluster.local. A 10.0.0.101'],
  },
  {
    qname: 'svcempty.testns.svc.cluster.local.', qtype: 'SRV', rcode: 'NOERROR',
    answer: ['svcempty.testns.svc.cluster.local. SRV 0 100 80 svcempty.testns.svc.cluster.local.'],
    extra: ['svcempty.testns.svc.cluster.local. A 10.0.0.102'],
  },
  // SRV Service
  {
    qname: '_http._tcp.svc1.testns.svc.cluster.local.', qtype: 'SRV', rcode: 'NOERROR',
    answer: ['_http._tcp.svc1.testns.svc.cluster.local. SRV 0 100 80 svc1.testns.svc.cluster.local.'],
    extra: ['svc1.testns.svc.cluster.local. A 10.0.0.101'],
  },
  {
    qname: '_http._tcp.svcempty.testns.svc.cluster.local.', qtype: 'SRV', rcode: 'NOERROR',
    answer: ['_http._tcp.svcempty.testns.svc.cluster.local. SRV 0 100 80 svcempty.testns.svc.cluster.local.'],
    extra: ['svcempty.testns.svc.cluster.local. A 10.0.0.102'],
  },
  // A Service (Headless)
  {
    qname: 'hdls1.testns.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR',
    answer: ['172.0.0.2', '172.0.0.3', '172.0.0.4', '172.0.0.5'].map((ip) => `hdls1.testns.svc.cluster.local. A ${ip}`),
  },
  // A Service (Headless and Portless)
  { qname: 'hdlsprtls.testns.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: ['hdlsprtls.testns.svc.cluster.local. A 172.0.0.20'] },
  // An Endpoint with no port
  { qname: '172-0-0-20.hdlsprtls.testns.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: ['172-0-0-20.hdlsprtls.testns.svc.cluster.local. A 172.0.0.20'] },
  // An Endpoint ip
  { qname: '172-0-0-2.hdls1.testns.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: ['172-0-0-2.hdls1.testns.svc.cluster.local. A 172.0.0.2'] },
  { qname: '172-0-0-3.hdls1.testns.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: ['172-0-0-3.hdls1.testns.svc.cluster.local. A 172.0.0.3'] },
  // An Endpoint by name
  {
    qname: 'dup-name.hdls1.testns.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR',
    answer: ['dup-name.hdls1.testns.svc.cluster.local. A 172.0.0.4', 'dup-name.hdls1.testns.svc.cluster.local. A 172.0.0.5'],
  },
  // SRV Service (Headless): 6 endpoints share weight 100 → 16 each; dup-name collapses to one SRV.
  {
    qname: '_http._tcp.hdls1.testns.svc.cluster.local.', qtype: 'SRV', rcode: 'NOERROR',
    answer: ['172-0-0-2', '172-0-0-3', '5678-abcd--1', '5678-abcd--2', 'dup-name'].map(
      (h) => `_http._tcp.hdls1.testns.svc.cluster.local. SRV 0 16 80 ${h}.hdls1.testns.svc.cluster.local.`,
    ),
    extra: [
      '172-0-0-2.hdls1.testns.svc.cluster.local. A 172.0.0.2',
      '172-0-0-3.hdls1.testns.svc.cluster.local. A 172.0.0.3',
      '5678-abcd--1.hdls1.testns.svc.cluster.local. AAAA 5678:abcd::1',
      '5678-abcd--2.hdls1.testns.svc.cluster.local. AAAA 5678:abcd::2',
      'dup-name.hdls1.testns.svc.cluster.local. A 172.0.0.4',
      'dup-name.hdls1.testns.svc.cluster.local. A 172.0.0.5',
    ],
  },
  // AAAA
  { qname: '5678-abcd--2.hdls1.testns.svc.cluster.local', qtype: 'AAAA', rcode: 'NOERROR', answer: ['5678-abcd--2.hdls1.testns.svc.cluster.local. AAAA 5678:abcd::2'] },
  // CNAME External
  { qname: 'external.testns.svc.cluster.local.', qtype: 'CNAME', rcode: 'NOERROR', answer: ['external.testns.svc.cluster.local. CNAME ext.interwebs.test.'] },
  // CNAME External, A: upstream's stub answered 1.2.3.4; kubepath's upstream model does not know
  // ext.interwebs.test, so the answer is the CNAME alone (CoreDNS adds whatever upstream said).
  { qname: 'external.testns.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: ['external.testns.svc.cluster.local. CNAME ext.interwebs.test.'] },
  // CNAME External To Internal Service
  {
    qname: 'external-to-service.testns.svc.cluster.local', qtype: 'A', rcode: 'NOERROR', ordered: true,
    answer: ['external-to-service.testns.svc.cluster.local. CNAME svc1.testns.svc.cluster.local.', 'svc1.testns.svc.cluster.local. A 10.0.0.101'],
  },
  // AAAA Service (with an existing A record, but no AAAA record): NODATA
  { qname: 'svc1.testns.svc.cluster.local.', qtype: 'AAAA', rcode: 'NOERROR', soa: true },
  // AAAA / A Service (non-existing service)
  { qname: 'svc0.testns.svc.cluster.local.', qtype: 'AAAA', rcode: 'NXDOMAIN', soa: true },
  { qname: 'svc0.testns.svc.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', soa: true },
  // A Service (non-existing namespace)
  { qname: 'svc0.svc-nons.svc.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', soa: true },
  // A Service (Headless) does not exist
  { qname: 'bogusendpoint.hdls1.testns.svc.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', soa: true },
  // A Service does not exist
  { qname: 'bogusendpoint.svc0.testns.svc.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', soa: true },
  // AAAA Service (Headless)
  {
    qname: 'hdls1.testns.svc.cluster.local.', qtype: 'AAAA', rcode: 'NOERROR',
    answer: ['hdls1.testns.svc.cluster.local. AAAA 5678:abcd::1', 'hdls1.testns.svc.cluster.local. AAAA 5678:abcd::2'],
  },
  // AAAA Endpoint
  { qname: '5678-abcd--1.hdls1.testns.svc.cluster.local.', qtype: 'AAAA', rcode: 'NOERROR', answer: ['5678-abcd--1.hdls1.testns.svc.cluster.local. AAAA 5678:abcd::1'] },
  // The zone's structure: NODATA
  { qname: 'svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', soa: true },
  { qname: 'pod.cluster.local.', qtype: 'A', rcode: 'NOERROR', soa: true },
  { qname: 'testns.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', soa: true },
  // A query for a subdomain of an external service should not resolve to the external service
  { qname: 'endpoint.external.testns.svc.cluster.local.', qtype: 'CNAME', rcode: 'NXDOMAIN', soa: true },
];

const nsTestCases: Case[] = [
  // A Service for a namespace that does exist
  { qname: 'svc1.testns.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: ['svc1.testns.svc.cluster.local. A 10.0.0.101'] },
  // A service for a namespace that doesn't exist
  { qname: 'svc1.nsnoexist.svc.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', soa: true },
];

const podModeInsecureCases: Case[] = [
  { qname: '10-240-0-1.podns.pod.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: ['10-240-0-1.podns.pod.cluster.local. A 10.240.0.1'] },
  { qname: '172-0-0-2.podns.pod.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: ['172-0-0-2.podns.pod.cluster.local. A 172.0.0.2'] },
  { qname: 'blah.podns.pod.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', soa: true },
  { qname: 'blah.podns.pod.cluster.local.', qtype: 'AAAA', rcode: 'NXDOMAIN', soa: true },
  { qname: 'blah.pod-nons.pod.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', soa: true },
  { qname: 'podns.pod.cluster.local.', qtype: 'A', rcode: 'NOERROR', soa: true },
];

const reverseCases: Case[] = [
  // An endpoint's address: `<hostname>.<svc>.<ns>.svc.<zone>`
  { qname: '1.0.0.172.in-addr.arpa.', qtype: 'PTR', rcode: 'NOERROR', answer: ['1.0.0.172.in-addr.arpa. PTR ep1a.svc1.testns.svc.cluster.local.'] },
  // A ClusterIP: the Service
  { qname: '101.0.0.10.in-addr.arpa.', qtype: 'PTR', rcode: 'NOERROR', answer: ['101.0.0.10.in-addr.arpa. PTR svc1.testns.svc.cluster.local.'] },
  // Nothing at that address: the kubeadm Corefile falls through to `forward`, upstream says NXDOMAIN.
  { qname: '201.0.0.10.in-addr.arpa.', qtype: 'PTR', rcode: 'NXDOMAIN' },
  // A PTR question for a name in the cluster zone that does not exist
  { qname: 'example.org.cluster.local.', qtype: 'PTR', rcode: 'NXDOMAIN', soa: true },
];

const state = handlerTestCluster();

function check(c: Case): void {
  const got = answer(state, c.qname, c.qtype);
  const serial = 1767225600 + state.time;
  const sort = (a: string[]) => (c.ordered ? a : [...a].sort());
  expect(got.rcode).toBe(c.rcode);
  expect(sort(got.answers.map((r) => formatRecord(r)))).toEqual(sort(c.answer ?? []));
  expect(got.authority.map((r) => formatRecord(r, { ttl: true }))).toEqual(
    c.soa ? [`${Z} 30 IN SOA ns.dns.${Z} hostmaster.${Z} ${serial} 7200 1800 86400 30`] : [],
  );
  if (c.extra) expect(sort(got.additional.map((r) => formatRecord(r)))).toEqual(sort(c.extra));
}

const title = (c: Case) => `${c.qname} ${c.qtype} → ${c.rcode}${c.answer ? ` (${c.answer.length})` : ''}`;

describe('CoreDNS handler_test.go dnsTestCases', () => {
  it.each(dnsTestCases.map((c) => [title(c), c] as const))('%s', (_, c) => check(c));
});

describe('CoreDNS handler_test.go nsTestCases', () => {
  it.each(nsTestCases.map((c) => [title(c), c] as const))('%s', (_, c) => check(c));
});

describe('CoreDNS handler_pod_insecure_test.go (pods insecure)', () => {
  it.each(podModeInsecureCases.map((c) => [title(c), c] as const))('%s', (_, c) => check(c));
});

describe('CoreDNS reverse_test.go', () => {
  it.each(reverseCases.map((c) => [title(c), c] as const))('%s', (_, c) => check(c));
});

describe('records every answer carries', () => {
  it('TTL 30 from the kubeadm Corefile, and `ns.dns.<zone>` is kube-dns', () => {
    const a = answer(state, 'svc1.testns.svc.cluster.local.', 'A');
    expect(a.answers.map((r) => formatRecord(r, { ttl: true }))).toEqual(['svc1.testns.svc.cluster.local. 30 IN A 10.0.0.101']);
    expect(answer(state, 'ns.dns.cluster.local.', 'A').answers.map((r) => formatRecord(r))).toEqual(['ns.dns.cluster.local. A 10.0.0.10']);
    expect(answer(state, 'cluster.local.', 'A')).toMatchObject({ rcode: 'NOERROR', answers: [] });
    expect(answer(state, 'foo.cluster.local.', 'A').rcode).toBe('NXDOMAIN');
    expect(answer(state, 'too.long.for.what.i.am.svc1.testns.svc.cluster.local.', 'A').rcode).toBe('NXDOMAIN');
  });

  it('SRV for an ExternalName Service is NODATA (not implemented upstream)', () => {
    const a = answer(state, '_http._tcp.external.testns.svc.cluster.local.', 'SRV');
    expect(a).toMatchObject({ rcode: 'NOERROR', answers: [] });
    expect(a.authority).toHaveLength(1);
  });

  it('the answer comes from the kubernetes plugin inside the zone, from upstream outside it', () => {
    expect(answer(state, 'svc1.testns.svc.cluster.local.').source).toBe('kubernetes');
    expect(answer(state, 'example.com.').source).toBe('upstream');
    expect(answer(state, 'example.com.').answers.map((r) => formatRecord(r))).toEqual(['example.com. A 93.184.215.14']);
    expect(answer(state, 'no-such-name.example.').rcode).toBe('NXDOMAIN');
  });
});
