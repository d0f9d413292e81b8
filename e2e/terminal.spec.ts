import { expect, test, type Page } from '@playwright/test';
import { doc, editorWithFiles, stageDocs, stageText, writeFileLine } from './seedFiles';

/**
 * Issue 9, "done when": every kubectl, minikube, curl and nslookup line of each seed, typed in
 * order in the Terminal after the seed's manifests are in the editor, with output of the shape
 * the seed shows (names and IPs differ; columns and formats match). One walk per seed.
 *
 * Where a seed line names a pod or an address of the author's cluster (`kubectl exec
 * my-nginx-3800858182-jr4a2`, `curl 203.0.113.140`), the walk types the same line with this
 * cluster's name or address, read from an earlier output. Where the seed makes files with tools
 * outside kubectl (`make keys`, `openssl req`), the walk writes the same bytes with one
 * `echo … | base64 -d > file` line; where it edits a YAML file, the walk puts the new text in the
 * editor (unapplied) before the `kubectl apply -f` that reads it.
 */

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const terminal = (page: Page) => page.getByRole('region', { name: 'Terminal', exact: true });
const manifests = (page: Page) => page.getByRole('region', { name: 'Manifests', exact: true });

async function open(page: Page, text = '# kubepath: the seed walk starts from an empty editor\n') {
  await page.addInitScript((t) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('kubepath.workspace.v1', JSON.stringify({ v: 1, manifests: t }));
      sessionStorage.setItem('seeded', '1');
    }
  }, text);
  await page.goto('/');
  await expect(manifests(page)).toHaveAttribute('data-editor-status', 'ready', { timeout: 30_000 });
  await page.getByRole('region', { name: 'Request', exact: true }).getByRole('tab', { name: 'Terminal' }).click();
  await expect(terminal(page).getByLabel('Terminal input')).toBeVisible();
}

/** The learner edits the YAML files: the editor's text becomes `text`, not applied. */
async function editor(page: Page, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await manifests(page).locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect(manifests(page).locator('.apply-status')).toContainText('Edited since the last Apply');
}

/** The learner waits: the cluster clock moves on by 30 s per click. */
async function wait(page: Page, clicks = 1) {
  for (let i = 0; i < clicks; i++) await page.getByRole('button', { name: 'Skip ahead 30 seconds' }).click();
}

/** Types one line, presses Enter, waits for output matching every pattern after it, and returns that output. */
async function run(page: Page, line: string, ...expected: RegExp[]): Promise<string> {
  const input = terminal(page).getByLabel('Terminal input');
  const text = async () => (await terminal(page).textContent()) ?? '';
  const before = (await text()).length;
  await input.fill(line);
  await input.press('Enter');
  for (const pattern of expected) {
    await expect.poll(async () => (await text()).slice(before), { message: `${line} → ${pattern}` }).toMatch(pattern);
  }
  // The line is done when the prompt is back in the input (each command runs to its end first).
  await expect(input).toHaveValue('');
  return (await text()).slice(before);
}

/**
 * Types the same line again, a second apart, until its output matches every pattern: for a
 * state the seed caught while it was changing (a new pod Running while the old one is still
 * Terminating), as the learner re-runs `kubectl get pods` while the cluster clock runs.
 */
async function runUntil(page: Page, line: string, ...expected: RegExp[]): Promise<string> {
  for (let i = 0; ; i++) {
    const out = await run(page, line);
    if (expected.every((p) => p.test(out))) return out;
    if (i === 20) throw new Error(`${line}: never matched ${expected.join(', ')}; last output:\n${out}`);
    await page.waitForTimeout(1000);
  }
}

const match = (text: string, pattern: RegExp): string => {
  const m = pattern.exec(text);
  if (!m) throw new Error(`no ${pattern} in:\n${text}`);
  return m[1] ?? m[0];
};

const POD_ROW = (prefix: string) => new RegExp(`${prefix}\\s+\\d+/\\d+\\s+Running\\s+0\\s+\\S+`);
const GET_PODS = /NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/;
const GET_SVC = /NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE/;
const WIDE = /NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES/;
const IP = String.raw`\d+\.\d+\.\d+\.\d+`;

test('seed 000: docker-compose to Kubernetes, every kubectl and minikube line', async ({ page }) => {
  const seed = 'seed-000-compose-to-k8s';
  await open(page);
  await editor(page, stageText(seed, '01-users'));
  await run(page, 'kubectl apply -f=users-deployment.yaml -f=users-service.yaml', /deployment\.apps\/users-deployment created\nservice\/users-service created/);
  await wait(page);
  await run(page, 'minikube service users-service', /\|-+\|-+\|-+\|-+\|/, /\| NAMESPACE \|\s+NAME\s+\| TARGET PORT \|\s+URL\s+\|/, /\| default\s+\| users-service \|\s+8080 \| http:\/\/192\.168\.49\.\d+:3\d{4} \|/, /Opening service default\/users-service in default browser\.\.\./);

  await editor(page, stageText(seed, '02-users-auth-same-pod'));
  await run(page, 'kubectl apply -f=users-deployment.yaml', /deployment\.apps\/users-deployment configured/);
  await runUntil(page, 'kubectl get pods', GET_PODS, /users-deployment-[a-z0-9]+-[a-z0-9]{5}\s+2\/2\s+Running\s+0\s+\S+/, /users-deployment-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Terminating\s+0\s+\S+/);

  await editor(page, stageText(seed, '03-auth-split-localhost'));
  await run(page, 'kubectl apply -f=auth-service.yaml -f=auth-deployment.yaml', /service\/auth-service created\ndeployment\.apps\/auth-deployment created/);
  await run(page, 'kubectl get services', GET_SVC, /auth-service\s+ClusterIP\s+10\.99\.190\.110\s+<none>\s+80\/TCP\s+\S+/, /kubernetes\s+ClusterIP\s+10\.96\.0\.1\s+<none>\s+443\/TCP/, /users-service\s+LoadBalancer\s+10\.\d+\.\d+\.\d+\s+\S+\s+8080:3\d{4}\/TCP/);

  await editor(page, stageText(seed, '04-auth-by-clusterip'));
  await run(page, 'kubectl apply -f=users-service.yaml -f=users-deployment.yaml', /service\/users-service (unchanged|configured)\ndeployment\.apps\/users-deployment configured/);
  await wait(page, 2);
  await run(page, 'kubectl get pods', GET_PODS, POD_ROW('auth-deployment-[a-z0-9]+-[a-z0-9]{5}'), POD_ROW('users-deployment-[a-z0-9]+-[a-z0-9]{5}'));
  await run(page, 'kubectl delete -f=users-deployment.yaml', /deployment\.apps "users-deployment" deleted/);
  await run(page, 'kubectl apply -f=users-deployment.yaml', /deployment\.apps\/users-deployment created/);
  await run(page, 'kubectl get services', GET_SVC, /auth-service\s+ClusterIP\s+10\.99\.190\.110/, /users-service\s+LoadBalancer\s+10\.\d+\.\d+\.\d+\s+\S+\s+8080:3\d{4}\/TCP\s+\S+/);
});

test('seed 001: the three Service types, typed as kubectl lines', async ({ page }) => {
  // Seed 001 shows YAML and no command lines; these are the kubectl lines its story implies.
  const seed = 'seed-001-service-types';
  await open(page);
  await editor(page, stageText(seed, '01-clusterip'));
  await run(page, 'kubectl apply -f svc-1.yaml -f pod-1.yaml', /service\/svc-1 created\npod\/pod-1 created/);
  await wait(page);
  const first = match(await run(page, 'kubectl get pod pod-1 -o wide', WIDE), new RegExp(`pod-1\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+(${IP})`));
  await run(page, 'kubectl get svc svc-1', GET_SVC, /svc-1\s+ClusterIP\s+10\.\d+\.\d+\.\d+\s+<none>\s+9000\/TCP/);
  await run(page, 'kubectl delete pod pod-1', /pod "pod-1" deleted/);
  await wait(page);
  await run(page, 'kubectl apply -f pod-1.yaml', /pod\/pod-1 created/);
  await wait(page);
  const second = match(await run(page, 'kubectl get pod pod-1 -o wide', WIDE), new RegExp(`pod-1\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+(${IP})`));
  expect(second).not.toBe(first);

  await editor(page, stageText(seed, '02-nodeport'));
  await run(page, 'kubectl apply -f svc-2.yaml', /service\/svc-2 created/);
  await run(page, 'kubectl get svc svc-2', GET_SVC, /svc-2\s+NodePort\s+10\.\d+\.\d+\.\d+\s+<none>\s+9000:30000\/TCP/);
  await run(page, 'curl -s $(minikube ip):30000', /\S/);

  await editor(page, stageText(seed, '04-loadbalancer'));
  await run(page, 'kubectl apply -f svc-3.yaml', /service\/svc-3 created/);
  await run(page, 'kubectl get svc svc-3', GET_SVC, /svc-3\s+LoadBalancer\s+10\.\d+\.\d+\.\d+\s+\S+\s+9000:3\d{4}\/TCP/);
});

test('seed 002: ingress-nginx, every kubectl line', async ({ page }) => {
  await open(page);
  await run(page, 'kubectl apply -f https://raw.githubusercontent.com/kubernetes/ingress-nginx/main/deploy/static/provider/cloud/deploy.yaml', /namespace\/ingress-nginx unchanged/, /deployment\.apps\/ingress-nginx-controller unchanged/);
  await run(page, 'kubectl get pods -n ingress-nginx', GET_PODS, POD_ROW('ingress-nginx-controller-[a-z0-9]+-[a-z0-9]{5}'));
  // The manifests the seed then writes, applied as files, and the Ingress they make.
  await editor(page, stageText('seed-002-ingress-rewrite', '02-externalname-ingress'));
  await run(page, 'kubectl apply -f manifests.yaml', /ingress\.networking\.k8s\.io\/chatforyou-io-ingress created/, /service\/chatforyou-io-svc created/);
  await run(page, 'kubectl get ing -A', /NAMESPACE\s+NAME\s+CLASS\s+HOSTS\s+ADDRESS\s+PORTS\s+AGE/, /chatforyou-io-ingress\s+nginx\s+\S+/);
});

test('seed 003, part 1: connecting applications with Services, every line', async ({ page }) => {
  const seed = 'seed-003-connecting-apps';
  await open(page);
  await editor(page, `# file: run-my-nginx.yaml\n${stageText(seed, '01-my-nginx')}`);
  await run(page, 'kubectl apply -f ./run-my-nginx.yaml', /deployment\.apps\/my-nginx created/);
  await wait(page);
  const pods = await run(page, 'kubectl get pods -l run=my-nginx -o wide', WIDE, new RegExp(`my-nginx-[a-z0-9]+-[a-z0-9]{5}\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+10\\.244\\.\\d+\\.\\d+\\s+node-\\d\\s+<none>\\s+<none>`));
  const firstPod = match(pods, /(my-nginx-[a-z0-9]+-[a-z0-9]{5})/);
  await run(page, 'kubectl get pods -l run=my-nginx -o custom-columns=POD_IP:.status.podIPs', /POD_IP\n\[map\[ip:10\.244\.\d+\.\d+\]\]\n\[map\[ip:10\.244\.\d+\.\d+\]\]/);
  await run(page, 'kubectl expose deployment/my-nginx', /service\/my-nginx exposed/);
  await run(page, 'kubectl get svc my-nginx', GET_SVC, /my-nginx\s+ClusterIP\s+10\.\d+\.\d+\.\d+\s+<none>\s+80\/TCP\s+\S+/);
  await run(page, 'kubectl describe svc my-nginx', /Name:\s+my-nginx\nNamespace:\s+default\nLabels:\s+\S+/, /Selector:\s+run=my-nginx/, /Type:\s+ClusterIP/, /IP:\s+10\.\d+\.\d+\.\d+/, /Port:\s+<unset>\s+80\/TCP/, /TargetPort:\s+80\/TCP/, /Endpoints:\s+10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80/, /Session Affinity:\s+None/);
  await run(page, 'kubectl get ep my-nginx', /NAME\s+ENDPOINTS\s+AGE/, /my-nginx\s+10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80\s+\S+/);
  const before = await run(page, `kubectl exec ${firstPod} -- printenv | grep SERVICE`, /KUBERNETES_SERVICE_HOST=10\.96\.0\.1\nKUBERNETES_SERVICE_PORT=443\nKUBERNETES_SERVICE_PORT_HTTPS=443/);
  expect(before).not.toContain('MY_NGINX_SERVICE_HOST');
  await run(page, 'kubectl scale deployment my-nginx --replicas=0; kubectl scale deployment my-nginx --replicas=2;', /deployment\.apps\/my-nginx scaled\ndeployment\.apps\/my-nginx scaled/);
  await wait(page, 2);
  const recreated = match(await run(page, 'kubectl get pods -l run=my-nginx -o wide', WIDE, POD_ROW('my-nginx-[a-z0-9]+-[a-z0-9]{5}')), /(my-nginx-[a-z0-9]+-[a-z0-9]{5})\s+1\/1\s+Running/);
  await run(page, `kubectl exec ${recreated} -- printenv | grep SERVICE`, /KUBERNETES_SERVICE_HOST=10\.96\.0\.1/, /MY_NGINX_SERVICE_HOST=10\.\d+\.\d+\.\d+/, /MY_NGINX_SERVICE_PORT=80/);
  await run(page, 'kubectl get services kube-dns --namespace=kube-system', GET_SVC, /kube-dns\s+ClusterIP\s+10\.96\.0\.10\s+<none>\s+53\/UDP,53\/TCP,9153\/TCP\s+\S+/);
  await run(page, 'kubectl run curl --image=radial/busyboxplus:curl -i --tty', /If you don't see a command prompt, try pressing enter\./);
  await expect(terminal(page)).toContainText(/\[ root@curl:\/ \]\$/);
  await run(page, 'nslookup my-nginx', /Server:\s+10\.96\.0\.10\nAddress 1: 10\.96\.0\.10 kube-dns\.kube-system\.svc\.cluster\.local/, /Name:\s+my-nginx\nAddress 1: 10\.\d+\.\d+\.\d+ my-nginx\.default\.svc\.cluster\.local/);
  await run(page, 'exit', /Session ended, resume using 'kubectl attach curl -c curl -i -t' command when the pod is running/);

  // Securing the Service: the key pair `make keys` writes, then the Secret and ConfigMap.
  const stage4 = '04-secure-https-nodeport';
  const secret = doc(seed, stage4, 'Secret', 'nginxsecret');
  const config = doc(seed, stage4, 'ConfigMap', 'nginxconfigmap');
  await run(page, writeFileLine('/tmp/nginx.key', secret.data['tls.key']!, true));
  await run(page, writeFileLine('/tmp/nginx.crt', secret.data['tls.crt']!, true));
  await run(page, 'kubectl create secret tls nginxsecret --key /tmp/nginx.key --cert /tmp/nginx.crt', /secret\/nginxsecret created/);
  await run(page, 'kubectl get secrets', /NAME\s+TYPE\s+DATA\s+AGE\nnginxsecret\s+kubernetes\.io\/tls\s+2\s+\S+/);
  await run(page, writeFileLine('default.conf', config.data['default.conf']!));
  await run(page, 'kubectl create configmap nginxconfigmap --from-file=default.conf', /configmap\/nginxconfigmap created/);
  await run(page, 'kubectl get configmaps', /NAME\s+DATA\s+AGE/, /nginxconfigmap\s+1\s+\S+/);
  const docs = stageDocs(seed, stage4);
  await editor(page, editorWithFiles({
    'nginxsecrets.yaml': [secret],
    'nginx-secure-app.yaml': docs.filter((d) => d.name === 'my-nginx'),
    'curlpod.yaml': [doc(seed, stage4, 'Deployment', 'curl-deployment')],
  }));
  await run(page, 'kubectl apply -f nginxsecrets.yaml', /secret\/nginxsecret configured/);
  await run(page, 'kubectl get secrets', /nginxsecret\s+kubernetes\.io\/tls\s+2\s+\S+/);
  await run(page, 'kubectl delete deployments,svc my-nginx; kubectl create -f ./nginx-secure-app.yaml', /deployment\.apps "my-nginx" deleted\nservice "my-nginx" deleted\nservice\/my-nginx created\ndeployment\.apps\/my-nginx created/);
  await wait(page, 2);
  const podIP = match(await run(page, 'kubectl get pods -l run=my-nginx -o custom-columns=POD_IP:.status.podIPs', /POD_IP\n\[map\[ip:10\.244\.\d+\.\d+\]\]/), /\[map\[ip:(10\.244\.\d+\.\d+)\]\]/);
  // `node $ curl -k https://10.244.3.5`: on a node, through `minikube ssh`.
  await run(page, 'minikube ssh');
  await expect(terminal(page)).toContainText(/docker@node-1:~\$/);
  await run(page, `curl -k https://${podIP}`, /<h1>Welcome to nginx!<\/h1>/);
  await run(page, 'exit');
  await run(page, 'kubectl apply -f ./curlpod.yaml', /deployment\.apps\/curl-deployment created/);
  await wait(page);
  const curlPod = match(await run(page, 'kubectl get pods -l app=curlpod', GET_PODS, POD_ROW('curl-deployment-[a-z0-9]+-[a-z0-9]{5}')), /(curl-deployment-[a-z0-9]+-[a-z0-9]{5})/);
  await run(page, `kubectl exec ${curlPod} -- curl https://my-nginx --cacert /etc/nginx/ssl/tls.crt`, /<title>Welcome to nginx!<\/title>/);
  const yaml = await run(page, 'kubectl get svc my-nginx -o yaml | grep nodePort -C 5', /- name: http\n\s+nodePort: 3\d{4}\n\s+port: 8080/, /- name: https\n\s+nodePort: 3\d{4}\n\s+port: 443/);
  const httpsPort = match(yaml, /- name: https\n\s+nodePort: (3\d{4})/);
  const externalIP = match(await run(page, 'kubectl get nodes -o yaml | grep ExternalIP -C 1', /- address: (\d+\.\d+\.\d+\.\d+)\n\s+type: ExternalIP\n/), new RegExp(`- address: (${IP})\\n\\s+type: ExternalIP`));
  await run(page, `curl https://${externalIP}:${httpsPort} -k`, /<h1>Welcome to nginx!<\/h1>/);
  // kubectl edit opens the Service in the terminal's editor; the learner changes its type.
  await run(page, 'kubectl edit svc my-nginx');
  const edit = terminal(page).getByRole('textbox', { name: 'Edit service/my-nginx' });
  await expect(edit).toHaveValue(/# Please edit the object below\./);
  await edit.fill((await edit.inputValue()).replace('type: NodePort', 'type: LoadBalancer'));
  await terminal(page).getByRole('button', { name: 'Save' }).click();
  await expect(terminal(page)).toContainText('service/my-nginx edited');
  const lb = await run(page, 'kubectl get svc my-nginx', GET_SVC, new RegExp(`my-nginx\\s+LoadBalancer\\s+10\\.\\d+\\.\\d+\\.\\d+\\s+${IP}\\s+8080:3\\d{4}/TCP,443:3\\d{4}/TCP\\s+\\S+`));
  const lbIP = match(lb, new RegExp(`LoadBalancer\\s+\\S+\\s+(${IP})`));
  await run(page, `curl https://${lbIP} -k`, /<title>Welcome to nginx!<\/title>/);
  await run(page, 'kubectl describe service my-nginx', /Name:\s+my-nginx/, /Type:\s+LoadBalancer/, new RegExp(`LoadBalancer Ingress:\\s+${lbIP.replace(/\./g, '\\.')}`));
  // The editor followed the edit: the Service's document now says LoadBalancer.
  const saved = () => page.evaluate(() => (JSON.parse(localStorage.getItem('kubepath.workspace.v1') ?? '{}') as { manifests?: string }).manifests ?? '');
  await expect.poll(saved).toMatch(/# file: nginx-secure-app\.yaml[\s\S]*kind: Service[\s\S]*type: LoadBalancer/);
});

test('seed 003, part 2: using source IP, every line', async ({ page }) => {
  await open(page);
  await run(page, 'kubectl create deployment source-ip-app --image=registry.k8s.io/echoserver:1.4', /deployment\.apps\/source-ip-app created/);
  await wait(page);
  await run(page, 'kubectl get nodes', /NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\n/, /node-1\s+Ready\s+\S+\s+\S+\s+v1\.\d+\.\d+/, /node-2\s+Ready/);
  await run(page, 'minikube ssh');
  await run(page, 'curl localhost:10249/proxyMode', /iptables/);
  await run(page, 'exit');
  await run(page, 'kubectl expose deployment source-ip-app --name=clusterip --port=80 --target-port=8080', /service\/clusterip exposed/);
  const clusterIP = match(await run(page, 'kubectl get svc clusterip', GET_SVC, /clusterip\s+ClusterIP\s+10\.\d+\.\d+\.\d+\s+<none>\s+80\/TCP\s+\S+/), new RegExp(`clusterip\\s+ClusterIP\\s+(${IP})`));
  await run(page, 'kubectl run busybox -it --image=busybox:1.28 --restart=Never --rm', /If you don't see a command prompt, try pressing enter\./);
  const addr = await run(page, 'ip addr', /1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue\n\s+link\/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n\s+inet 127\.0\.0\.1\/8 scope host lo/, /eth0(@if\d+)?: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu \d+ qdisc noqueue/, /inet 10\.244\.\d+\.\d+\/24( brd \S+)? scope global eth0/);
  const busyboxIP = match(addr, /inet (10\.244\.\d+\.\d+)\/24/);
  await run(page, `wget -qO - ${clusterIP}`, /CLIENT VALUES:/, new RegExp(`client_address=${busyboxIP.replace(/\./g, '\\.')}\\n`), /command=GET/);
  await run(page, 'exit', /pod "busybox" deleted/);

  await run(page, 'kubectl expose deployment source-ip-app --name=nodeport --port=80 --target-port=8080 --type=NodePort', /service\/nodeport exposed/);
  await run(page, 'NODEPORT=$(kubectl get -o jsonpath="{.spec.ports[0].nodePort}" services nodeport)');
  await run(page, `NODES=$(kubectl get nodes -o jsonpath='{ $.items[*].status.addresses[?(@.type=="InternalIP")].address }')`);
  await run(page, 'for node in $NODES; do curl -s $node:$NODEPORT | grep -i client_address; done', /client_address=10\.244\.\d+\.\d+\nclient_address=10\.244\.\d+\.\d+/);
  await run(page, `kubectl patch svc nodeport -p '{"spec":{"externalTrafficPolicy":"Local"}}'`, /service\/nodeport patched/);
  const local = await run(page, 'for node in $NODES; do curl --connect-timeout 1 -s $node:$NODEPORT | grep -i client_address; done', /client_address=192\.168\.49\.1/);
  expect(local.match(/client_address=/g)).toHaveLength(1);

  await run(page, 'kubectl expose deployment source-ip-app --name=loadbalancer --port=80 --target-port=8080 --type=LoadBalancer', /service\/loadbalancer exposed/);
  const lbIP = match(await run(page, 'kubectl get svc loadbalancer', GET_SVC, new RegExp(`loadbalancer\\s+LoadBalancer\\s+10\\.\\d+\\.\\d+\\.\\d+\\s+${IP}\\s+80:3\\d{4}/TCP\\s+\\S+`)), new RegExp(`LoadBalancer\\s+\\S+\\s+(${IP})`));
  await run(page, `curl ${lbIP}`, /CLIENT VALUES:/, /client_address=10\.244\.\d+\.\d+/);
  await run(page, `kubectl patch svc loadbalancer -p '{"spec":{"externalTrafficPolicy":"Local"}}'`, /service\/loadbalancer patched/);
  const hc = match(await run(page, 'kubectl get svc loadbalancer -o yaml | grep -i healthCheckNodePort', /^\s*healthCheckNodePort: \d+/m), /healthCheckNodePort: (\d+)/);
  const appNode = match(await run(page, 'kubectl get pod -o wide -l app=source-ip-app', WIDE, /source-ip-app-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running\s+0\s+\S+\s+10\.244\.\d+\.\d+\s+node-\d/), /10\.244\.\d+\.\d+\s+(node-\d)/);
  const otherNode = appNode === 'node-1' ? 'node-2' : 'node-1';
  await run(page, `minikube ssh -n ${appNode}`);
  await run(page, `curl localhost:${hc}/healthz`, /"localEndpoints": 1/);
  await run(page, 'exit');
  await run(page, `minikube ssh -n ${otherNode}`);
  await run(page, `curl localhost:${hc}/healthz`, /"localEndpoints": 0/);
  await run(page, 'exit');
  await run(page, `curl ${lbIP}`, /CLIENT VALUES:/, /client_address=192\.168\.49\.1/);
  await run(page, 'kubectl delete svc -l app=source-ip-app', /service "clusterip" deleted\nservice "loadbalancer" deleted\nservice "nodeport" deleted/);
  await run(page, 'kubectl delete deployment source-ip-app', /deployment\.apps "source-ip-app" deleted/);
});

test('seed 004: orchestrating the cloud, every line of the lab', async ({ page }) => {
  const seed = 'seed-004-orchestrating-cloud';
  await open(page);
  await run(page, 'kubectl create deployment nginx --image=nginx:1.10.0', /deployment\.apps\/nginx created/);
  await run(page, 'kubectl expose deployment nginx --port 80 --type LoadBalancer', /service\/nginx exposed/);
  await wait(page);
  const nginxIP = match(await run(page, 'kubectl get services', GET_SVC, new RegExp(`nginx\\s+LoadBalancer\\s+10\\.\\d+\\.\\d+\\.\\d+\\s+${IP}\\s+80:3\\d{4}/TCP`)), new RegExp(`nginx\\s+LoadBalancer\\s+\\S+\\s+(${IP})`));
  await run(page, `curl http://${nginxIP}:80`, /<title>Welcome to nginx!<\/title>/);

  await editor(page, editorWithFiles({ 'pods/monolith.yaml': [doc(seed, '02-monolith-pod', 'Pod', 'monolith')] }));
  await run(page, 'kubectl create -f pods/monolith.yaml', /pod\/monolith created/);
  await wait(page);
  await run(page, 'kubectl get pods', GET_PODS, /monolith\s+1\/1\s+Running\s+0/);
  await run(page, 'kubectl port-forward monolith 10080:80', /Forwarding from 127\.0\.0\.1:10080 -> 80\nForwarding from \[::1\]:10080 -> 80/);
  await run(page, 'curl http://127.0.0.1:10080', /\{"message":"Hello"\}/);
  await run(page, 'curl http://127.0.0.1:10080/secure', /authorization failed/);
  // curl asks for the password on the terminal; the learner types it.
  await run(page, 'curl -u user http://127.0.0.1:10080/login', /Enter host password for user 'user':/);
  await run(page, 'password', /\{"token":"[\w-]+\.[\w-]+\.[\w-]+"\}/);
  await run(page, "TOKEN=$(curl http://127.0.0.1:10080/login -u user|jq -r '.token')", /Enter host password for user 'user':/);
  await run(page, 'password');
  await run(page, 'curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:10080/secure', /\{"message":"Hello"\}/);
  await run(page, 'kubectl logs -f monolith', /"GET \/secure HTTP\/1\.1" 401/, /"GET \/secure HTTP\/1\.1" 200/);
  await run(page, 'kubectl exec monolith --stdin --tty -c monolith -- /bin/sh');
  await run(page, 'ping -c 3 google.com', /PING google\.com \(\d+\.\d+\.\d+\.\d+\): 56 data bytes\n64 bytes from/, /3 packets transmitted, 3 packets received, 0% packet loss/);
  await run(page, 'exit');

  const stage3 = '03-secure-monolith-service';
  const certs = doc(seed, stage3, 'Secret', 'tls-certs');
  for (const file of ['ca-key.pem', 'ca.pem', 'cert.pem', 'key.pem']) await run(page, writeFileLine(`tls/${file}`, certs.data[file]!, true));
  await run(page, writeFileLine('nginx/proxy.conf', doc(seed, stage3, 'ConfigMap', 'nginx-proxy-conf').data['proxy.conf']!));
  await editor(page, editorWithFiles({ 'pods/secure-monolith.yaml': [doc(seed, stage3, 'Pod', 'secure-monolith')], 'services/monolith.yaml': [doc(seed, stage3, 'Service', 'monolith')] }));
  await run(page, 'kubectl create secret generic tls-certs --from-file tls/', /secret\/tls-certs created/);
  await run(page, 'kubectl create configmap nginx-proxy-conf --from-file nginx/proxy.conf', /configmap\/nginx-proxy-conf created/);
  await run(page, 'kubectl create -f pods/secure-monolith.yaml', /pod\/secure-monolith created/);
  await run(page, 'kubectl create -f services/monolith.yaml', /service\/monolith created/);
  await wait(page);
  const nodeIP = match(await run(page, 'kubectl get nodes -o wide', /NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\s+INTERNAL-IP\s+EXTERNAL-IP/), new RegExp(`node-1\\s+Ready\\s+\\S+\\s+\\S+\\s+\\S+\\s+${IP}\\s+(${IP})`));
  await run(page, `curl -k https://${nodeIP}:31000`, /curl: \(7\) Failed to connect to \S+ port 31000/);
  await run(page, 'kubectl get pods -l "app=monolith,secure=enabled"', /No resources found in default namespace\./);
  await run(page, "kubectl label pods secure-monolith 'secure=enabled'", /pod\/secure-monolith labeled/);
  await run(page, 'kubectl get pods -l "app=monolith,secure=enabled"', GET_PODS, /secure-monolith\s+2\/2\s+Running\s+0/);
  await run(page, 'kubectl describe services monolith | grep Endpoints', /Endpoints:\s+10\.244\.\d+\.\d+:443/);
  await run(page, `curl -k https://${nodeIP}:31000`, /\{"message":"Hello"\}/);

  const stage4 = '04-microservices';
  const micro = (kind: string, name: string) => [doc(seed, stage4, kind, name)];
  await run(page, writeFileLine('nginx/frontend.conf', doc(seed, stage4, 'ConfigMap', 'nginx-frontend-conf').data['frontend.conf']!));
  await editor(page, editorWithFiles({
    'deployments/auth.yaml': micro('Deployment', 'auth'), 'services/auth.yaml': micro('Service', 'auth'),
    'deployments/hello.yaml': micro('Deployment', 'hello'), 'services/hello.yaml': micro('Service', 'hello'),
    'deployments/frontend.yaml': micro('Deployment', 'frontend'), 'services/frontend.yaml': micro('Service', 'frontend'),
  }));
  await run(page, 'kubectl create configmap nginx-frontend-conf --from-file=nginx/frontend.conf', /configmap\/nginx-frontend-conf created/);
  await run(page, 'kubectl create -f deployments/auth.yaml', /deployment\.apps\/auth created/);
  await run(page, 'kubectl create -f services/auth.yaml', /service\/auth created/);
  await run(page, 'kubectl create -f deployments/hello.yaml', /deployment\.apps\/hello created/);
  await run(page, 'kubectl create -f services/hello.yaml', /service\/hello created/);
  await run(page, 'kubectl create -f deployments/frontend.yaml', /deployment\.apps\/frontend created/);
  await run(page, 'kubectl create -f services/frontend.yaml', /service\/frontend created/);
  await wait(page);
  const frontendIP = match(await run(page, 'kubectl get services frontend', GET_SVC, new RegExp(`frontend\\s+LoadBalancer\\s+\\S+\\s+${IP}\\s+443:3\\d{4}/TCP`)), new RegExp(`frontend\\s+LoadBalancer\\s+\\S+\\s+(${IP})`));
  await run(page, `curl -k https://${frontendIP}`, /\{"message":"Hello"\}/);
  await run(page, 'kubectl scale deployment hello --replicas=3', /deployment\.apps\/hello scaled/);
  await wait(page);
  await run(page, 'kubectl get pods -l app=hello', GET_PODS, /(hello-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running[^\n]*\n[\s\S]*){3}/);
});
