/**
 * The classic Ingress mistakes, as warnings at the field that causes them: an annotation
 * ingress-nginx does not know (usually a typo), a rewrite-target with `$N` but a path with no
 * capture groups, a rewrite-target that throws away the rest of the path, an Ingress of a
 * class no controller here watches, a backend Service or port that does not exist.
 */
import type { IngressObject } from '../../api/objects';
import type { StateView } from '../../cluster/state';
import { ANNOTATION_PREFIX } from './annotations';

export interface IngressWarning {
  path: string;
  message: string;
}

/** ingress-nginx's annotations (docs/user-guide/nginx-configuration/annotations.md), the common ones. */
const KNOWN = new Set([
  'app-root', 'affinity', 'affinity-mode', 'affinity-canary-behavior', 'auth-realm', 'auth-secret', 'auth-secret-type', 'auth-type',
  'auth-tls-secret', 'auth-tls-verify-client', 'auth-url', 'auth-signin', 'backend-protocol', 'canary', 'canary-by-header',
  'canary-by-header-value', 'canary-by-cookie', 'canary-weight', 'client-body-buffer-size', 'configuration-snippet', 'cors-allow-origin',
  'cors-allow-methods', 'cors-allow-headers', 'cors-allow-credentials', 'cors-max-age', 'custom-http-errors', 'default-backend',
  'enable-cors', 'force-ssl-redirect', 'from-to-www-redirect', 'limit-connections', 'limit-rps', 'limit-rpm', 'permanent-redirect',
  'permanent-redirect-code', 'temporal-redirect', 'preserve-trailing-slash', 'proxy-body-size', 'proxy-buffering',
  'proxy-connect-timeout', 'proxy-read-timeout', 'proxy-send-timeout', 'proxy-redirect-from', 'proxy-redirect-to',
  'rewrite-target', 'server-alias', 'server-snippet', 'service-upstream', 'session-cookie-name', 'session-cookie-path',
  'session-cookie-domain', 'session-cookie-samesite', 'session-cookie-expires', 'session-cookie-max-age',
  'session-cookie-change-on-failure', 'ssl-redirect', 'ssl-passthrough', 'upstream-hash-by', 'upstream-vhost', 'use-regex',
  'whitelist-source-range', 'allowlist-source-range', 'denylist-source-range', 'x-forwarded-prefix', 'load-balance',
  'proxy-http-version', 'enable-access-log', 'enable-rewrite-log', 'ssl-ciphers', 'ssl-prefer-server-ciphers', 'mirror-target',
  'mirror-uri', 'satisfy', 'auth-response-headers', 'auth-snippet', 'proxy-ssl-secret', 'proxy-ssl-verify', 'proxy-ssl-name',
]);

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}

export function ingressWarnings(view: StateView, ing: IngressObject): IngressWarning[] {
  const out: IngressWarning[] = [];
  const annotations = ing.metadata.annotations ?? {};
  for (const key of Object.keys(annotations)) {
    if (!key.startsWith(ANNOTATION_PREFIX)) continue;
    const name = key.slice(ANNOTATION_PREFIX.length);
    if (KNOWN.has(name)) continue;
    const near = [...KNOWN].map((k) => [k, distance(k, name)] as const).sort((x, y) => x[1] - y[1])[0];
    out.push({ path: 'metadata.annotations', message: `ingress-nginx does not know the annotation "${key}"${near && near[1] <= 3 ? `; did you mean "${ANNOTATION_PREFIX}${near[0]}"?` : ''} It is ignored.` });
  }
  const rewrite = annotations[`${ANNOTATION_PREFIX}rewrite-target`];
  const regex = annotations[`${ANNOTATION_PREFIX}use-regex`] === 'true';
  (ing.spec?.rules ?? []).forEach((rule, r) => {
    (rule.http?.paths ?? []).forEach((p, i) => {
      const at = `spec.rules[${r}].http.paths[${i}]`;
      const path = p.path ?? '/';
      if (rewrite !== undefined) {
        const groups = (path.match(/\((?!\?)/g) ?? []).length;
        const refs = [...rewrite.matchAll(/\$(\d)/g)].map((m) => Number(m[1]));
        const missing = refs.filter((n) => n > groups);
        if (missing.length > 0) {
          out.push({ path: `${at}.path`, message: `rewrite-target "${rewrite}" uses $${missing[0]}, but the path "${path}" has ${groups} capture group${groups === 1 ? '' : 's'}: $${missing[0]} is empty, so every request reaches the backend as "${rewrite.replace(/\$\d/g, '')}". Write the path as a regex, e.g. "${path.replace(/\/$/, '')}(/|$)(.*)" with rewrite-target "/$2".` });
        } else if (refs.length === 0 && path !== '/' && !regex) {
          out.push({ path: `${at}.path`, message: `rewrite-target "${rewrite}" replaces the whole path: ${path}/anything reaches the backend as "${rewrite}". To keep the rest of the path, capture it: path "${path.replace(/\/$/, '')}(/|$)(.*)", rewrite-target "/$2".` });
        }
      }
      const svc = p.backend?.service;
      if (svc?.name) {
        const s = view.get('Service', ing.metadata.namespace, svc.name);
        if (!s) out.push({ path: `${at}.backend.service.name`, message: `Service "${svc.name}" does not exist in namespace "${ing.metadata.namespace}": ingress-nginx answers 503 for this path.` });
        else {
          const port = svc.port?.number ?? svc.port?.name;
          if (s.spec?.type !== 'ExternalName' && port !== undefined && !(s.spec?.ports ?? []).some((sp) => sp.port === port || sp.name === port)) {
            out.push({ path: `${at}.backend.service.port`, message: `Service "${svc.name}" has no port ${JSON.stringify(port)}: ingress-nginx answers 503 for this path.` });
          }
        }
      }
    });
  });
  const cls = ing.spec?.ingressClassName;
  if (cls) {
    const ic = view.get('IngressClass', undefined, cls);
    if (!ic) out.push({ path: 'spec.ingressClassName', message: `IngressClass "${cls}" does not exist: no controller serves this Ingress (the cluster has ${[...view.list('IngressClass')].map((c) => `"${c.metadata.name}"`).join(', ') || 'none'}).` });
    else if (ic.spec?.controller !== 'k8s.io/ingress-nginx') out.push({ path: 'spec.ingressClassName', message: `IngressClass "${cls}" belongs to ${ic.spec?.controller ?? 'no controller'}; ingress-nginx ignores this Ingress.` });
  }
  return out;
}
