import { describe, expect, it } from 'vitest';
import { endpointChain, isServiceChainName, portProtoHash, servicePortChains, servicePortNameString } from './chains';

describe('kube-proxy chain names', () => {
  // Names that appear in kube-proxy's own tests (pkg/proxy/iptables/proxier_test.go,
  // TestOverallIPTablesRules and friends) for the same service ports and endpoints.
  it.each([
    ['ns1', 'svc1', 'p80', 'TCP', 'KUBE-SVC-XPGD46QRK7WJZT7O'],
    ['ns2', 'svc2', 'p80', 'TCP', 'KUBE-SVC-GNZBNJ2PO5MGZ6GT'],
    ['ns3', 'svc3', 'p80', 'TCP', 'KUBE-SVC-X27LE4BHSL4DOUIK'],
    ['ns4', 'svc4', 'p80', 'TCP', 'KUBE-SVC-4SW47YFZTEDKD3PK'],
    ['ns5', 'svc5', 'p80', 'TCP', 'KUBE-SVC-NUKIZ6OKUXPJNT4C'],
    // A real cluster's API server Service (default/kubernetes:https).
    ['default', 'kubernetes', 'https', 'TCP', 'KUBE-SVC-NPX46M4PTMTKRN6Y'],
  ])('%s/%s:%s %s → %s', (ns, name, port, proto, chain) => {
    expect(servicePortChains(servicePortNameString(ns, name, port), proto).cluster).toBe(chain);
  });

  it('uses the same hash for the SVC, SVL, EXT and FW chains of a port', () => {
    expect(servicePortChains('ns2/svc2:p80', 'tcp')).toEqual({
      cluster: 'KUBE-SVC-GNZBNJ2PO5MGZ6GT',
      local: 'KUBE-SVL-GNZBNJ2PO5MGZ6GT',
      external: 'KUBE-EXT-GNZBNJ2PO5MGZ6GT',
      firewall: 'KUBE-FW-GNZBNJ2PO5MGZ6GT',
    });
    expect(servicePortChains('ns5/svc5:p80', 'tcp').firewall).toBe('KUBE-FW-NUKIZ6OKUXPJNT4C');
  });

  it.each([
    ['ns1/svc1:p80', 'tcp', '10.180.0.1:80', 'KUBE-SEP-SXIVWICOYRO3J4NJ'],
    ['ns2/svc2:p80', 'tcp', '10.180.0.2:80', 'KUBE-SEP-RS4RBKLTHTF2IUXJ'],
    ['ns3/svc3:p80', 'tcp', '10.180.0.3:80', 'KUBE-SEP-OYPFS5VJICHGATKP'],
    ['ns4/svc4:p80', 'tcp', '10.180.0.4:80', 'KUBE-SEP-UKSFD7AGPMPPLUHC'],
    ['ns4/svc4:p80', 'tcp', '10.180.0.5:80', 'KUBE-SEP-C6EBXVWJJZMIWKLZ'],
    ['ns5/svc5:p80', 'tcp', '10.180.0.3:80', 'KUBE-SEP-I77PXRDZVX7PMWMN'],
  ])('%s %s %s → %s', (spn, proto, ep, chain) => {
    expect(endpointChain(spn, proto, ep)).toBe(chain);
  });

  it('hashes the protocol in lower case, so TCP and tcp agree and UDP differs', () => {
    expect(portProtoHash('ns1/svc1:p80', 'TCP')).toBe(portProtoHash('ns1/svc1:p80', 'tcp'));
    expect(portProtoHash('ns1/svc1:p80', 'UDP')).not.toBe(portProtoHash('ns1/svc1:p80', 'TCP'));
    expect(portProtoHash('ns1/svc1:p80', 'tcp')).toMatch(/^[A-Z2-7]{16}$/);
  });

  it('leaves the port name out of an unnamed port', () => {
    expect(servicePortNameString('default', 'web', '')).toBe('default/web');
    expect(servicePortNameString('default', 'web', 'http')).toBe('default/web:http');
  });

  it('recognises the per-service chains', () => {
    expect(isServiceChainName('KUBE-SEP-SXIVWICOYRO3J4NJ')).toBe(true);
    expect(isServiceChainName('KUBE-SERVICES')).toBe(false);
    expect(isServiceChainName('KUBE-MARK-MASQ')).toBe(false);
  });
});
