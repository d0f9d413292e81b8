/**
 * Pod volumes: schema, defaults (SetDefaults_Volume and the *VolumeSource defaultModes in
 * pkg/apis/core/v1/defaults.go) and validation (ValidateVolumes, validateVolumeSource in
 * pkg/apis/core/validation/validation.go). Sources kubepath does not model are only counted.
 */
import type { KeyToPath, Volume } from 'kubernetes-types/core/v1';
import { type FieldError, duplicate, forbidden, invalid, required, unsupported } from './field';
import { validateLocalDescendingPath } from './env';
import { asObj, child, index, type JsonObject, type Loose, setDefault } from './validation/json';
import { isDNS1123Label } from './validation/names';
import { type Schema, arr, obj } from './validation/schema';

const keyToPath: Schema = obj({ key: 'string', path: 'string', mode: 'int32' });

export const volumeSchema: Schema = obj({
  name: 'string',
  emptyDir: obj({ medium: 'string', sizeLimit: 'any' }),
  hostPath: obj({ path: 'string', type: 'string' }),
  secret: obj({ secretName: 'string', items: arr(keyToPath), defaultMode: 'int32', optional: 'bool' }),
  configMap: obj({ name: 'string', items: arr(keyToPath), defaultMode: 'int32', optional: 'bool' }),
  persistentVolumeClaim: obj({ claimName: 'string', readOnly: 'bool' }),
  downwardAPI: obj({ defaultMode: 'int32', items: 'any' }),
  projected: obj({ defaultMode: 'int32', sources: 'any' }),
});

/**
 * Every volume source in the order validateVolumeSource looks at them, with the path segment its
 * "may not specify more than 1 volume type" error uses (two of them differ from the JSON name
 * upstream: "downwarAPI" and "cephFS").
 */
const sources: [json: string, errPath: string][] = [
  ['emptyDir', 'emptyDir'],
  ['hostPath', 'hostPath'],
  ['gitRepo', 'gitRepo'],
  ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['secret', 'secret'],
  ['nfs', 'nfs'],
  ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'],
  ['flocker', 'flocker'],
  ['persistentVolumeClaim', 'persistentVolumeClaim'],
  ['rbd', 'rbd'],
  ['cinder', 'cinder'],
  ['cephfs', 'cephFS'],
  ['quobyte', 'quobyte'],
  ['downwardAPI', 'downwarAPI'],
  ['fc', 'fc'],
  ['flexVolume', 'flexVolume'],
  ['configMap', 'configMap'],
  ['azureFile', 'azureFile'],
  ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'],
  ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'],
  ['projected', 'projected'],
  ['scaleIO', 'scaleIO'],
  ['csi', 'csi'],
  ['ephemeral', 'ephemeral'],
  ['image', 'image'],
];

/** Fills one volume's defaults in place: no source means an emptyDir; file modes default to 0644. */
export function defaultVolume(v: JsonObject): void {
  if (!sources.some(([k]) => v[k] !== undefined && v[k] !== null)) v.emptyDir = {};
  for (const k of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const s = asObj(v[k]);
    if (s) setDefault(s, 'defaultMode', 0o644);
  }
  const hp = asObj(v.hostPath);
  if (hp) setDefault(hp, 'type', '');
}

const fileModeErrorMsg = 'must be a number between 0 and 0777 (octal), both inclusive';
const hostPathTypes = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];

function validateMode(mode: number | undefined, path: string): FieldError[] {
  return mode !== undefined && (mode > 0o777 || mode < 0) ? [invalid(path, mode, fileModeErrorMsg)] : [];
}

function validateKeyToPath(kp: Loose<KeyToPath>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const p = kp.path ?? '';
  if (!kp.key) errs.push(required(child(path, 'key'), ''));
  if (p === '') errs.push(required(child(path, 'path'), ''));
  errs.push(...validateLocalDescendingPath(p, child(path, 'path')));
  if (p.startsWith('..') && !p.startsWith('../')) errs.push(invalid(child(path, 'path'), p, "must not start with '..'"));
  errs.push(...validateMode(kp.mode, child(path, 'mode')));
  return errs;
}

function validateSource(v: Loose<Volume>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const raw = v as JsonObject;
  let n = 0;
  for (const [k, errPath] of sources) {
    if (raw[k] === undefined || raw[k] === null) continue;
    if (n > 0) {
      errs.push(forbidden(child(path, errPath), 'may not specify more than 1 volume type'));
      continue;
    }
    n++;
    const p = child(path, k);
    if (k === 'hostPath') {
      const hp = v.hostPath ?? {};
      if (!hp.path) errs.push(required(child(p, 'path'), ''));
      else {
        if (hp.path.replace(/\\/g, '/').split('/').includes('..')) errs.push(invalid(child(p, 'path'), hp.path, "must not contain '..'"));
        if (hp.type !== undefined && !hostPathTypes.includes(hp.type)) errs.push(unsupported(child(p, 'type'), hp.type, hostPathTypes));
      }
    } else if (k === 'secret' || k === 'configMap') {
      const s = (k === 'secret' ? v.secret : v.configMap) ?? {};
      const nameField = k === 'secret' ? 'secretName' : 'name';
      const name = k === 'secret' ? v.secret?.secretName : v.configMap?.name;
      if (!name) errs.push(required(child(p, nameField), ''));
      errs.push(...validateMode(s.defaultMode, child(p, 'defaultMode')));
      (s.items ?? []).forEach((kp, i) => errs.push(...validateKeyToPath(kp, index(child(p, 'items'), i))));
    } else if (k === 'persistentVolumeClaim') {
      if (!v.persistentVolumeClaim?.claimName) errs.push(required(child(p, 'claimName'), ''));
    } else if (k === 'downwardAPI' || k === 'projected') {
      const s = k === 'downwardAPI' ? v.downwardAPI : v.projected;
      errs.push(...validateMode(s?.defaultMode, child(p, 'defaultMode')));
    }
  }
  if (n === 0) errs.push(required(path, 'must specify a volume type'));
  return errs;
}

/** Validates the volumes and returns the names a volumeMount may refer to. */
export function validateVolumes(volumes: Loose<Volume>[] | undefined, path: string): { names: Set<string>; errs: FieldError[] } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (volumes ?? []).forEach((v, i) => {
    const p = index(path, i);
    const el = validateSource(v, p);
    const name = v.name ?? '';
    if (name === '') el.push(required(child(p, 'name'), ''));
    else el.push(...isDNS1123Label(name).map((m) => invalid(child(p, 'name'), name, m)));
    if (names.has(name)) el.push(duplicate(child(p, 'name'), name));
    // Only volumes without errors count as mountable (upstream behaviour).
    if (el.length === 0) names.add(name);
    else errs.push(...el);
  });
  return { names, errs };
}

