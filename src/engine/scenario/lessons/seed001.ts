/**
 * Seed 001 (../shared/seeds/001_b49cf374ef712ef5.txt): the three Service types over one pod.
 * A ClusterIP outlives its pod; a NodePort opens a port on every node (and with
 * externalTrafficPolicy: Local only nodes with the pod answer); a LoadBalancer waits for a
 * provider (here `minikube tunnel`).
 */
import type { Lesson, LessonRequest, ValueResolver } from '../lesson';

const viaClusterIP: LessonRequest = { from: { node: 'first' }, url: 'http://{{clusterIP:default/svc-1}}:9000/' };
const hostingNode: LessonRequest = { from: { workstation: true }, url: 'http://{{nodeIP:hosting:app=pod}}:30000/' };
const otherNode: LessonRequest = { from: { workstation: true }, url: 'http://{{nodeIP:not-hosting:app=pod}}:30000/' };
const viaLoadBalancer: LessonRequest = { from: { external: '198.51.100.79' }, url: 'http://{{lbIP:default/svc-3}}:9000/' };

const NO_ANSWER: ValueResolver = { pattern: '^(timeout|connection-refused|no-route|dropped)$' };

export const seed001: Lesson = {
  id: 'seed-001-service-types',
  scenario: 'seed-001-service-types',
  title: 'The three Service types',
  summary: 'A Service keeps one address while its pods come and go; NodePort and LoadBalancer build on ClusterIP to let traffic in from outside.',
  steps: [
    {
      title: 'A ClusterIP Service in front of pod-1',
      explanation:
        'svc-1 selects the pods labelled app=pod and forwards its port 9000 to their port 8080. Its ClusterIP works from inside the cluster: from a node or a pod.',
      request: viaClusterIP,
      predict: {
        question: "Can a client outside the cluster reach svc-1's ClusterIP?",
        measure: 'status',
        request: { from: { external: '198.51.100.79' }, url: 'http://{{clusterIP:default/svc-1}}:9000/' },
        choices: [
          { label: 'Yes, it answers 200', value: '200' },
          { label: 'No, the connection never succeeds', value: NO_ANSWER },
        ],
      },
      check: { kind: 'response', request: viaClusterIP, expect: { status: 200 } },
      hint: 'Wait for pod-1 to be Running; svc-1 then has one endpoint.',
    },
    {
      title: 'Delete pod-1',
      explanation: 'Pods are not permanent. While pod-1 terminates it leaves the EndpointSlice, and svc-1 has nowhere to send traffic.',
      action: { kind: 'command', line: 'kubectl delete pod pod-1', wait: 30 },
      check: { kind: 'endpoints', service: 'default/svc-1', count: 0 },
      hint: 'Run kubectl delete pod pod-1 and let it terminate.',
    },
    {
      title: 'Re-create pod-1: new IP, same Service IP',
      explanation:
        'The new pod-1 gets a new IP from its node\'s podCIDR, but svc-1 keeps its ClusterIP and its EndpointSlice follows the new pod. Clients that use the Service never notice.',
      action: { kind: 'apply', stage: '01-clusterip.yaml' },
      request: viaClusterIP,
      predict: {
        question: 'How many endpoints will svc-1 have once the new pod-1 is ready?',
        measure: 'endpoint-count',
        service: 'default/svc-1',
        choices: [
          { label: '0: the old endpoint is gone for good', value: '0' },
          { label: '1: the new pod', value: '1' },
          { label: '2: the old and the new pod', value: '2' },
        ],
      },
      check: {
        kind: 'all',
        checks: [
          { kind: 'pods-ready', selector: 'app=pod', count: 1 },
          { kind: 'endpoints', service: 'default/svc-1', count: 1 },
          { kind: 'response', request: viaClusterIP, expect: { status: 200 } },
        ],
      },
      hint: 'Apply pod-1 again and compare its IP with the old one; svc-1\'s ClusterIP stays.',
    },
    {
      title: 'NodePort: the same port on every node',
      explanation:
        'svc-2 is a NodePort Service: kube-proxy opens port 30000 on every node, even a node without pod-1, and forwards it to the pod wherever it runs.',
      action: { kind: 'apply', stage: '02-nodeport.yaml' },
      request: otherNode,
      predict: {
        question: 'What answers on port 30000 of the node that does not run pod-1?',
        measure: 'status',
        request: otherNode,
        choices: [
          { label: 'pod-1, through kube-proxy (200)', value: '200' },
          { label: 'nothing: only the pod\'s node answers', value: NO_ANSWER },
        ],
      },
      check: {
        kind: 'all',
        checks: [
          { kind: 'response', request: hostingNode, expect: { status: 200 } },
          { kind: 'response', request: otherNode, expect: { status: 200 } },
        ],
      },
      hint: 'Apply the NodePort stage, then send to port 30000 of each node.',
    },
    {
      title: 'externalTrafficPolicy: Local',
      explanation:
        'With Local, a node only forwards node-port traffic to pods on itself (and keeps the client\'s source IP). A node without pod-1 drops it.',
      action: { kind: 'apply', stage: '03-nodeport-local.yaml' },
      request: otherNode,
      predict: {
        question: 'Now, what answers on port 30000 of the node without pod-1?',
        measure: 'status',
        request: otherNode,
        choices: [
          { label: 'pod-1 still answers (200)', value: '200' },
          { label: 'nothing: the node drops it', value: NO_ANSWER },
        ],
      },
      check: {
        kind: 'all',
        checks: [
          { kind: 'response', request: hostingNode, expect: { status: 200 } },
          { kind: 'response', request: otherNode, expect: { error: true } },
        ],
      },
      hint: 'Apply the stage with externalTrafficPolicy: Local and send to the node without pod-1.',
    },
    {
      title: 'LoadBalancer without a provider',
      explanation:
        'svc-3 asks for a cloud load balancer. It is a NodePort Service too, but EXTERNAL-IP stays <pending> until something provides the load balancer.',
      action: { kind: 'apply', stage: '04-loadbalancer.yaml' },
      predict: {
        question: 'What will EXTERNAL-IP show for svc-3 on this cluster without a cloud provider?',
        measure: 'external-ip',
        service: 'default/svc-3',
        choices: [
          { label: '<pending>', value: '<pending>' },
          { label: 'an IP address', value: { pattern: '^\\d+\\.\\d+\\.\\d+\\.\\d+$' } },
        ],
      },
      check: {
        kind: 'all',
        checks: [
          { kind: 'service-type', service: 'default/svc-3', type: 'LoadBalancer' },
          { kind: 'endpoints', service: 'default/svc-3', count: 1 },
        ],
      },
      hint: 'Apply the LoadBalancer stage and look at kubectl get svc svc-3.',
    },
    {
      title: 'minikube tunnel provides the load balancer',
      explanation: '`minikube tunnel` plays the cloud provider: svc-3 gets an external IP, and a client outside the cluster reaches pod-1 through it.',
      action: { kind: 'command', line: 'minikube tunnel' },
      request: viaLoadBalancer,
      check: {
        kind: 'all',
        checks: [
          { kind: 'external-ip-assigned', service: 'default/svc-3' },
          { kind: 'response', request: viaLoadBalancer, expect: { status: 200 } },
        ],
      },
      hint: 'Run minikube tunnel in the terminal, then send to svc-3\'s external IP on port 9000.',
    },
  ],
};
