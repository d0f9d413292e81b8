/**
 * Seed 004 (../shared/seeds/README.md, "Seed 004, summarised"): the Google Cloud lab
 * "Orchestrating the Cloud with Kubernetes": nginx behind a load balancer, the monolith pod
 * through port-forward, a Service whose selector matches no pod until the pod is labelled, and
 * a frontend over auth and hello scaled to three.
 */
import type { Lesson, LessonRequest } from '../lesson';

const nginx: LessonRequest = { from: { external: '198.51.100.79' }, url: 'http://{{lbIP:default/nginx}}/' };
const forwarded: LessonRequest = { from: { workstation: true }, url: 'http://127.0.0.1:10080/' };
const secure: LessonRequest = { from: { workstation: true }, url: 'http://127.0.0.1:10080/secure' };
const monolithNodePort: LessonRequest = { from: { workstation: true }, url: 'https://{{nodeExternalIP:0}}:31000/', tls: { insecure: true } };
const frontend: LessonRequest = { from: { external: '198.51.100.79' }, url: 'https://{{lbIP:default/frontend}}/', tls: { insecure: true } };

const LOGIN = "TOKEN=$(curl -s http://127.0.0.1:10080/login -u user:password | jq -r '.token'); curl -s -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:10080/secure";

export const seed004: Lesson = {
  id: 'seed-004-orchestrating-cloud',
  scenario: 'seed-004-orchestrating-cloud',
  title: 'Orchestrating the Cloud with Kubernetes',
  summary: 'Services pick their pods by label: a Service whose selector matches nothing has no endpoints, and a label on the pod is the fix; Deployments scale and the Service follows.',
  steps: [
    {
      title: 'nginx behind a load balancer',
      explanation: 'kubectl create deployment nginx and kubectl expose --type LoadBalancer: on a cloud the Service gets an external IP, and curl http://<External IP> reaches nginx.',
      request: nginx,
      predict: {
        question: 'What does EXTERNAL-IP show for nginx on this cloud cluster?',
        measure: 'external-ip',
        service: 'default/nginx',
        choices: [
          { label: '<pending>', value: '<pending>' },
          { label: 'an IP address', value: { pattern: '^\\d+\\.\\d+\\.\\d+\\.\\d+$' } },
        ],
      },
      check: { kind: 'response', request: nginx, expect: { status: 200, bodyContains: 'Welcome to nginx!' } },
      hint: 'Wait for the nginx pod, then send to the Service\'s external IP.',
    },
    {
      title: 'A pod on its own: monolith',
      explanation: 'The monolith pod runs kelseyhightower/monolith with an http port (80) and a health port (81). No Service points at it.',
      action: { kind: 'apply', stage: '02-monolith-pod.yaml' },
      check: { kind: 'pods-ready', selector: 'app=monolith', count: 1 },
      hint: 'Apply the monolith pod and wait for it to be Running.',
    },
    {
      title: 'Reach it with port-forward',
      explanation: 'kubectl port-forward opens port 10080 on your workstation and tunnels it into the pod\'s own network namespace, to its port 80: no Service needed.',
      action: { kind: 'command', line: 'kubectl port-forward monolith 10080:80', wait: 0 },
      request: forwarded,
      predict: {
        question: 'What does curl http://127.0.0.1:10080/secure answer without a token?',
        measure: 'body',
        request: secure,
        choices: [
          { label: '{"message":"Hello"}', value: '{"message":"Hello"}' },
          { label: 'authorization failed', value: 'authorization failed' },
          { label: 'a 404 page', value: '404 page not found' },
        ],
      },
      check: { kind: 'response', request: forwarded, expect: { status: 200, bodyContains: '"message":"Hello"' } },
      hint: 'Run kubectl port-forward monolith 10080:80, then curl http://127.0.0.1:10080.',
    },
    {
      title: 'Log in for a token',
      explanation: '/login checks the user and password (user / password) and answers a JWT; /secure accepts requests that carry it as Authorization: Bearer <token>.',
      action: { kind: 'command', line: LOGIN, wait: 0 },
      check: { kind: 'served', pod: { selector: 'app=monolith', container: 'monolith' }, request: '^GET /secure$', status: 200 },
      hint: 'Keep the port-forward, log in with user:password, and send the token to /secure.',
    },
    {
      title: 'A Service that selects nothing',
      explanation:
        'The Service monolith selects app=monolith and secure=enabled, but secure-monolith only has app=monolith. kubectl get pods -l "app=monolith,secure=enabled" lists nothing, so the Service has no endpoints and the node port refuses.',
      action: { kind: 'apply', stage: '03-secure-monolith-service.yaml' },
      request: monolithNodePort,
      predict: {
        question: 'How many endpoints will the Service monolith have?',
        measure: 'endpoint-count',
        service: 'default/monolith',
        choices: [
          { label: '0', value: '0' },
          { label: '1: secure-monolith', value: '1' },
          { label: '2: monolith and secure-monolith', value: '2' },
        ],
      },
      check: {
        kind: 'all',
        checks: [
          { kind: 'service-type', service: 'default/monolith', type: 'NodePort' },
          { kind: 'pods-ready', selector: 'app=monolith,secure!=enabled', count: 2 },
          { kind: 'endpoints', service: 'default/monolith', count: 0 },
        ],
      },
      hint: 'Apply the stage with secure-monolith and the Service monolith.',
    },
    {
      title: 'Label secure-monolith',
      explanation: 'Adding the label secure=enabled makes the pod match the selector: the EndpointSlice controller adds it and the node port answers.',
      action: { kind: 'command', line: "kubectl label pods secure-monolith 'secure=enabled'", wait: 0 },
      request: monolithNodePort,
      check: {
        kind: 'all',
        checks: [
          { kind: 'endpoints', service: 'default/monolith', count: 1 },
          { kind: 'response', request: monolithNodePort, expect: { status: 200, bodyContains: '"message":"Hello"' } },
        ],
      },
      hint: "Run kubectl label pods secure-monolith 'secure=enabled', then kubectl describe services monolith | grep Endpoints.",
    },
    {
      title: 'Microservices behind one frontend',
      explanation: 'auth and hello are internal ClusterIP Services; frontend (nginx with TLS) is the only LoadBalancer and proxies to them by DNS name.',
      action: { kind: 'apply', stage: '04-microservices.yaml' },
      request: frontend,
      check: { kind: 'response', request: frontend, expect: { status: 200, bodyContains: '"message":"Hello"' } },
      hint: 'Apply the microservices stage and send https to the frontend\'s external IP.',
    },
    {
      title: 'Scale hello to three',
      explanation: 'kubectl scale changes the Deployment\'s replicas; the new pods join the Service hello as soon as they are ready, and kube-proxy spreads requests over them.',
      action: { kind: 'command', line: 'kubectl scale deployment hello --replicas=3' },
      predict: {
        question: 'How many endpoints will hello have after scaling?',
        measure: 'endpoint-count',
        service: 'default/hello',
        choices: [
          { label: '1', value: '1' },
          { label: '3', value: '3' },
          { label: '4', value: '4' },
        ],
      },
      check: {
        kind: 'all',
        checks: [
          { kind: 'pods-ready', selector: 'app=hello', count: 3 },
          { kind: 'endpoints', service: 'default/hello', count: 3 },
        ],
      },
      hint: 'Run kubectl scale deployment hello --replicas=3.',
    },
  ],
};
