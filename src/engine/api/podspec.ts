/**
 * PodSpec and PodTemplateSpec: schema, defaults (SetDefaults_PodSpec; SetDefaults_Pod for the parts
 * only a Pod gets) and validation (ValidatePodSpec, ValidatePodTemplateSpec in
 * pkg/apis/core/validation/validation.go).
 */
import type { PodDNSConfig, PodSpec, PodTemplateSpec, Toleration } from 'kubernetes-types/core/v1';
import { type FieldError, forbidden, invalid, required, unsupported } from './field';
import { containerSchema, defaultContainer, validateContainers, validateInitContainers } from './container';
import { defaultVolume, validateVolumes, volumeSchema } from './volume';
import { isValidIP } from './validation/ip';
import { asObj, child, index, isObj, type JsonObject, type Loose, listOf, setDefault } from './validation/json';
import { isValidLabelValue, validateLabelName, validateLabels, validateAnnotations } from './validation/labels';
import { metaSchema } from './validation/meta';
import { isDNS1123Label, isDNS1123SubdomainWithUnderscore, inclusiveRangeError, nameIsDNSSubdomain } from './validation/names';
import { type Schema, arr, map, obj } from './validation/schema';

export const podSpecSchema: Schema = obj({
  containers: arr(containerSchema),
  initContainers: arr(containerSchema),
  ephemeralContainers: arr('any'),
  volumes: arr(volumeSchema),
  restartPolicy: 'string',
  dnsPolicy: 'string',
  dnsConfig: obj({ nameservers: arr('string'), searches: arr('string'), options: arr(obj({ name: 'string', value: 'string' })) }),
  nodeSelector: map('string'),
  nodeName: 'string',
  hostname: 'string',
  subdomain: 'string',
  hostNetwork: 'bool',
  serviceAccountName: 'string',
  serviceAccount: 'string',
  terminationGracePeriodSeconds: 'int64',
  activeDeadlineSeconds: 'int64',
  schedulerName: 'string',
  enableServiceLinks: 'bool',
  priorityClassName: 'string',
  tolerations: arr(obj({ key: 'string', operator: 'string', value: 'string', effect: 'string', tolerationSeconds: 'int64' })),
  hostAliases: arr(obj({ ip: 'string', hostnames: arr('string') })),
});

export const podTemplateSchema: Schema = obj({ metadata: metaSchema, spec: podSpecSchema });

/** Fills a pod spec's defaults in place. `isPod` adds what SetDefaults_Pod does for a Pod only. */
export function defaultPodSpecInPlace(spec: JsonObject, isPod: boolean): void {
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'schedulerName', 'default-scheduler');
  if (spec.dnsPolicy === '') spec.dnsPolicy = 'ClusterFirst';
  if (spec.restartPolicy === '') spec.restartPolicy = 'Always';
  if (spec.schedulerName === '') spec.schedulerName = 'default-scheduler';
  const containers = [...listOf(spec, 'containers'), ...listOf(spec, 'initContainers')].filter(isObj);
  containers.forEach(defaultContainer);
  listOf(spec, 'volumes').filter(isObj).forEach(defaultVolume);
  if (!isPod) return;
  setDefault(spec, 'enableServiceLinks', true);
  for (const c of containers) {
    // Requests default to limits when a container only sets limits.
    const res = asObj(c.resources);
    const limits = asObj(res?.limits);
    if (res && limits) {
      if (res.requests === undefined || res.requests === null) res.requests = {};
      const requests = asObj(res.requests);
      if (requests) for (const [k, v] of Object.entries(limits)) setDefault(requests, k, v);
    }
    // With host networking every container port is also a host port.
    if (spec.hostNetwork === true) {
      for (const p of listOf(c, 'ports').filter(isObj)) {
        if ((p.hostPort === undefined || p.hostPort === null || p.hostPort === 0) && p.containerPort !== undefined) p.hostPort = p.containerPort;
      }
    }
  }
}

function validateDNSConfig(cfg: Loose<PodDNSConfig> | undefined, dnsPolicy: string | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (dnsPolicy === 'None') {
    if (!cfg) return [required(path, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if ((cfg.nameservers ?? []).length === 0) {
      return [required(child(path, 'nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
    }
  }
  if (!cfg) return errs;
  const ns = cfg.nameservers ?? [];
  if (ns.length > 3) errs.push(invalid(child(path, 'nameservers'), ns, 'must not have more than 3 nameservers'));
  ns.forEach((n, i) => errs.push(...isValidIP(index(child(path, 'nameservers'), i), n)));
  const searches = cfg.searches ?? [];
  if (searches.length > 32) errs.push(invalid(child(path, 'searches'), searches, 'must not have more than 32 search paths'));
  if (searches.join(' ').length > 2048) {
    errs.push(invalid(child(path, 'searches'), searches, 'must not have more than 2048 characters (including spaces) in the search list'));
  }
  searches.forEach((s, i) => {
    if (s === '.') return;
    const trimmed = s.endsWith('.') ? s.slice(0, -1) : s;
    errs.push(...isDNS1123SubdomainWithUnderscore(trimmed).map((m) => invalid(index(child(path, 'searches'), i), trimmed, m)));
  });
  (cfg.options ?? []).forEach((o, i) => {
    if (!o.name) errs.push(required(index(child(path, 'options'), i), 'must not be empty'));
  });
  return errs;
}

export function validateTolerations(tolerations: Loose<Toleration>[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (tolerations ?? []).forEach((t, i) => {
    const p = index(path, i);
    const k = t.key ?? '';
    const op = t.operator ?? '';
    const effect = t.effect ?? '';
    if (k) errs.push(...validateLabelName(k, child(p, 'key')));
    if (k === '' && op !== 'Exists') {
      errs.push(invalid(child(p, 'operator'), op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t.tolerationSeconds !== undefined && effect !== 'NoExecute') {
      errs.push(invalid(child(p, 'effect'), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (op === 'Equal' || op === '') {
      const msgs = isValidLabelValue(t.value ?? '');
      if (msgs.length > 0) errs.push(invalid(child(p, 'operator'), t.value ?? '', msgs.join(';')));
    } else if (op === 'Exists') {
      if (t.value) errs.push(invalid(child(p, 'operator'), t.value, "value must be empty when `operator` is 'Exists'"));
    } else {
      errs.push(unsupported(child(p, 'operator'), op, ['Equal', 'Exists']));
    }
    if (effect && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(effect)) {
      errs.push(unsupported(child(p, 'effect'), effect, ['NoSchedule', 'PreferNoSchedule', 'NoExecute']));
    }
  });
  return errs;
}

const subdomainErrs = (v: string | undefined, path: string): FieldError[] =>
  v ? nameIsDNSSubdomain(v, false).map((m) => invalid(path, v, m)) : [];
const labelErrs = (v: string | undefined, path: string): FieldError[] => (v ? isDNS1123Label(v).map((m) => invalid(path, v, m)) : []);

export function validatePodSpec(spec: Loose<PodSpec> | undefined, path: string, isPod: boolean): FieldError[] {
  const s = spec ?? {};
  const errs: FieldError[] = [];
  if (s.terminationGracePeriodSeconds === undefined) errs.push(required(child(path, 'terminationGracePeriodSeconds'), ''));
  const grace = s.terminationGracePeriodSeconds;
  const vols = validateVolumes(s.volumes, child(path, 'volumes'));
  errs.push(...vols.errs);
  errs.push(...validateContainers(s.containers, vols.names, grace, child(path, 'containers')));
  errs.push(...validateInitContainers(s.initContainers, s.containers, vols.names, grace, child(path, 'initContainers')));
  if (s.hostNetwork) {
    (s.containers ?? []).forEach((c, ci) =>
      (c.ports ?? []).forEach((p, pi) => {
        const hp = p.hostPort ?? 0;
        if ((isPod || hp !== 0) && hp !== (p.containerPort ?? 0)) {
          const pp = child(index(child(index(child(path, 'containers'), ci), 'ports'), pi), 'hostPort');
          errs.push(invalid(pp, hp, 'must match `containerPort` when `hostNetwork` is true'));
        }
      }),
    );
  }
  const rp = s.restartPolicy ?? '';
  if (rp === '') errs.push(required(child(path, 'restartPolicy'), ''));
  else if (!['Always', 'OnFailure', 'Never'].includes(rp)) errs.push(unsupported(child(path, 'restartPolicy'), rp, ['Always', 'OnFailure', 'Never']));
  const dp = s.dnsPolicy ?? '';
  const dnsPolicies = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
  if (dp === '') errs.push(required(child(path, 'dnsPolicy'), ''));
  else if (!dnsPolicies.includes(dp)) errs.push(unsupported(child(path, 'dnsPolicy'), dp, dnsPolicies));
  errs.push(...validateLabels(s.nodeSelector, child(path, 'nodeSelector')));
  errs.push(...validateDNSConfig(s.dnsConfig, s.dnsPolicy, child(path, 'dnsConfig')));
  errs.push(...subdomainErrs(s.serviceAccountName, child(path, 'serviceAccountName')));
  errs.push(...subdomainErrs(s.nodeName, child(path, 'nodeName')));
  if (s.activeDeadlineSeconds !== undefined && (s.activeDeadlineSeconds < 1 || s.activeDeadlineSeconds > 2147483647)) {
    errs.push(invalid(child(path, 'activeDeadlineSeconds'), s.activeDeadlineSeconds, inclusiveRangeError(1, 2147483647)));
  }
  errs.push(...labelErrs(s.hostname, child(path, 'hostname')));
  errs.push(...labelErrs(s.subdomain, child(path, 'subdomain')));
  errs.push(...validateTolerations(s.tolerations, child(path, 'tolerations')));
  (s.hostAliases ?? []).forEach((h, i) => {
    const p = index(child(path, 'hostAliases'), i);
    errs.push(...isValidIP(child(p, 'ip'), h.ip ?? ''));
    (h.hostnames ?? []).forEach((n, j) =>
      errs.push(...nameIsDNSSubdomain(n, false).map((m) => invalid(index(child(p, 'hostnames'), j), n, m))),
    );
  });
  errs.push(...subdomainErrs(s.priorityClassName, child(path, 'priorityClassName')));
  return errs;
}

/** A pod template: labels and annotations are reported at `<path>.labels` (upstream omits "metadata"). */
export function validatePodTemplateSpec(t: Loose<PodTemplateSpec> | undefined, path: string): FieldError[] {
  const errs = [
    ...validateLabels(t?.metadata?.labels, child(path, 'labels')),
    ...validateAnnotations(t?.metadata?.annotations, child(path, 'annotations')),
    ...validatePodSpec(t?.spec, child(path, 'spec'), false),
  ];
  if ((t?.spec?.ephemeralContainers ?? []).length > 0) {
    errs.push(forbidden(child(child(path, 'spec'), 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}
