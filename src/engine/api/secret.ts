/**
 * Secret: defaults (SetDefaults_Secret: type Opaque; the API server also folds `stringData` into
 * base64 `data` on the way in) and validation (ValidateSecret, ValidateSecretUpdate in
 * pkg/apis/core/validation/validation.go).
 */
import type { ValidationContext } from './context';
import { type FieldError, forbidden, invalid, required, tooLong } from './field';
import { MAX_DATA_SIZE } from './configmap';
import type { SecretObject } from './objects';
import { decodeBase64, encodeBase64, utf8Bytes } from './validation/base64';
import { asObj, clone, deepEqual, isObj, type JsonObject, key, type Loose } from './validation/json';
import { metaSchema, validateObjectMeta, validateObjectMetaUpdate } from './validation/meta';
import { isConfigMapKey, nameIsDNSSubdomain } from './validation/names';
import { checked, cleanCopy, map, obj } from './validation/schema';

export const secretSchema = obj({ metadata: metaSchema, type: 'string', data: map('string'), stringData: map('string'), immutable: 'bool' });

type LooseSecret = Loose<Pick<SecretObject, 'metadata' | 'type' | 'data' | 'immutable'>>;

export function defaultSecret(s: SecretObject): SecretObject {
  const out = clone(s) as unknown as JsonObject;
  if (!out.type) out.type = 'Opaque';
  const stringData = asObj(out.stringData);
  if (stringData) {
    if (out.data === undefined || out.data === null) out.data = {};
    const data = asObj(out.data);
    if (data) {
      for (const [k, v] of Object.entries(stringData)) if (typeof v === 'string') data[k] = encodeBase64(utf8Bytes(v));
      delete out.stringData;
    }
  }
  return out as unknown as SecretObject;
}

const redacted = '<secret contents redacted>';

function requiredKeys(s: LooseSecret, data: Map<string, number[]>): FieldError[] {
  const has = (k: string): boolean => data.has(k);
  const errs: FieldError[] = [];
  switch (s.type) {
    case 'kubernetes.io/service-account-token':
      if (!s.metadata?.annotations?.['kubernetes.io/service-account.name']) {
        errs.push(required(key('metadata.annotations', 'kubernetes.io/service-account.name'), ''));
      }
      break;
    case 'kubernetes.io/dockercfg':
    case 'kubernetes.io/dockerconfigjson': {
      const k = s.type === 'kubernetes.io/dockercfg' ? '.dockercfg' : '.dockerconfigjson';
      const bytes = data.get(k);
      if (!bytes) errs.push(required(key('data', k), ''));
      else if (!isJsonObject(bytes)) errs.push(invalid(key('data', k), redacted, 'invalid character looking for beginning of value'));
      break;
    }
    case 'kubernetes.io/basic-auth':
      if (!has('username') && !has('password')) errs.push(required(key('data', 'username'), ''), required(key('data', 'password'), ''));
      break;
    case 'kubernetes.io/ssh-auth':
      if ((data.get('ssh-privatekey') ?? []).length === 0) errs.push(required(key('data', 'ssh-privatekey'), ''));
      break;
    case 'kubernetes.io/tls':
      if (!has('tls.crt')) errs.push(required(key('data', 'tls.crt'), ''));
      if (!has('tls.key')) errs.push(required(key('data', 'tls.key'), ''));
      break;
    default:
  }
  return errs;
}

function isJsonObject(bytes: number[]): boolean {
  try {
    let text = '';
    for (const b of bytes) text += String.fromCharCode(b);
    return isObj(JSON.parse(text));
  } catch {
    return false;
  }
}

function validateSecretData(s: LooseSecret): FieldError[] {
  const errs = validateObjectMeta(s.metadata, true, nameIsDNSSubdomain);
  let total = 0;
  const decoded = new Map<string, number[]>();
  for (const [k, v] of Object.entries(s.data ?? {})) {
    errs.push(...isConfigMapKey(k).map((m) => invalid(key('data', k), k, m)));
    const d = decodeBase64(v ?? '');
    // A decode error: Go fails to unmarshal the request; kubepath reports it at the key.
    if ('error' in d) errs.push(invalid(key('data', k), redacted, d.error));
    else {
      decoded.set(k, d.bytes);
      total += d.bytes.length;
    }
  }
  if (total > MAX_DATA_SIZE) errs.push(tooLong('data', MAX_DATA_SIZE));
  return [...errs, ...requiredKeys(s, decoded)];
}

const immutableMsg = 'field is immutable when `immutable` is set';

export function validateSecret(secret: SecretObject, _ctx: ValidationContext, old?: SecretObject): FieldError[] {
  return checked<LooseSecret>(secret, secretSchema, (x) => {
    if (!old) return validateSecretData(x);
    const o = cleanCopy<LooseSecret>(old, secretSchema);
    const errs = validateObjectMetaUpdate(x.metadata, o.metadata);
    if ((x.type ?? '') !== (o.type ?? '')) errs.push(invalid('type', x.type ?? '', 'field is immutable'));
    if (o.immutable === true) {
      if (x.immutable !== true) errs.push(forbidden('immutable', immutableMsg));
      if (!deepEqual(x.data ?? {}, o.data ?? {})) errs.push(forbidden('data', immutableMsg));
    }
    return [...errs, ...validateSecretData(x)];
  });
}
