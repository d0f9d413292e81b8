/** What validation needs to know about the cluster. */
export interface ValidationContext {
  /** --service-node-port-range, e.g. { base: 30000, size: 2768 } for 30000-32767. */
  nodePortRange: { base: number; size: number };
}

export const DEFAULT_VALIDATION_CONTEXT: ValidationContext = { nodePortRange: { base: 30000, size: 2768 } };
