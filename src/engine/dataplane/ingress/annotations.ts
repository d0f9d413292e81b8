/**
 * The ingress-nginx annotations the router understands, read from one Ingress the way the
 * controller's annotation parsers read them (kubernetes/ingress-nginx
 * internal/ingress/annotations/{rewrite,redirect,sessionaffinity}/main.go and parser/main.go).
 */
import type { IngressObject } from '../../api/objects';

export const ANNOTATION_PREFIX = 'nginx.ingress.kubernetes.io/';
export const DEFAULT_SESSION_COOKIE_NAME = 'INGRESSCOOKIE';

export interface IngressAnnotations {
  /** rewrite-target: the replacement of nginx's `rewrite` (may use $1..$9). '' when unset. */
  rewriteTarget: string;
  useRegex: boolean;
  /** app-root: where `/` is sent with a 302. '' when unset. */
  appRoot: string;
  /** ssl-redirect (the ConfigMap default is true). */
  sslRedirect: boolean;
  forceSslRedirect: boolean;
  preserveTrailingSlash: boolean;
  /** temporal-redirect (302) wins over permanent-redirect (301 or permanent-redirect-code). */
  redirect?: { url: string; code: number };
  affinity?: { type: 'cookie'; cookieName: string };
}

function raw(ing: IngressObject, name: string): string | undefined {
  return ing.metadata.annotations?.[ANNOTATION_PREFIX + name];
}

/** Go's strconv.ParseBool, which parser.GetBoolAnnotation uses; anything else is the default. */
export function parseGoBool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return fallback;
}

/** redirect/redirect.go isValidURL: an absolute http(s) URL. */
function isValidRedirectURL(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url);
}

function parseRedirect(ing: IngressObject): IngressAnnotations['redirect'] {
  const temporal = raw(ing, 'temporal-redirect') ?? '';
  if (temporal !== '') return isValidRedirectURL(temporal) ? { url: temporal, code: 302 } : undefined;
  const permanent = raw(ing, 'permanent-redirect') ?? '';
  if (permanent === '' || !isValidRedirectURL(permanent)) return undefined;
  const codeText = raw(ing, 'permanent-redirect-code');
  let code = codeText !== undefined && /^\d+$/.test(codeText) ? Number(codeText) : 301;
  if (code < 300 || code > 308) code = 301;
  return { url: permanent, code };
}

/** rewrite/main.go: app-root must be a path (a relative URL starting with '/'). */
function parseAppRoot(ing: IngressObject): string {
  const v = raw(ing, 'app-root') ?? '';
  return v.startsWith('/') && !/\s/.test(v) ? v : '';
}

export function parseAnnotations(ing: IngressObject): IngressAnnotations {
  const affinityType = raw(ing, 'affinity');
  const cookieName = raw(ing, 'session-cookie-name') ?? '';
  return {
    rewriteTarget: raw(ing, 'rewrite-target') ?? '',
    useRegex: parseGoBool(raw(ing, 'use-regex'), false),
    appRoot: parseAppRoot(ing),
    sslRedirect: parseGoBool(raw(ing, 'ssl-redirect'), true),
    forceSslRedirect: parseGoBool(raw(ing, 'force-ssl-redirect'), false),
    preserveTrailingSlash: parseGoBool(raw(ing, 'preserve-trailing-slash'), false),
    redirect: parseRedirect(ing),
    affinity: affinityType === 'cookie' ? { type: 'cookie', cookieName: cookieName === '' ? DEFAULT_SESSION_COOKIE_NAME : cookieName } : undefined,
  };
}
