/**
 * The TLS handshake of an https request, as curl (OpenSSL) checks it: the server presents the
 * certificate mounted from a Secret into its pod; curl verifies the chain against its CA
 * bundle (or --cacert), then the host name against the subjectAltNames (the CN only when
 * there are none). `-k` skips both. Messages are curl's.
 */
import type { PodNet } from '../dataplane/cni/network';
import { viewOf } from '../cluster/state';
import { matchesHost, parseCertificate, type Certificate } from '../dataplane/tls/x509';
import { base64DecodeBytes, bytesToBinary } from '../net/base64';
import type { Flight } from './context';
import { INGRESS_FAKE_CERTIFICATE } from '../dataplane/tls/fakecert';
import { parseImage } from '../controllers/images';

/** Keys that name the server's own certificate, most likely first. */
const PREFERRED = ['tls.crt', 'cert.pem', 'server.crt', 'server.pem', 'nginx.crt'];

/**
 * The certificate a pod serves, from the Secret volumes it mounts: `tls.crt` or `cert.pem` when
 * present, else any certificate that is not a CA's own (self-signed while others are not).
 */
export function podCertificate(f: Flight, pod: PodNet): Certificate | undefined {
  const view = viewOf(f.ctx.state);
  if (pod.object.spec?.containers?.some((c) => parseImage(c.image ?? '').repository.endsWith('ingress-nginx/controller'))) {
    return ingressCertificate(f);
  }
  const found: { key: string; cert: Certificate }[] = [];
  for (const v of pod.object.spec?.volumes ?? []) {
    const name = v.secret?.secretName;
    if (!name) continue;
    const secret = view.get('Secret', pod.namespace, name);
    for (const [key, value] of Object.entries(secret?.data ?? {})) {
      if (!/\.(crt|pem|cert)$/.test(key)) continue;
      const bytes = base64DecodeBytes(value);
      const cert = bytes ? parseCertificate(bytesToBinary(bytes)) : undefined;
      if (cert) found.push({ key, cert });
    }
  }
  const rank = (x: { key: string; cert: Certificate }) => {
    const i = PREFERRED.indexOf(x.key);
    return i >= 0 ? i : PREFERRED.length + (x.cert.selfSigned && found.length > 1 ? 1 : 0);
  };
  return [...found].sort((a, b) => rank(a) - rank(b))[0]?.cert;
}

const dn = (n: Record<string, string>) => Object.entries(n).map(([k, v]) => `${k}=${v}`).join(', ');

export /**
 * The certificate the ingress controller presents for the requested host (SNI): the Secret of
 * an Ingress's spec.tls entry listing the host, else the controller's fake certificate.
 */
function ingressCertificate(f: Flight): Certificate | undefined {
  const view = viewOf(f.ctx.state);
  for (const ing of view.list('Ingress')) {
    for (const t of ing.spec?.tls ?? []) {
      if (!(t.hosts ?? []).includes(f.host) || !t.secretName) continue;
      const data = view.get('Secret', ing.metadata.namespace, t.secretName)?.data?.['tls.crt'];
      const bytes = data ? base64DecodeBytes(data) : undefined;
      const cert = bytes ? parseCertificate(bytesToBinary(bytes)) : undefined;
      if (cert) return cert;
    }
  }
  return parseCertificate(INGRESS_FAKE_CERTIFICATE);
}

export function describeCertificate(c: Certificate): string {
  const san = [...c.dnsNames.map((d) => `DNS:${d}`), ...c.ipAddresses.map((ip) => `IP:${ip}`)].join(', ');
  return `subject: ${dn(c.subject)}; issuer: ${dn(c.issuer)}${san ? `; subjectAltName: ${san}` : ''}`;
}

function sameName(a: Record<string, string>, b: Record<string, string>): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** An error message when curl refuses the server, undefined when it goes on. */
export function verify(f: Flight, cert: Certificate): string | undefined {
  if (f.tls?.insecure) return undefined;
  const ca = f.tls?.caCert ? parseCertificate(f.tls.caCert) : undefined;
  const trusted = ca !== undefined && (sameName(cert.issuer, ca.subject) || cert.pem.replace(/\s/g, '') === ca.pem.replace(/\s/g, ''));
  if (!trusted) {
    return cert.selfSigned ? 'curl: (60) SSL certificate problem: self-signed certificate' : 'curl: (60) SSL certificate problem: unable to get local issuer certificate';
  }
  if (!matchesHost(cert, f.host)) {
    return cert.dnsNames.length > 0 || cert.ipAddresses.length > 0
      ? `curl: (60) SSL: no alternative certificate subject name matches target hostname '${f.host}'`
      : `curl: (60) SSL: certificate subject name '${cert.subject.CN ?? ''}' does not match target host name '${f.host}'`;
  }
  return undefined;
}

export function handshakeSummary(f: Flight, cert: Certificate, error: string | undefined): string {
  const how = f.tls?.insecure ? 'curl -k accepts it without checking' : f.tls?.caCert ? 'curl checks it against the CA given with --cacert' : 'curl checks it against its CA bundle';
  return `TLS handshake: the server presents its certificate (${describeCertificate(cert)}); ${how}${error ? `, and refuses: ${error.replace(/^curl: \(\d+\) /, '')}` : ', and the connection is encrypted'}.`;
}
