/**
 * Seed 003, part 2 (../shared/seeds/003_7d074beab359bc67.txt, "Using source IP"): which
 * client_address the echoserver sees through a ClusterIP (the pod's), a NodePort (a node's:
 * SNAT), externalTrafficPolicy: Local (the real client's, and no answer from nodes without an
 * endpoint), and a LoadBalancer with healthCheckNodePort.
 */
import type { Lesson, LessonRequest, ValueResolver } from '../lesson';

const APP = 'app=source-ip-app';

const fromBusybox: LessonRequest = { from: { pod: { selector: 'run=busybox' } }, url: 'http://{{clusterIP:default/clusterip}}/' };
const nodePortOther: LessonRequest = { from: { workstation: true }, url: `http://{{nodeIP:not-hosting:${APP}}}:{{nodePort:default/nodeport:0}}/` };
const nodePortHosting: LessonRequest = { from: { workstation: true }, url: `http://{{nodeIP:hosting:${APP}}}:{{nodePort:default/nodeport:0}}/` };
const viaLoadBalancer: LessonRequest = { from: { external: '198.51.100.79' }, url: 'http://{{lbIP:default/loadbalancer}}/' };
const healthzHosting: LessonRequest = { from: { workstation: true }, url: `http://{{nodeIP:hosting:${APP}}}:{{healthCheckNodePort:default/loadbalancer}}/healthz` };
const healthzOther: LessonRequest = { from: { workstation: true }, url: `http://{{nodeIP:not-hosting:${APP}}}:{{healthCheckNodePort:default/loadbalancer}}/healthz` };

const CLIENT: ValueResolver = { client: true };
/** An address of the node the request first reached (the one it was sent to, or the client pod's). */
const ENTRY_NODE: ValueResolver = { nodeIP: 'origin' };

export const seed003sourceIP: Lesson = {
  id: 'seed-003-source-ip',
  scenario: 'seed-003-source-ip',
  title: 'Using source IP',
  summary: 'Traffic to a ClusterIP keeps its source; traffic entering through a node is SNATed to that node unless externalTrafficPolicy is Local, which keeps the client IP but only uses nodes with a local endpoint.',
  steps: [
    {
      title: 'An echo server',
      explanation: 'registry.k8s.io/echoserver answers every request with what it received, including client_address: the source IP of the connection as the pod sees it.',
      check: { kind: 'pods-ready', selector: APP, count: 1 },
      hint: 'Wait for the source-ip-app pod to be Running.',
    },
    {
      title: 'ClusterIP: the client is the pod',
      explanation: 'From a pod to a ClusterIP, kube-proxy only rewrites the destination (DNAT). The source stays the client pod\'s IP.',
      action: { kind: 'apply', stage: '02-clusterip.yaml' },
      request: fromBusybox,
      predict: {
        question: 'Which client_address will the echoserver report for a request from the busybox pod to the ClusterIP?',
        measure: 'client_address',
        request: fromBusybox,
        choices: [
          { label: "the busybox pod's IP", value: { podIP: 'run=busybox' } },
          { label: "an address of busybox's node", value: ENTRY_NODE },
          { label: "the Service's ClusterIP", value: { clusterIP: 'default/clusterip' } },
        ],
      },
      check: { kind: 'response', request: fromBusybox, expect: { status: 200, clientAddress: { podIP: 'run=busybox' } } },
      hint: 'Apply the stage with the clusterip Service and the busybox pod, then send from busybox to the ClusterIP.',
    },
    {
      title: 'NodePort: the node hides the client',
      explanation:
        'Traffic to a node port may be forwarded to a pod on another node, so kube-proxy masquerades it: the source becomes the node\'s own address, and the reply comes back the same way.',
      action: { kind: 'apply', stage: '03-nodeport.yaml' },
      request: nodePortOther,
      predict: {
        question: 'You curl the node port of a node without the echoserver from your workstation. Which client_address does it report?',
        measure: 'client_address',
        request: nodePortOther,
        choices: [
          { label: "your workstation's IP", value: CLIENT },
          { label: "an address of the node you sent to", value: ENTRY_NODE },
          { label: "the echoserver pod's own IP", value: { podIP: APP } },
        ],
      },
      check: { kind: 'response', request: nodePortOther, expect: { status: 200, clientAddress: ENTRY_NODE } },
      hint: 'Apply the NodePort stage, then send to the node port of a node.',
    },
    {
      title: 'externalTrafficPolicy: Local keeps the client IP',
      explanation:
        'With Local, a node only sends node-port traffic to endpoints on itself, so no SNAT is needed and the echoserver sees your address. Nodes without an endpoint drop the traffic.',
      action: { kind: 'apply', stage: '04-nodeport-local.yaml' },
      request: nodePortHosting,
      predict: {
        question: 'What happens to a request sent to the node port of a node without the echoserver?',
        measure: 'status',
        request: nodePortOther,
        choices: [
          { label: 'another node answers it (200)', value: '200' },
          { label: 'it gets no answer', value: { pattern: '^(timeout|connection-refused|dropped|no-route)$' } },
        ],
      },
      check: {
        kind: 'all',
        checks: [
          { kind: 'response', request: nodePortHosting, expect: { status: 200, clientAddress: CLIENT } },
          { kind: 'response', request: nodePortOther, expect: { error: true } },
        ],
      },
      hint: 'Apply the stage that sets externalTrafficPolicy: Local (the docs use kubectl patch).',
    },
    {
      title: 'LoadBalancer: SNAT again',
      explanation: 'The cloud load balancer sends to any node\'s node port, and with the default policy that node masquerades as for NodePort.',
      action: { kind: 'apply', stage: '05-loadbalancer.yaml' },
      request: viaLoadBalancer,
      predict: {
        question: 'Which client_address does the echoserver report for a request through the load balancer?',
        measure: 'client_address',
        request: viaLoadBalancer,
        choices: [
          { label: "the external client's IP", value: CLIENT },
          { label: "the address of the node the load balancer picked", value: ENTRY_NODE },
        ],
      },
      check: {
        kind: 'all',
        checks: [
          { kind: 'external-ip-assigned', service: 'default/loadbalancer' },
          { kind: 'response', request: viaLoadBalancer, expect: { status: 200, clientAddress: ENTRY_NODE } },
        ],
      },
      hint: 'Apply the LoadBalancer stage and send to its external IP.',
    },
    {
      title: 'Local with a health check per node',
      explanation:
        'With Local, the Service gets a healthCheckNodePort: kube-proxy answers /healthz there with 200 on nodes with a local endpoint and 503 elsewhere, so the load balancer only uses nodes that will not drop the traffic, and the client IP is kept.',
      action: { kind: 'apply', stage: '06-loadbalancer-local.yaml' },
      request: viaLoadBalancer,
      predict: {
        question: 'What does /healthz on the healthCheckNodePort answer on a node without the echoserver?',
        measure: 'status',
        request: healthzOther,
        choices: [
          { label: '200', value: '200' },
          { label: '503', value: '503' },
          { label: 'no answer', value: 'timeout' },
        ],
      },
      check: {
        kind: 'all',
        checks: [
          { kind: 'field-equals', object: { kind: 'Service', name: 'loadbalancer' }, path: 'spec.healthCheckNodePort' },
          { kind: 'response', request: healthzHosting, expect: { status: 200, bodyContains: '"localEndpoints": 1' } },
          { kind: 'response', request: viaLoadBalancer, expect: { status: 200, clientAddress: CLIENT } },
        ],
      },
      hint: 'Apply the stage that sets externalTrafficPolicy: Local on the loadbalancer Service.',
    },
  ],
};
