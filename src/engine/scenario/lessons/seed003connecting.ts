/**
 * Seed 003, part 1 (../shared/seeds/003_7d074beab359bc67.txt, "Connecting applications with
 * services"): my-nginx exposed; Service variables only in pods started after the Service; DNS
 * from a curl pod; nginx over https with a TLS Secret behind a NodePort, then a LoadBalancer.
 */
import type { Lesson, LessonRequest } from '../lesson';

const httpsFromCurlPod: LessonRequest = {
  from: { pod: { selector: 'app=curlpod' } },
  url: 'https://my-nginx/',
  tls: { caSecret: 'default/nginxsecret:tls.crt' },
};

const httpsByNodePort: LessonRequest = {
  from: { workstation: true },
  url: 'https://{{nodeIP:0}}:{{nodePort:default/my-nginx:https}}/',
  tls: { insecure: true },
};

const httpsByLoadBalancer: LessonRequest = { from: { external: '198.51.100.79' }, url: 'https://{{lbIP:default/my-nginx}}/', tls: { insecure: true } };

export const seed003connecting: Lesson = {
  id: 'seed-003-connecting-apps',
  scenario: 'seed-003-connecting-apps',
  title: 'Connecting applications with Services',
  summary: 'A Service gives a set of pods one address; pods find it through environment variables (only when started after it) or DNS, and it can serve HTTPS from a Secret.',
  steps: [
    {
      title: 'Two nginx pods, no Service yet',
      explanation: 'The Deployment my-nginx runs two pods, each with its own IP on its node. Without a Service, a client would have to know and track those IPs.',
      check: { kind: 'pods-ready', selector: 'run=my-nginx', count: 2 },
      hint: 'Wait for both my-nginx pods to be Running.',
    },
    {
      title: 'Expose the Deployment',
      explanation:
        'This is the Service `kubectl expose deployment/my-nginx` creates: it selects run=my-nginx, and its EndpointSlice lists the pods\' IPs on port 80 (kubectl get ep my-nginx).',
      action: { kind: 'apply', stage: '02-my-nginx-service.yaml' },
      request: { from: { node: 'first' }, url: 'http://{{clusterIP:default/my-nginx}}/' },
      predict: {
        question: 'How many endpoints will the Service my-nginx have?',
        measure: 'endpoint-count',
        service: 'default/my-nginx',
        choices: [
          { label: '0', value: '0' },
          { label: '1', value: '1' },
          { label: '2', value: '2' },
        ],
      },
      check: { kind: 'endpoints', service: 'default/my-nginx', count: 2 },
      hint: 'Apply the stage with the Service my-nginx.',
    },
    {
      title: 'Service variables need new pods',
      explanation:
        'The kubelet writes MY_NGINX_SERVICE_HOST and _PORT into a container only when it starts, so the pods that existed before the Service lack them. Scaling to 0 and back to 2 replaces them.',
      action: { kind: 'command', line: 'kubectl scale deployment my-nginx --replicas=0; kubectl scale deployment my-nginx --replicas=2', wait: 30 },
      check: { kind: 'env-var-in-pods', selector: 'run=my-nginx', name: 'MY_NGINX_SERVICE_HOST', value: { clusterIP: 'default/my-nginx' } },
      hint: 'Scale my-nginx to 0 and back to 2, then check the pods\' environment (kubectl exec <pod> -- printenv | grep SERVICE).',
    },
    {
      title: 'Find my-nginx by DNS',
      explanation: 'CoreDNS, behind the kube-dns Service, answers Service names. From the curl pod, nslookup my-nginx finds my-nginx.default.svc.cluster.local through the search list.',
      action: { kind: 'apply', stage: '03-dns-curl-pod.yaml' },
      predict: {
        question: 'What address does nslookup my-nginx give in the curl pod?',
        measure: 'dns-answer',
        from: { selector: 'run=curl' },
        name: 'my-nginx',
        choices: [
          { label: "the Service's ClusterIP", value: { clusterIP: 'default/my-nginx' } },
          { label: "one of the nginx pods' IPs", value: { podIP: 'run=my-nginx' } },
          { label: "kube-dns's address", value: { clusterIP: 'kube-system/kube-dns' } },
        ],
      },
      check: { kind: 'dns-resolves', from: { selector: 'run=curl' }, name: 'my-nginx', service: 'default/my-nginx' },
      hint: 'Apply the stage with the curl pod, then run nslookup my-nginx inside it.',
    },
    {
      title: 'Remove the plain version',
      explanation: 'The docs start the secure version from scratch: delete the Deployment and the Service named my-nginx.',
      action: { kind: 'command', line: 'kubectl delete deployments,svc my-nginx', wait: 30 },
      check: { kind: 'object-exists', object: { kind: 'Service', name: 'my-nginx' }, exists: false },
      hint: 'Run kubectl delete deployments,svc my-nginx.',
    },
    {
      title: 'Serve HTTPS with a Secret',
      explanation:
        'nginx now reads its certificate from the Secret nginxsecret and listens on 80 and 443; a NodePort Service exposes both. The curl pod trusts the certificate with --cacert, and its name my-nginx matches the certificate.',
      action: { kind: 'apply', stage: '04-secure-https-nodeport.yaml' },
      request: httpsFromCurlPod,
      predict: {
        question: 'What happens to curl https://my-nginx from the curl pod without --cacert or -k?',
        measure: 'status',
        request: { from: { pod: { selector: 'app=curlpod' } }, url: 'https://my-nginx/' },
        choices: [
          { label: 'nginx answers 200', value: '200' },
          { label: 'curl refuses the certificate', value: 'tls' },
          { label: 'the connection is refused', value: 'connection-refused' },
        ],
      },
      check: {
        kind: 'all',
        checks: [
          { kind: 'response', request: httpsFromCurlPod, expect: { status: 200, bodyContains: 'Welcome to nginx!' } },
          { kind: 'response', request: httpsByNodePort, expect: { status: 200, bodyContains: 'Welcome to nginx!' } },
        ],
      },
      hint: 'Apply the stage with the Secret, the ConfigMap, the NodePort Service and the curl Deployment.',
    },
    {
      title: 'Switch to a LoadBalancer',
      explanation: 'Changing the type to LoadBalancer (kubectl edit svc my-nginx) keeps the ClusterIP and node ports and adds an external IP from the cloud.',
      action: { kind: 'apply', stage: '05-loadbalancer.yaml' },
      request: httpsByLoadBalancer,
      check: {
        kind: 'all',
        checks: [
          { kind: 'external-ip-assigned', service: 'default/my-nginx' },
          { kind: 'response', request: httpsByLoadBalancer, expect: { status: 200, bodyContains: 'Welcome to nginx!' } },
        ],
      },
      hint: 'Apply the LoadBalancer stage and send to the external IP with https.',
    },
  ],
};
