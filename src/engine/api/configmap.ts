/**
 * ConfigMap: no stored defaults (SetDefaults_ConfigMap's empty `data` map is omitted when
 * serialized) and validation (ValidateConfigMap, ValidateConfigMapUpdate in
 * pkg/apis/core/validation/validation.go): keys, a 1 MiB total, and `immutable`.
 */
import type { ValidationContext } from './context';
import { type FieldError, forbidden, invalid, tooLong } from './field';
import type { ConfigMapObject } from './objects';
import { decodeBase64 } from './validation/base64';
import { clone, deepEqual, key, type Loose } from './validation/json';
import { metaSchema, validateObjectMeta, validateObjectMetaUpdate } from './validation/meta';
import { byteLength, isConfigMapKey, nameIsDNSSubdomain } from './validation/names';
import { checked, cleanCopy, map, obj } from './validation/schema';

/** core.MaxSecretSize, shared by ConfigMaps and Secrets. */
export const MAX_DATA_SIZE = 1024 * 1024;

export const configMapSchema = obj({ metadata: metaSchema, data: map('string'), binaryData: map('string'), immutable: 'bool' });

type LooseConfigMap = Loose<Pick<ConfigMapObject, 'metadata' | 'data' | 'binaryData' | 'immutable'>>;

export function defaultConfigMap(cm: ConfigMapObject): ConfigMapObject {
  return clone(cm);
}

function validateConfigMapData(cm: LooseConfigMap): FieldError[] {
  const errs = validateObjectMeta(cm.metadata, true, nameIsDNSSubdomain);
  let total = 0;
  for (const [k, v] of Object.entries(cm.data ?? {})) {
    errs.push(...isConfigMapKey(k).map((m) => invalid(key('data', k), k, m)));
    if (cm.binaryData && Object.prototype.hasOwnProperty.call(cm.binaryData, k)) {
      errs.push(invalid(key('data', k), k, 'duplicate of key present in binaryData'));
    }
    total += byteLength(v ?? '');
  }
  for (const [k, v] of Object.entries(cm.binaryData ?? {})) {
    errs.push(...isConfigMapKey(k).map((m) => invalid(key('binaryData', k), k, m)));
    const decoded = decodeBase64(v ?? '');
    if ('error' in decoded) errs.push(invalid(key('binaryData', k), v ?? '', decoded.error));
    else total += decoded.bytes.length;
  }
  // Upstream reports the size of the whole object at an empty path.
  if (total > MAX_DATA_SIZE) errs.push(tooLong('', MAX_DATA_SIZE));
  return errs;
}

const immutableMsg = 'field is immutable when `immutable` is set';

export function validateConfigMap(cm: ConfigMapObject, _ctx: ValidationContext, old?: ConfigMapObject): FieldError[] {
  return checked<LooseConfigMap>(cm, configMapSchema, (x) => {
    if (!old) return validateConfigMapData(x);
    const o = cleanCopy<LooseConfigMap>(old, configMapSchema);
    const errs = validateObjectMetaUpdate(x.metadata, o.metadata);
    if (o.immutable === true) {
      if (x.immutable !== true) errs.push(forbidden('immutable', immutableMsg));
      if (!deepEqual(x.data ?? {}, o.data ?? {})) errs.push(forbidden('data', immutableMsg));
      if (!deepEqual(x.binaryData ?? {}, o.binaryData ?? {})) errs.push(forbidden('binaryData', immutableMsg));
    }
    return [...errs, ...validateConfigMapData(x)];
  });
}
