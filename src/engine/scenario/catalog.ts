/**
 * The built-in scenarios: one per seed walkthrough (../shared/seeds, with a guided lesson each)
 * and three starters. A scenario's manifests are stage files under
 * `public/scenarios/<id>/` (see public/scenarios/README.md); the app fetches a stage from
 * `scenarios/<id>/<file>` (stagePath) and opens the scenario with its `start` stage, then
 * replays its `commands` (runner.ts, openScenario, does the same for tests).
 * Addressed in links as `#scenario=<id>` (types.ts).
 */
import type { PlaygroundOptions } from '../types';
import type { LessonRequest } from './lesson';
import { SCENARIO_VERSION, type Scenario } from './types';

export interface BuiltinScenario {
  /** The folder under public/scenarios/ too. */
  id: string;
  /** Seed walkthroughs come with a lesson; starters are blank canvases to explore. */
  group: 'seed' | 'starter';
  title: string;
  /** One sentence a learner understands. */
  description: string;
  options: PlaygroundOptions;
  /** The stage files, in order (names under public/scenarios/<id>/). */
  stages: string[];
  /** The stage the scenario opens with (one of `stages`; the editor's text). */
  start: string;
  /** Terminal lines replayed after the start stage is applied. */
  commands?: string[];
  /** A request worth sending first (the request dock's draft). */
  request?: LessonRequest;
  /** The lesson (lessons/index.ts) that walks through it. */
  lesson?: string;
}

export const BUILTIN_SCENARIOS: readonly BuiltinScenario[] = [
  {
    id: 'seed-000-compose-to-k8s',
    group: 'seed',
    title: 'From docker-compose to Kubernetes',
    description: 'Move a users/auth/tasks app from docker-compose to Kubernetes and see why "localhost" stops working once auth gets its own pod.',
    options: { loadBalancer: 'none' },
    stages: ['01-users.yaml', '02-users-auth-same-pod.yaml', '03-auth-split-localhost.yaml', '04-auth-by-clusterip.yaml', '05-auth-by-dns.yaml'],
    start: '01-users.yaml',
    request: {
      from: { workstation: true },
      url: 'http://{{nodeIP:0}}:{{nodePort:default/users-service:0}}/signup',
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"email":"test@test.com","password":"testers"}',
    },
    lesson: 'seed-000-compose-to-k8s',
  },
  {
    id: 'seed-001-service-types',
    group: 'seed',
    title: 'The three Service types',
    description: 'Put one pod behind a ClusterIP, a NodePort and a LoadBalancer Service and see who can reach it through each.',
    options: { loadBalancer: 'none' },
    stages: ['01-clusterip.yaml', '02-nodeport.yaml', '03-nodeport-local.yaml', '04-loadbalancer.yaml'],
    start: '01-clusterip.yaml',
    request: { from: { node: 'first' }, url: 'http://{{clusterIP:default/svc-1}}:9000/' },
    lesson: 'seed-001-service-types',
  },
  {
    id: 'seed-002-ingress-rewrite',
    group: 'seed',
    title: 'ingress-nginx, rewrite-target and ExternalName',
    description: 'Route one host to an app in another namespace through ingress-nginx, with the path rewritten and an ExternalName Service in between.',
    options: {},
    stages: ['01-controller-nodeport.yaml', '02-externalname-ingress.yaml'],
    start: '01-controller-nodeport.yaml',
    request: {
      from: { workstation: true },
      url: 'https://{{nodeIP:0}}:30133/chatforyouio/user/create',
      method: 'POST',
      headers: { Host: 'myproject.project.io', 'Content-Type': 'application/json' },
      body: '{"userId":"u1","password":"password"}',
      tls: { insecure: true },
    },
    lesson: 'seed-002-ingress-rewrite',
  },
  {
    id: 'seed-003-connecting-apps',
    group: 'seed',
    title: 'Connecting applications with Services',
    description: 'Expose an nginx Deployment, find it by environment variables and by DNS, then secure it with HTTPS (the Kubernetes docs, part 1).',
    options: {},
    stages: ['01-my-nginx.yaml', '02-my-nginx-service.yaml', '03-dns-curl-pod.yaml', '04-secure-https-nodeport.yaml', '05-loadbalancer.yaml'],
    start: '01-my-nginx.yaml',
    lesson: 'seed-003-connecting-apps',
  },
  {
    id: 'seed-003-source-ip',
    group: 'seed',
    title: 'Using source IP',
    description: 'Watch which client address an echo server sees through a ClusterIP, a NodePort and a LoadBalancer, with and without externalTrafficPolicy: Local (the Kubernetes docs, part 2).',
    // Three nodes as in the docs, and cloud routes between nodes (their outputs come from GCE):
    // SNAT then shows a node's own IP.
    options: { nodes: 3, podNetwork: 'routed' },
    stages: ['01-source-ip-app.yaml', '02-clusterip.yaml', '03-nodeport.yaml', '04-nodeport-local.yaml', '05-loadbalancer.yaml', '06-loadbalancer-local.yaml'],
    start: '01-source-ip-app.yaml',
    lesson: 'seed-003-source-ip',
  },
  {
    id: 'seed-004-orchestrating-cloud',
    group: 'seed',
    title: 'Orchestrating the Cloud with Kubernetes',
    description: 'Run nginx behind a load balancer, reach a pod with port-forward, fix a Service that selects no pod by labelling it, and scale a Deployment.',
    options: { loadBalancer: 'cloud' },
    stages: ['01-nginx.yaml', '02-monolith-pod.yaml', '03-secure-monolith-service.yaml', '04-microservices.yaml'],
    start: '01-nginx.yaml',
    request: { from: { external: '198.51.100.79' }, url: 'http://{{lbIP:default/nginx}}/' },
    lesson: 'seed-004-orchestrating-cloud',
  },
  {
    id: 'starter-empty-cluster',
    group: 'starter',
    title: 'Empty cluster',
    description: 'Two nodes with only the system add-ons running: write your own manifests from scratch.',
    options: {},
    stages: ['01-empty.yaml'],
    start: '01-empty.yaml',
  },
  {
    id: 'starter-hello-service',
    group: 'starter',
    title: 'Hello, Service',
    description: 'Two web pods behind one ClusterIP Service and a client pod: send a request and watch kube-proxy pick a pod.',
    options: {},
    stages: ['01-hello.yaml'],
    start: '01-hello.yaml',
    request: { from: { pod: { selector: 'app=client' } }, url: 'http://hello/' },
  },
  {
    id: 'starter-microservices',
    group: 'starter',
    title: 'NetworkPolicy-free microservices',
    description: 'A frontend, an API and a database in three namespaces that find each other by DNS name; with no NetworkPolicy every pod can reach every other.',
    options: {},
    stages: ['01-microservices.yaml'],
    start: '01-microservices.yaml',
    request: { from: { external: '198.51.100.79' }, url: 'http://{{lbIP:shop/frontend}}/api/items' },
  },
];

export function scenarioById(id: string): BuiltinScenario | undefined {
  return BUILTIN_SCENARIOS.find((s) => s.id === id);
}

/** Where the app fetches a stage file from (relative to the app's base URL). */
export function stagePath(scenarioId: string, file: string): string {
  return `scenarios/${scenarioId}/${file}`;
}

/** The built-in scenario as a Scenario (types.ts), given its start stage's text. */
export function toScenario(entry: BuiltinScenario, startManifests: string): Scenario {
  return {
    v: SCENARIO_VERSION,
    title: entry.title,
    options: { ...entry.options },
    manifests: startManifests,
    ...(entry.commands ? { commands: [...entry.commands] } : {}),
  };
}
