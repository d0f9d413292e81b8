/**
 * The engine's public API (../shared/DESIGN.md, "The engine API"). The app imports the engine
 * only from here.
 */
import type { PlaygroundOptions } from './types';
import { ClusterPlayground } from './playground';

export type * from './types';
export type { ObjectRef, PatchType, ChangeResult, PlaygroundApplyResult, ApplyOutcomeEntry, ApplyOptions, DocumentSource, ContainerListeners, IngressServerView } from './playground';
export type { KubeObject, ServiceObject } from './api/objects';
export type { BackendCheck } from './dataplane/loadbalancer';
export type { SourceRange } from './manifest/parse';
export { ClusterPlayground } from './playground';
export type { Workstation, WorkstationIO, WorkstationResult, PodShell, PodShellResult, NodeShell, NodeShellResult, AttachedShell, ShellLineResult, EditSession, PortForward } from './kubectl/workstation';
export { DIAGNOSTIC_CODES } from './diagnostics';
export { SUPPORTED_KINDS } from './api/kinds';
export { OptionsError } from './cluster/options';
/** The kubelet's docker-links style Service variables (`WEB_SERVICE_HOST`, `WEB_PORT_80_TCP`, ...). */
export { serviceEnvVars, envVarPrefix, type EnvVar } from './controllers/serviceenv';

/**
 * A new cluster with the system add-ons running. The methods in the DESIGN contract that need
 * the data plane (request, tracePacket, iptablesSave), DNS (resolve), ingress (routeIngress)
 * and kubectl arrive with their issues; until then they are not on the object.
 */
export function createPlayground(options?: PlaygroundOptions): ClusterPlayground {
  return new ClusterPlayground(options);
}
