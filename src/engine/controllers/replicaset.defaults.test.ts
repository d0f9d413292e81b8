import { describe, expect, it } from 'vitest';
import { createPlayground } from '../index';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 1
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: nginx, image: nginx:1.25 }]
`;

describe('pods a ReplicaSet makes get the Pod defaults the API server gives on create', () => {
  it('has enableServiceLinks, so labelling the pod later is not a spec change', () => {
    const pg = createPlayground();
    pg.apply(DEPLOYMENT);
    pg.advance(10);
    const pod = pg.listObjects('Pod', 'default')[0]!;
    expect(pod.kind === 'Pod' && pod.spec?.enableServiceLinks).toBe(true);
    expect(pg.kubectl(`kubectl label pod ${pod.metadata.name} tier=front`)).toMatchObject({ stdout: `pod/${pod.metadata.name} labeled\n`, exitCode: 0 });
  });
});
