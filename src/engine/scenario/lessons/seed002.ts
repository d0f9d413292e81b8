/**
 * Seed 002 (../shared/seeds/002_2ed680ffbc241180.txt): ingress-nginx exposed on node port
 * 30133; an Ingress in namespace nginx whose regex path and rewrite-target turn
 * /chatforyouio/user/create into /user/create, sent through an ExternalName Service to the app
 * in namespace chatforyou-io.
 */
import type { Lesson, LessonRequest } from '../lesson';

const HOST = 'myproject.project.io';

const create: LessonRequest = {
  from: { workstation: true },
  url: 'https://{{nodeIP:0}}:30133/chatforyouio/user/create',
  method: 'POST',
  headers: { Host: HOST, 'Content-Type': 'application/json' },
  body: '{"userId":"u1","password":"password"}',
  tls: { insecure: true },
};

const wrongDelete: LessonRequest = {
  from: { workstation: true },
  url: 'https://{{nodeIP:0}}:30133/chatforyouio/user/delete',
  method: 'DELETE',
  headers: { Host: HOST, 'Content-Type': 'application/json' },
  body: '{"userId":"u1","password":"wrong"}',
  tls: { insecure: true },
};

const controller = { selector: 'app.kubernetes.io/component=controller', namespace: 'ingress-nginx' };

export const seed002: Lesson = {
  id: 'seed-002-ingress-rewrite',
  scenario: 'seed-002-ingress-rewrite',
  title: 'ingress-nginx, rewrite-target and ExternalName',
  summary: 'One ingress controller routes by host and path, rewrites the path for the backend, and can reach a Service in another namespace through an ExternalName alias.',
  steps: [
    {
      title: 'The controller listens on node port 30133',
      explanation:
        'The ingress-nginx controller is a pod like any other; its Service of type NodePort opens https on port 30133 of every node. Every Ingress in the cluster is served through it.',
      request: create,
      predict: {
        question: 'No Ingress exists yet. What does the controller answer to POST /chatforyouio/user/create?',
        measure: 'status',
        request: create,
        choices: [
          { label: '404 from its default backend', value: '404' },
          { label: '200 from the app', value: '200' },
          { label: 'connection refused', value: 'connection-refused' },
        ],
      },
      check: { kind: 'field-equals', object: { kind: 'Service', namespace: 'ingress-nginx', name: 'ingress-nginx-controller' }, path: 'spec.ports[name=https].nodePort', value: '30133' },
      hint: 'Apply the controller Service with nodePort 30133 on its https port.',
    },
    {
      title: 'An Ingress, an ExternalName Service and the app',
      explanation:
        'The Ingress in namespace nginx matches /chatforyouio(/|$)(.*) and rewrites the path to /$2. Its backend chatforyou-io-svc is an ExternalName Service: a DNS alias for chatforyou-io-service in namespace chatforyou-io, since an Ingress can only name Services in its own namespace.',
      action: { kind: 'apply', stage: '02-externalname-ingress.yaml' },
      request: create,
      predict: {
        question: 'Which path does the chatforyou-io app receive for POST /chatforyouio/user/create?',
        measure: 'upstream-path',
        request: create,
        choices: [
          { label: '/chatforyouio/user/create', value: '/chatforyouio/user/create' },
          { label: '/user/create', value: '/user/create' },
          { label: '/', value: '/' },
        ],
      },
      check: {
        kind: 'all',
        checks: [
          { kind: 'object-exists', object: { kind: 'Ingress', namespace: 'nginx', name: 'chatforyou-io-ingress' } },
          { kind: 'service-type', service: 'nginx/chatforyou-io-svc', type: 'ExternalName' },
          { kind: 'response', request: create, expect: { status: 200, bodyContains: '"result":"success"', upstreamPath: '/user/create' } },
        ],
      },
      hint: 'Apply the stage with the namespaces, the Services and the Ingress, then send the POST with Host: myproject.project.io.',
    },
    {
      title: 'ExternalName is only a DNS alias',
      explanation:
        'chatforyou-io-svc has no ClusterIP and no endpoints. CoreDNS answers its name with a CNAME to chatforyou-io-service.chatforyou-io.svc.cluster.local, whose A record is that Service\'s ClusterIP: the FQDN is <service>.<namespace>.svc.cluster.local.',
      predict: {
        question: 'What address does the controller pod get for chatforyou-io-svc.nginx?',
        measure: 'dns-answer',
        from: controller,
        name: 'chatforyou-io-svc.nginx',
        choices: [
          { label: "chatforyou-io-service's ClusterIP", value: { clusterIP: 'chatforyou-io/chatforyou-io-service' } },
          { label: "the app pod's IP", value: { podIP: 'app=chatforyou-io', namespace: 'chatforyou-io' } },
          { label: 'none: the name does not exist', value: 'NXDOMAIN' },
        ],
      },
      check: { kind: 'dns-resolves', from: controller, name: 'chatforyou-io-svc.nginx', service: 'chatforyou-io/chatforyou-io-service' },
      hint: 'The ExternalName Service and the app\'s Service must both exist.',
    },
    {
      title: 'A wrong password is refused',
      explanation:
        'DELETE /chatforyouio/user/delete goes the same way, rewritten to /user/delete. The app checks the password and answers 400 when it is wrong: an answer from the app, not from nginx.',
      request: wrongDelete,
      predict: {
        question: 'What does DELETE with a wrong password answer?',
        measure: 'status',
        request: wrongDelete,
        choices: [
          { label: '200', value: '200' },
          { label: '400', value: '400' },
          { label: '404', value: '404' },
        ],
      },
      check: { kind: 'response', request: wrongDelete, expect: { status: 400, bodyContains: 'fail delete user' } },
      hint: 'Send the DELETE request with the password "wrong".',
    },
  ],
};
