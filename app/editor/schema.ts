import type { JSONSchema } from 'monaco-yaml';

/** The kinds kubepath models. Anything else is flagged by the editor. */
export const SUPPORTED_KINDS = [
  'Namespace',
  'Node',
  'Pod',
  'Service',
  'ConfigMap',
  'Secret',
  'Deployment',
  'ReplicaSet',
  'EndpointSlice',
  'Ingress',
  'IngressClass',
] as const;

export type SupportedKind = (typeof SUPPORTED_KINDS)[number];

export const MANIFEST_SCHEMA_URI = 'inmemory://kubepath/schemas/manifest.json';

/**
 * A deliberately small schema: the fields every object needs. Kind-specific validation
 * comes from the engine's diagnostics, which know the API server's own rules and messages.
 */
export const manifestSchema: JSONSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Kubernetes object',
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata'],
  properties: {
    apiVersion: {
      type: 'string',
      description: 'The versioned schema of this object, e.g. `v1` or `apps/v1`.',
      examples: ['v1', 'apps/v1', 'networking.k8s.io/v1', 'discovery.k8s.io/v1'],
    },
    kind: {
      type: 'string',
      description: 'The kind of object. kubepath models these kinds.',
      enum: [...SUPPORTED_KINDS],
    },
    metadata: {
      type: 'object',
      description: "The object's name, namespace, labels and annotations.",
      required: ['name'],
      properties: {
        name: { type: 'string', minLength: 1, description: 'Unique within its namespace and kind.' },
        namespace: { type: 'string', description: 'Defaults to `default` for namespaced kinds.' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        annotations: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    spec: { type: 'object' },
    data: { type: 'object' },
  },
};
