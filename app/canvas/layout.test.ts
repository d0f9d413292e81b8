import { describe, expect, it } from 'vitest';
import { clusterToFlow } from './layout';
import { createPlayground } from '../../src/engine';
import { sampleManifests } from '../editor/sample';
import { canvasFromSnapshot } from './fromSnapshot';

const pg = createPlayground();
pg.apply(sampleManifests);
const sampleCluster = canvasFromSnapshot(pg.snapshot());

describe('clusterToFlow', () => {
  const flow = clusterToFlow(sampleCluster);

  it('lists every group before its pods, with sizes and extent parent', () => {
    const index = new Map(flow.nodes.map((n, i) => [n.id, i]));
    for (const node of flow.nodes) {
      if (node.type === 'k8sNode') expect(node.width && node.height).toBeGreaterThan(0);
      if (node.type !== 'pod') continue;
      expect(node.extent).toBe('parent');
      expect(node.parentId).toBeDefined();
      expect(index.get(node.parentId ?? '')).toBeLessThan(index.get(node.id) ?? -1);
    }
  });

  it('names every element for assistive technology', () => {
    const labels = flow.nodes.map((n) => n.ariaLabel);
    expect(labels).toEqual(
      expect.arrayContaining(['Node node-1', 'Node node-2', 'Service web', expect.stringMatching(/^Pod web-/)]),
    );
  });

  it('draws one edge per endpoint, from the Service to the pod', () => {
    expect(flow.edges.map((e) => [e.source, e.target])).toEqual(
      sampleCluster.services[0]?.endpoints.map((ep) => ['service:default/web', ep.pod]),
    );
  });

  it('is deterministic', () => {
    expect(clusterToFlow(sampleCluster)).toEqual(flow);
  });
});
