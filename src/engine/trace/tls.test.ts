/** https requests: the certificate mounted from a Secret, checked as curl checks it. */
import { describe, expect, it } from 'vitest';
import { createPlayground } from '../index';
import { CA_CRT, NGINX_CRT, SAN_CRT } from '../dataplane/tls/testcerts';

const b64 = (s: string) => btoa(s);

function cluster(cert: string) {
  const pg = createPlayground();
  const r = pg.apply(`apiVersion: v1
kind: Secret
metadata:
  name: tls
type: Opaque
data:
  tls.crt: ${b64(cert)}
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  volumes:
    - name: secret-volume
      secret:
        secretName: tls
  containers:
    - name: app
      image: example/tls-app
      ports:
        - containerPort: 443
      volumeMounts:
        - name: secret-volume
          mountPath: /etc/nginx/ssl
---
apiVersion: v1
kind: Pod
metadata:
  name: plain
spec:
  containers:
    - name: app
      image: example/plain
      ports:
        - containerPort: 443
`);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const ip = (n: string) => pg.snapshot().pods.find((p) => p.name === n)!.ip!;
  return { pg, ip };
}

describe('https', () => {
  it('a self-signed certificate fails without -k, passes with -k, and the handshake is a hop', () => {
    const { pg, ip } = cluster(NGINX_CRT);
    const strict = pg.request({ from: { node: 'node-1' }, url: `https://${ip('web')}/` });
    expect(strict.outcome).toMatchObject({ kind: 'error', code: 'tls', message: 'curl: (60) SSL certificate problem: self-signed certificate' });
    const k = pg.request({ from: { node: 'node-1' }, url: `https://${ip('web')}/`, tls: { insecure: true } });
    expect(k.outcome).toMatchObject({ kind: 'response', status: 200 });
    const hop = k.hops.find((h) => h.kind === 'tls')!;
    expect(hop.rule).toContain('subject: CN=my-nginx, O=my-nginx');
  });

  it('--cacert with the certificate itself trusts it, and then the name must match the CN', () => {
    const { pg, ip } = cluster(NGINX_CRT);
    const wrongName = pg.request({ from: { node: 'node-1' }, url: `https://${ip('web')}/`, tls: { caCert: NGINX_CRT } });
    expect(wrongName.outcome).toMatchObject({ code: 'tls', message: `curl: (60) SSL: certificate subject name 'my-nginx' does not match target host name '${ip('web')}'` });
  });

  it('a CA-signed certificate with SANs: trusted with --cacert <CA>, names checked against the SANs', () => {
    const { pg, ip } = cluster(SAN_CRT);
    expect(pg.request({ from: { node: 'node-1' }, url: `https://${ip('web')}/` }).outcome).toMatchObject({ message: 'curl: (60) SSL certificate problem: unable to get local issuer certificate' });
    expect(pg.request({ from: { node: 'node-1' }, url: `https://${ip('web')}/`, tls: { caCert: CA_CRT } }).outcome).toMatchObject({
      message: `curl: (60) SSL: no alternative certificate subject name matches target hostname '${ip('web')}'`,
    });
  });

  it('https to a server without a certificate fails as curl does', () => {
    const { pg, ip } = cluster(NGINX_CRT);
    expect(pg.request({ from: { node: 'node-1' }, url: `https://${ip('plain')}/` }).outcome).toMatchObject({ code: 'tls', message: expect.stringContaining('wrong version number') });
  });
});
