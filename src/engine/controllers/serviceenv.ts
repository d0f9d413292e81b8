/**
 * A container's environment as the kubelet builds it when the container starts: the
 * docker-links style Service variables, then the container's own `envFrom` and `env`, with
 * `$(VAR)` references expanded.
 *
 * Restated from the Kubernetes sources (not copied):
 * - pkg/kubelet/envvars/envvars.go (FromServices, makeLinkVariables): the variable names;
 * - pkg/kubelet/kubelet_pods.go (getServiceEnvVarMap, makeEnvironmentVariables,
 *   podFieldSelectorRuntimeValue): which Services a pod sees and how env is resolved;
 * - third_party/forked/golang/expansion/expand.go (Expand, MappingFuncFor): `$(VAR)`.
 *
 * Where the kubelet's order is Go map iteration (random), kubepath uses a fixed order: visible
 * Services by name, envFrom keys sorted per source.
 */
import type { Container } from 'kubernetes-types/core/v1';
import type { ConfigMapObject, PodObject, SecretObject, ServiceObject } from '../api/objects';
import { decodeBase64 } from '../api/validation/base64';
import { utf8Decode } from '../net/base64';

export interface EnvVar {
  name: string;
  value: string;
}

/** The Services every pod sees whatever its namespace and enableServiceLinks (kubelet's masterServices). */
const MASTER_NAMESPACE = 'default';
const MASTER_SERVICES: ReadonlySet<string> = new Set(['kubernetes']);

/** Service name → variable prefix: upper case, "-" → "_" (makeEnvVariableName). */
export function envVarPrefix(serviceName: string): string {
  return serviceName.replace(/-/g, '_').toUpperCase();
}

/** ClusterIP set and not "None" (v1helper.IsServiceIPSet); ExternalName Services have none. */
function hasClusterIP(svc: ServiceObject): boolean {
  const ip = svc.spec?.clusterIP;
  return ip !== undefined && ip !== '' && ip !== 'None' && svc.spec?.type !== 'ExternalName';
}

/** The docker-links style variables for these services, in the kubelet's order (FromServices). */
export function serviceEnvVars(services: ServiceObject[]): EnvVar[] {
  const out: EnvVar[] = [];
  for (const svc of services) {
    if (!hasClusterIP(svc)) continue;
    const ip = svc.spec!.clusterIP!;
    const prefix = envVarPrefix(svc.metadata.name);
    const ports = svc.spec?.ports ?? [];
    out.push({ name: `${prefix}_SERVICE_HOST`, value: ip });
    // Validation requires ports on a Service with a ClusterIP; without any there is nothing more to say.
    const first = ports[0];
    if (!first) continue;
    out.push({ name: `${prefix}_SERVICE_PORT`, value: String(first.port) });
    // Every named port (only the first may be unnamed).
    for (const p of ports) if (p.name) out.push({ name: `${prefix}_SERVICE_PORT_${envVarPrefix(p.name)}`, value: String(p.port) });
    // Docker-compatible link variables; the first port also gets the bare <NAME>_PORT.
    ports.forEach((p, i) => {
      const proto = p.protocol || 'TCP';
      const url = `${proto.toLowerCase()}://${ip}:${p.port}`;
      if (i === 0) out.push({ name: `${prefix}_PORT`, value: url });
      const pp = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
      out.push({ name: pp, value: url });
      out.push({ name: `${pp}_PROTO`, value: proto.toLowerCase() });
      out.push({ name: `${pp}_PORT`, value: String(p.port) });
      out.push({ name: `${pp}_ADDR`, value: ip });
    });
  }
  return out;
}

/**
 * Which services a container sees (getServiceEnvVarMap): `kubernetes` from `default` always,
 * even with enableServiceLinks false; the pod's own namespace's services when it is true.
 * Headless (clusterIP None/empty) and ExternalName services are skipped.
 *
 * On a name clash the pod's own namespace wins: the kubelet adds the `default` one only if the
 * name is not yet taken and lets a same-namespace service overwrite it, whatever the listing
 * order. Returned sorted by name (the kubelet's order is a Go map's).
 */
export function visibleServices(all: ServiceObject[], namespace: string, enableServiceLinks: boolean): ServiceObject[] {
  const byName = new Map<string, ServiceObject>();
  for (const svc of all) {
    if (!hasClusterIP(svc)) continue;
    const name = svc.metadata.name;
    const ns = svc.metadata.namespace ?? 'default';
    if (ns === MASTER_NAMESPACE && MASTER_SERVICES.has(name)) {
      if (!byName.has(name)) byName.set(name, svc);
    } else if (ns === namespace && enableServiceLinks) {
      byName.set(name, svc);
    }
  }
  return [...byName.values()].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
}

/**
 * `$(VAR)` expansion as the kubelet does it (expansion.Expand with MappingFuncFor): `$$` is a
 * literal `$`; `$(NAME)` is replaced when `lookup` knows NAME and left as written when not;
 * any other `$` (`$VAR`, `${VAR}`, an unclosed `$(`) stays as it is. Values are not expanded
 * again.
 */
export function expandEnv(input: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const next = input[cursor + 1];
    if (next === '$') {
      out += '$'; // escaped operator
      cursor += 1;
    } else if (next === '(') {
      const close = input.indexOf(')', cursor + 2);
      if (close < 0) {
        out += '$('; // incomplete reference: keep it, carry on after the "("
        cursor += 1;
      } else {
        const name = input.slice(cursor + 2, close);
        out += lookup(name) ?? `$(${name})`;
        cursor = close;
      }
    } else {
      out += `$${next}`; // not an expression: the operator and the character after it
      cursor += 1;
    }
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}


/** A Secret's keys as the container sees them: `data` base64-decoded, `stringData` (if the store kept it) on top. */
export function secretValues(secret: SecretObject): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(secret.data ?? {})) {
    const d = decodeBase64(String(v));
    out.set(k, 'bytes' in d ? utf8Decode(d.bytes) : String(v));
  }
  for (const [k, v] of Object.entries(secret.stringData ?? {})) out.set(k, String(v));
  return out;
}

function formatMapValue(m: Record<string, string> | undefined, key: string): string {
  return m?.[key] ?? '';
}

interface FieldContext {
  pod: PodObject;
  podIP?: string;
  hostIP?: string;
  nodeName?: string;
}

/** The downward API's env fields (podFieldSelectorRuntimeValue, fieldpath.ExtractFieldPathAsString). */
function fieldValue(fieldPath: string, c: FieldContext): string | undefined {
  const { pod } = c;
  const sub = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(fieldPath);
  if (sub) return formatMapValue(sub[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations, sub[2]!);
  switch (fieldPath) {
    case 'metadata.name':
      return pod.metadata.name;
    case 'metadata.namespace':
      return pod.metadata.namespace ?? 'default';
    case 'metadata.uid':
      return pod.metadata.uid ?? '';
    case 'spec.nodeName':
    case 'spec.host':
      return c.nodeName ?? pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? 'default';
    case 'status.hostIP':
    case 'status.hostIPs':
      return c.hostIP ?? pod.status?.hostIP ?? '';
    case 'status.podIP':
    case 'status.podIPs':
      return c.podIP ?? pod.status?.podIP ?? '';
    default:
      return undefined;
  }
}

/**
 * The Service variables for one namespace, built once and shared by every container started
 * in the same pass: with 2,000 Services that is 14,000 variables, which must not be copied
 * per container.
 */
export interface ServiceEnvironment {
  vars: readonly EnvVar[];
  byName: ReadonlyMap<string, string>;
}

export function serviceEnvironment(vars: readonly EnvVar[]): ServiceEnvironment {
  return { vars, byName: new Map(vars.map((v) => [v.name, v.value])) };
}

/** The environment a process sees: Service variables the container does not define itself, then its own. */
export function mergeEnv(service: ServiceEnvironment, own: readonly EnvVar[]): EnvVar[] {
  const mine = new Set(own.map((v) => v.name));
  const env: EnvVar[] = [];
  for (const v of service.vars) if (!mine.has(v.name)) env.push(v);
  for (const v of own) env.push(v);
  return env;
}

export interface ContainerEnvArgs {
  pod: PodObject;
  container: Container;
  /** All Services in the cluster (filtered with visibleServices). Ignored when `serviceEnv` is given. */
  services: ServiceObject[];
  /** Precomputed `serviceEnvVars(visibleServices(...))` for the pod's namespace, to share across pods. */
  serviceEnv?: EnvVar[];
  /** The same, with its name index; preferred over `serviceEnv` when given. */
  serviceEnvironment?: ServiceEnvironment;
  configMaps: ConfigMapObject[];
  secrets: SecretObject[];
  podIP?: string;
  hostIP?: string;
  nodeName?: string;
}

/**
 * A container's final environment (makeEnvironmentVariables): Service variables first (those
 * the container does not define itself), then `envFrom` and `env` in declaration order, later
 * definitions of a name replacing earlier ones in place. An `env` value is expanded against
 * envFrom, the env entries before it and the Service variables. Missing ConfigMaps, Secrets or
 * keys (not `optional`) become problems, worded as the kubelet's CreateContainerConfigError
 * events; the variable is then left out.
 */
export function containerEnv(args: ContainerEnvArgs): { env: EnvVar[]; problems: string[] } {
  const { own, service, problems } = containerOwnEnv(args);
  return { env: mergeEnv(service, own), problems };
}

/** The container's own variables (envFrom, env, expanded), kept apart from the shared Service ones. */
export function containerOwnEnv(args: ContainerEnvArgs): { own: EnvVar[]; service: ServiceEnvironment; problems: string[] } {
  const { pod, container } = args;
  const ns = pod.metadata.namespace ?? 'default';
  const problems: string[] = [];
  const links = pod.spec?.enableServiceLinks ?? true;
  const service =
    args.serviceEnvironment ?? serviceEnvironment(args.serviceEnv ?? serviceEnvVars(visibleServices(args.services, ns, links)));
  const serviceEnv = service.byName;

  const configMap = (name: string) => args.configMaps.find((c) => c.metadata.name === name && (c.metadata.namespace ?? 'default') === ns);
  const secretCache = new Map<string, Map<string, string> | undefined>();
  const secret = (name: string) => {
    if (!secretCache.has(name)) {
      const s = args.secrets.find((x) => x.metadata.name === name && (x.metadata.namespace ?? 'default') === ns);
      secretCache.set(name, s ? secretValues(s) : undefined);
    }
    return secretCache.get(name);
  };

  const own = new Map<string, string>();
  for (const from of container.envFrom ?? []) {
    const prefix = from.prefix ?? '';
    if (from.configMapRef) {
      const name = from.configMapRef.name ?? '';
      const cm = configMap(name);
      if (!cm) {
        if (!from.configMapRef.optional) problems.push(`configmap "${name}" not found`);
        continue;
      }
      for (const k of Object.keys(cm.data ?? {}).sort()) own.set(prefix + k, cm.data![k]!);
    } else if (from.secretRef) {
      const name = from.secretRef.name ?? '';
      const values = secret(name);
      if (!values) {
        if (!from.secretRef.optional) problems.push(`secret "${name}" not found`);
        continue;
      }
      for (const k of [...values.keys()].sort()) own.set(prefix + k, values.get(k)!);
    }
  }

  const lookup = (name: string) => own.get(name) ?? serviceEnv.get(name);
  for (const e of container.env ?? []) {
    let value: string | undefined = e.value ?? '';
    if (value !== '') value = expandEnv(value, lookup);
    else if (e.valueFrom) {
      const vf = e.valueFrom;
      if (vf.fieldRef) {
        value = fieldValue(vf.fieldRef.fieldPath, { pod, podIP: args.podIP, hostIP: args.hostIP, nodeName: args.nodeName });
        if (value === undefined) problems.push(`unsupported fieldPath: ${vf.fieldRef.fieldPath}`);
      } else if (vf.configMapKeyRef) {
        const { name = '', key, optional } = vf.configMapKeyRef;
        const cm = configMap(name);
        value = cm?.data?.[key];
        if (!cm && !optional) problems.push(`configmap "${name}" not found`);
        else if (cm && value === undefined && !optional) problems.push(`couldn't find key ${key} in ConfigMap ${ns}/${name}`);
      } else if (vf.secretKeyRef) {
        const { name = '', key, optional } = vf.secretKeyRef;
        const values = secret(name);
        value = values?.get(key);
        if (!values && !optional) problems.push(`secret "${name}" not found`);
        else if (values && value === undefined && !optional) problems.push(`couldn't find key ${key} in Secret ${ns}/${name}`);
      } else if (vf.resourceFieldRef) {
        value = undefined;
        problems.push(`resourceFieldRef ${vf.resourceFieldRef.resource} is not modelled by kubepath`);
      }
    }
    if (value !== undefined) own.set(e.name, value);
  }

  return { own: [...own].map(([name, value]) => ({ name, value })), service, problems };
}
