/**
 * Test support only: the cluster CoreDNS's own handler tests run against
 * (coredns/coredns plugin/kubernetes/handler_test.go, svcIndex and epsIndex), restated as
 * Kubernetes objects. Differences, forced by a real API server: ClusterIPs are unique (svc1
 * and svcempty both hold 10.0.0.1 upstream; here .101 and .102, because `kubernetes` holds .1
 * of the 10.0.0.0/24 Service range, which also puts kube-dns at 10.0.0.10 as upstream's
 * kubedns); IPv6 ClusterIPs (svc6, svc-dual-stack) are left out, the cluster is IPv4 only;
 * the Endpoints objects are EndpointSlices (IPv4 and IPv6 slices for hdls1).
 */
import { createPlayground } from '../../index';
import type { ClusterState } from '../../cluster/state';

export const HANDLER_TEST_CLUSTER = `
apiVersion: v1
kind: Namespace
metadata: {name: testns}
---
apiVersion: v1
kind: Namespace
metadata: {name: podns}
---
apiVersion: v1
kind: Service
metadata: {name: svc1, namespace: testns}
spec:
  clusterIP: 10.0.0.101
  ports: [{name: http, protocol: TCP, port: 80}]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: svc1-slice1, namespace: testns, labels: {kubernetes.io/service-name: svc1}}
addressType: IPv4
endpoints: [{addresses: [172.0.0.1], hostname: ep1a}]
ports: [{name: http, protocol: TCP, port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: svcempty, namespace: testns}
spec:
  clusterIP: 10.0.0.102
  ports: [{name: http, protocol: TCP, port: 80}]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: svcempty-slice1, namespace: testns, labels: {kubernetes.io/service-name: svcempty}}
addressType: IPv4
endpoints: []
ports: [{name: http, protocol: TCP, port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: hdls1, namespace: testns}
spec:
  clusterIP: None
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: hdls1-slice1, namespace: testns, labels: {kubernetes.io/service-name: hdls1}}
addressType: IPv4
endpoints:
- {addresses: [172.0.0.2]}
- {addresses: [172.0.0.3]}
- {addresses: [172.0.0.4], hostname: dup-name}
- {addresses: [172.0.0.5], hostname: dup-name}
ports: [{name: http, protocol: TCP, port: 80}]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: hdls1-slice2, namespace: testns, labels: {kubernetes.io/service-name: hdls1}}
addressType: IPv6
endpoints:
- {addresses: ["5678:abcd::1"]}
- {addresses: ["5678:abcd::2"]}
ports: [{name: http, protocol: TCP, port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: hdlsprtls, namespace: testns}
spec:
  clusterIP: None
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: hdlsprtls-slice1, namespace: testns, labels: {kubernetes.io/service-name: hdlsprtls}}
addressType: IPv4
endpoints: [{addresses: [172.0.0.20]}]
---
apiVersion: v1
kind: Service
metadata: {name: external, namespace: testns}
spec:
  type: ExternalName
  externalName: ext.interwebs.test
  ports: [{name: http, protocol: TCP, port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: external-to-service, namespace: testns}
spec:
  type: ExternalName
  externalName: svc1.testns.svc.cluster.local.
  ports: [{name: http, protocol: TCP, port: 80}]
`;

/** A cluster holding the handler-test objects, with anything more the test adds. */
export function handlerTestCluster(extra = ''): ClusterState {
  const pg = createPlayground({ serviceCIDR: '10.0.0.0/24' });
  const applied = pg.apply(HANDLER_TEST_CLUSTER + (extra ? `---\n${extra}` : ''));
  const errors = applied.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((e) => `${e.document}: ${e.message}`).join('\n'));
  pg.advance(10);
  return pg.clusterState;
}
