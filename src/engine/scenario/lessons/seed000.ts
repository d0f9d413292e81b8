/**
 * Seed 000 (../shared/seeds/000_5c9fbdb83ee7c20c.txt): a docker-compose app (users, auth,
 * tasks) moved to Kubernetes on minikube. auth first shares the users pod (localhost works),
 * then moves to its own pod, where localhost fails and the Service's ClusterIP, its
 * injected variable and finally its DNS name work.
 */
import type { Lesson, LessonRequest } from '../lesson';

/** `curl -X POST $(minikube service users-service --url)/signup`: the workstation to a node port. */
const signup: LessonRequest = {
  from: { workstation: true },
  url: 'http://{{nodeIP:0}}:{{nodePort:default/users-service:0}}/signup',
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: '{"email":"test@test.com","password":"testers"}',
};

const tasks: LessonRequest = {
  from: { workstation: true },
  url: 'http://{{nodeIP:0}}:{{nodePort:default/tasks-service:0}}/tasks',
  headers: { Authorization: 'Bearer abc' },
};

export const seed000: Lesson = {
  id: 'seed-000-compose-to-k8s',
  scenario: 'seed-000-compose-to-k8s',
  title: 'From docker-compose to Kubernetes',
  summary: 'Containers in one pod talk over localhost; pods in different Deployments find each other through a Service: its ClusterIP, its injected variables or its DNS name.',
  steps: [
    {
      title: 'users runs behind a LoadBalancer Service',
      explanation:
        'The users API runs in one pod, exposed by users-service of type LoadBalancer. minikube has no cloud load balancer, so the Service also gets a node port, and `minikube service users-service` opens the node address with it.',
      request: signup,
      predict: {
        question: 'What will `kubectl get svc users-service` show as EXTERNAL-IP on minikube?',
        measure: 'external-ip',
        service: 'default/users-service',
        choices: [
          { label: '<pending>', value: '<pending>' },
          { label: 'an IP address from the cloud', value: { pattern: '^\\d+\\.\\d+\\.\\d+\\.\\d+$' } },
          { label: '<none>', value: '<none>' },
        ],
      },
      check: { kind: 'response', request: signup, expect: { status: 201 } },
      hint: 'Wait for the users pod to be Running, then send the signup request to the node port.',
    },
    {
      title: 'auth joins users in the same pod',
      explanation:
        'Containers of one pod share its network namespace, so users reaches auth at localhost:80 (AUTH_ADDRESS=localhost). Changing the pod template makes the Deployment start a new 2/2 pod while the old one shows Terminating.',
      action: { kind: 'apply', stage: '02-users-auth-same-pod.yaml' },
      request: signup,
      predict: {
        question: 'With auth on localhost in the same pod, what does POST /signup answer?',
        measure: 'status',
        request: signup,
        choices: [
          { label: '201 Created', value: '201' },
          { label: '500: users cannot reach auth', value: '500' },
          { label: 'connection refused', value: 'connection-refused' },
        ],
      },
      check: { kind: 'pods-ready', selector: 'app=users', count: 1, containers: 2 },
      hint: 'Apply the stage: the users Deployment gets a second container, auth.',
    },
    {
      title: 'auth moves out, users still says localhost',
      explanation:
        'auth now runs in its own Deployment behind the ClusterIP Service auth-service. The users pod no longer has an auth container, so nothing listens on its localhost:80 and signup fails.',
      action: { kind: 'apply', stage: '03-auth-split-localhost.yaml' },
      request: signup,
      predict: {
        question: 'auth has its own pod now, and users still calls http://localhost/. What does POST /signup answer?',
        measure: 'status',
        request: signup,
        choices: [
          { label: '201 Created', value: '201' },
          { label: '500: creating the user failed', value: '500' },
          { label: '404 Not Found', value: '404' },
        ],
      },
      check: { kind: 'response', request: signup, expect: { status: 500 } },
      hint: 'Apply the stage that splits auth into its own Deployment, then send signup again: the child trace ends in connection refused.',
    },
    {
      title: 'Reach auth at its ClusterIP',
      explanation:
        'AUTH_ADDRESS now holds auth-service\'s ClusterIP, which kube-proxy translates to the auth pod on every node. A pod started after the Service also gets AUTH_SERVICE_SERVICE_HOST from the kubelet: the second way to find it.',
      action: { kind: 'apply', stage: '04-auth-by-clusterip.yaml' },
      request: signup,
      check: {
        kind: 'all',
        checks: [
          { kind: 'env-var-in-pods', selector: 'app=users', name: 'AUTH_ADDRESS', value: { clusterIP: 'default/auth-service' } },
          { kind: 'env-var-in-pods', selector: 'app=users', name: 'AUTH_SERVICE_SERVICE_HOST', value: { clusterIP: 'default/auth-service' } },
          { kind: 'response', request: signup, expect: { status: 201 } },
        ],
      },
      hint: 'Apply the stage with AUTH_ADDRESS set to the ClusterIP, wait for the new users pod, and send signup again.',
    },
    {
      title: 'Find auth by its DNS name',
      explanation:
        'Hard-coded IPs break when a Service is re-created; its name does not. CoreDNS answers auth-service.default (<service>.<namespace>) with the ClusterIP, and tasks uses the same name to verify tokens.',
      action: { kind: 'apply', stage: '05-auth-by-dns.yaml' },
      request: tasks,
      predict: {
        question: 'What does cluster DNS answer the users pod for auth-service.default?',
        measure: 'dns-answer',
        from: { selector: 'app=users' },
        name: 'auth-service.default',
        choices: [
          { label: "auth-service's ClusterIP", value: { clusterIP: 'default/auth-service' } },
          { label: "the auth pod's IP", value: { podIP: 'app=auth' } },
          { label: '127.0.0.1', value: '127.0.0.1' },
        ],
      },
      check: {
        kind: 'all',
        checks: [
          { kind: 'env-var-in-pods', selector: 'app=users', name: 'AUTH_ADDRESS', value: 'auth-service.default' },
          { kind: 'dns-resolves', from: { selector: 'app=users' }, name: 'auth-service.default', service: 'default/auth-service' },
          { kind: 'response', request: tasks, expect: { status: 200, bodyContains: 'Tasks loaded.' } },
          { kind: 'response', request: signup, expect: { status: 201 } },
        ],
      },
      hint: 'Apply the stage that uses auth-service.default and adds tasks, then send GET /tasks with the token abc.',
    },
  ],
};
