/**
 * Containers of a pod spec: schema, defaults (SetDefaults_Container in pkg/apis/core/v1/defaults.go,
 * plus the declarative `protocol: TCP` of ContainerPort) and validation (validateContainerCommon,
 * validateContainers, validateInitContainers in pkg/apis/core/validation/validation.go).
 * Env vars, envFrom and volume mounts are in env.ts.
 */
import type { Container, ContainerPort } from 'kubernetes-types/core/v1';
import { type FieldError, duplicate, forbidden, invalid, required, unsupported } from './field';
import { envFromSchema, envSchema, validateEnv, validateEnvFrom, validateVolumeMounts, volumeMountSchema } from './env';
import { defaultLifecycle, defaultProbe, lifecycleSchema, probeSchema, validateLifecycle, validateProbe } from './probe';
import { asObj, child, index, isObj, type JsonObject, type Loose, listOf, setDefault } from './validation/json';
import { isDNS1123Label, isValidPortName, isValidPortNum } from './validation/names';
import { type Schema, arr, map, obj } from './validation/schema';

export const containerSchema: Schema = obj({
  name: 'string',
  image: 'string',
  imagePullPolicy: 'string',
  command: arr('string'),
  args: arr('string'),
  workingDir: 'string',
  ports: arr(obj({ name: 'string', containerPort: 'int32', hostPort: 'int32', hostIP: 'string', protocol: 'string' })),
  env: envSchema,
  envFrom: envFromSchema,
  volumeMounts: arr(volumeMountSchema),
  resources: obj({ limits: map('any'), requests: map('any') }),
  livenessProbe: probeSchema,
  readinessProbe: probeSchema,
  startupProbe: probeSchema,
  lifecycle: lifecycleSchema,
  restartPolicy: 'string',
  terminationMessagePath: 'string',
  terminationMessagePolicy: 'string',
  stdin: 'bool',
  stdinOnce: 'bool',
  tty: 'bool',
});

// A container image reference (distribution/reference grammar, simplified): optional registry
// host[:port]/, lowercase path components, optional :tag, optional @digest.
const imageRefRe =
  /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?|\[[0-9a-fA-F:]+\](?::[0-9]+)?)\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::([\w][\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$/;

/**
 * The tag the kubelet would pull: as pkg/util/parsers.ParseImageName, "latest" when the reference
 * has neither tag nor digest, "" when it has only a digest or does not parse.
 */
export function imageTag(image: string): string {
  const m = imageRefRe.exec(image);
  if (!m) return '';
  const tag = m[1] ?? '';
  const digest = m[2] ?? '';
  return tag === '' && digest === '' ? 'latest' : tag;
}

/** Always for ":latest" (or no tag), IfNotPresent otherwise. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  return imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent';
}

/** Fills one container's defaults in place (the caller owns the copy). */
export function defaultContainer(c: JsonObject): void {
  if (c.imagePullPolicy === undefined || c.imagePullPolicy === null || c.imagePullPolicy === '') {
    c.imagePullPolicy = defaultPullPolicy(typeof c.image === 'string' ? c.image : '');
  }
  if (!c.terminationMessagePath) c.terminationMessagePath = '/dev/termination-log';
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File';
  for (const p of listOf(c, 'ports')) if (isObj(p)) setDefault(p, 'protocol', 'TCP');
  for (const e of listOf(c, 'env')) {
    const fieldRef = asObj(asObj(asObj(e)?.valueFrom)?.fieldRef);
    if (fieldRef && !fieldRef.apiVersion) fieldRef.apiVersion = 'v1';
  }
  defaultProbe(asObj(c.livenessProbe));
  defaultProbe(asObj(c.readinessProbe));
  defaultProbe(asObj(c.startupProbe));
  defaultLifecycle(asObj(c.lifecycle));
}

const supportedProtocols = ['SCTP', 'TCP', 'UDP'];

export function validateContainerPorts(ports: Loose<ContainerPort>[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const p = index(path, i);
    const name = port.name ?? '';
    if (name) {
      const msgs = isValidPortName(name);
      if (msgs.length > 0) errs.push(...msgs.map((m) => invalid(child(p, 'name'), name, m)));
      else if (names.has(name)) errs.push(duplicate(child(p, 'name'), name));
      else names.add(name);
    }
    const cp = port.containerPort ?? 0;
    if (cp === 0) errs.push(required(child(p, 'containerPort'), ''));
    else errs.push(...isValidPortNum(cp).map((m) => invalid(child(p, 'containerPort'), cp, m)));
    const hp = port.hostPort ?? 0;
    if (hp !== 0) errs.push(...isValidPortNum(hp).map((m) => invalid(child(p, 'hostPort'), hp, m)));
    const proto = port.protocol ?? '';
    if (proto === '') errs.push(required(child(p, 'protocol'), ''));
    else if (!supportedProtocols.includes(proto)) errs.push(unsupported(child(p, 'protocol'), proto, supportedProtocols));
  });
  return errs;
}

/** Checks shared by regular and init containers. */
function validateContainerCommon(c: Loose<Container>, volumes: ReadonlySet<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = c.name ?? '';
  if (name === '') errs.push(required(child(path, 'name'), ''));
  else errs.push(...isDNS1123Label(name).map((m) => invalid(child(path, 'name'), name, m)));
  if (!c.image) errs.push(required(child(path, 'image'), ''));
  const tmp = c.terminationMessagePolicy ?? '';
  if (tmp === '') errs.push(required(child(path, 'terminationMessagePolicy'), ''));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') {
    errs.push(unsupported(child(path, 'terminationMessagePolicy'), tmp, ['File', 'FallbackToLogsOnError']));
  }
  errs.push(...validateContainerPorts(c.ports, child(path, 'ports')));
  errs.push(...validateEnv(c.env, child(path, 'env')));
  errs.push(...validateEnvFrom(c.envFrom, child(path, 'envFrom')));
  errs.push(...validateVolumeMounts(c.volumeMounts, volumes, c.securityContext?.privileged === true, child(path, 'volumeMounts')));
  const pull = c.imagePullPolicy ?? '';
  if (pull === '') errs.push(required(child(path, 'imagePullPolicy'), ''));
  else if (!['Always', 'IfNotPresent', 'Never'].includes(pull)) {
    errs.push(unsupported(child(path, 'imagePullPolicy'), pull, ['Always', 'IfNotPresent', 'Never']));
  }
  return errs;
}

/** Host ports must be unique per protocol and host IP (AccumulateUniqueHostPorts). */
function checkHostPortConflicts(containers: Loose<Container>[], path: string): FieldError[] {
  const seen = new Set<string>();
  const errs: FieldError[] = [];
  containers.forEach((c, ci) => {
    (c.ports ?? []).forEach((p, pi) => {
      const hp = p.hostPort ?? 0;
      if (hp === 0) return;
      const k = `${p.protocol ?? ''}/${p.hostIP ?? ''}/${hp}`;
      if (seen.has(k)) errs.push(duplicate(child(index(child(index(path, ci), 'ports'), pi), 'hostPort'), k));
      else seen.add(k);
    });
  });
  return errs;
}

export function validateContainers(
  containers: Loose<Container>[] | undefined,
  volumes: ReadonlySet<string>,
  gracePeriod: number | undefined,
  path: string,
): FieldError[] {
  const list = containers ?? [];
  if (list.length === 0) return [required(path, '')];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list.forEach((c, i) => {
    const p = index(path, i);
    errs.push(...validateContainerCommon(c, volumes, p));
    const name = c.name ?? '';
    if (names.has(name)) errs.push(duplicate(child(p, 'name'), name));
    else names.add(name);
    if (c.lifecycle) errs.push(...validateLifecycle(c.lifecycle, gracePeriod, child(p, 'lifecycle')));
    for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
      errs.push(...validateProbe(kind, c[kind], gracePeriod, child(p, kind)));
    }
    if (c.restartPolicy !== undefined) errs.push(forbidden(child(p, 'restartPolicy'), 'may not be set for non-init containers'));
  });
  errs.push(...checkHostPortConflicts(list, path));
  return errs;
}

export function validateInitContainers(
  inits: Loose<Container>[] | undefined,
  regular: Loose<Container>[] | undefined,
  volumes: ReadonlySet<string>,
  gracePeriod: number | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set((regular ?? []).map((c) => c.name ?? ''));
  (inits ?? []).forEach((c, i) => {
    const p = index(path, i);
    errs.push(...validateContainerCommon(c, volumes, p));
    let restartAlways = false;
    if (c.restartPolicy !== undefined) {
      if (c.restartPolicy === 'Always') restartAlways = true;
      else errs.push(unsupported(child(p, 'restartPolicy'), c.restartPolicy, ['Always']));
    }
    const name = c.name ?? '';
    if (names.has(name)) errs.push(duplicate(child(p, 'name'), name));
    else if (name) names.add(name);
    // Init containers run one at a time, so host ports are only checked within each one. Upstream
    // passes a one-element list, so a conflict is reported at index 0 whatever the container's.
    errs.push(...checkHostPortConflicts([c], path));
    if (restartAlways) {
      if (c.lifecycle) errs.push(...validateLifecycle(c.lifecycle, gracePeriod, child(p, 'lifecycle')));
      for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
        errs.push(...validateProbe(kind, c[kind], gracePeriod, child(p, kind)));
      }
    } else {
      for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
        if (c[f]) errs.push(forbidden(child(p, f), 'may not be set for init containers without restartPolicy=Always'));
      }
    }
  });
  return errs;
}
