import './inspector.css';
import type { ReactNode } from 'react';
import { findElement, type CanvasElement } from '../canvas/model';
import { useWorkspace } from '../store';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Labels({ labels }: { labels: Record<string, string> }) {
  const entries = Object.entries(labels);
  if (!entries.length) return <span className="muted">none</span>;
  return (
    <ul className="tag-list">
      {entries.map(([k, v]) => (
        <li key={k} className="tag">
          {k}={v}
        </li>
      ))}
    </ul>
  );
}

/** "ReplicaSet/ns/name" → "ReplicaSet/name", as kubectl describe shows it. */
function ownerName(owner: string): string {
  const [kind, , name] = owner.split('/');
  return `${kind}/${name ?? ''}`;
}

function Details({ element }: { element: CanvasElement }) {
  switch (element.kind) {
    case 'node': {
      const { node } = element;
      return (
        <>
          <p className="inspector-kind">Node</p>
          <h3 className="inspector-name">{node.name}</h3>
          <dl className="fields">
            <Field label="InternalIP">{node.internalIP}</Field>
            <Field label="PodCIDR">{node.podCIDR}</Field>
            <Field label="Pods">{node.pods.length}</Field>
          </dl>
        </>
      );
    }
    case 'pod': {
      const { pod, node } = element;
      return (
        <>
          <p className="inspector-kind">Pod</p>
          <h3 className="inspector-name">{pod.name}</h3>
          <dl className="fields">
            <Field label="Namespace">{pod.namespace}</Field>
            <Field label="Node">{node.name}</Field>
            <Field label="IP">{pod.ip ?? <span className="muted">none</span>}</Field>
            <Field label="Status">
              {pod.phase}
              {pod.ready ? ', ready' : ', not ready'}
            </Field>
            {pod.owner && <Field label="Controlled by">{ownerName(pod.owner)}</Field>}
            <Field label="Labels">
              <Labels labels={pod.labels} />
            </Field>
            <Field label="Containers">
              <ul className="plain-list">
                {pod.containers.map((c) => (
                  <li key={c.name}>
                    <strong>{c.name}</strong> <span className="muted">{c.image}</span>
                    {c.ports.length > 0 && <span className="muted"> · {c.ports.join(', ')}</span>}
                  </li>
                ))}
              </ul>
            </Field>
          </dl>
        </>
      );
    }
    case 'service': {
      const { service } = element;
      return (
        <>
          <p className="inspector-kind">Service</p>
          <h3 className="inspector-name">{service.name}</h3>
          <dl className="fields">
            <Field label="Namespace">{service.namespace}</Field>
            <Field label="Type">{service.type}</Field>
            <Field label="ClusterIP">{service.clusterIP ?? <span className="muted">None</span>}</Field>
            <Field label="Ports">
              <ul className="plain-list">
                {service.ports.map((p) => (
                  <li key={`${p.port}/${p.protocol}`}>
                    {p.name ? `${p.name} ` : ''}
                    {p.port}/{p.protocol} → {p.targetPort}
                  </li>
                ))}
              </ul>
            </Field>
            <Field label="Selector">
              <Labels labels={service.selector ?? {}} />
            </Field>
            <Field label="Endpoints">
              <ul className="plain-list">
                {service.endpoints.map((e) => (
                  <li key={e.pod}>
                    {e.ip}:{e.port} <span className="muted">{e.ready ? 'ready' : 'not ready'}</span>
                  </li>
                ))}
              </ul>
            </Field>
          </dl>
        </>
      );
    }
  }
}

export function Inspector() {
  const selection = useWorkspace((s) => s.selection);
  const cluster = useWorkspace((s) => s.cluster);
  const element = selection ? findElement(cluster, selection) : undefined;

  return (
    <aside className="pane inspector-pane" aria-label="Inspector">
      <header className="pane-header">
        <h2 className="pane-title">Inspector</h2>
      </header>
      <div className="inspector-body">
        {element ? (
          <Details element={element} />
        ) : (
          <div className="empty-state">
            <svg width="40" height="40" viewBox="0 0 40 40" fill="none" aria-hidden="true" className="empty-state__art">
              <rect x="5" y="9" width="30" height="22" rx="4" stroke="currentColor" strokeWidth="1.6" strokeDasharray="3 3" />
              <path d="M22 20l8 8m-8-8v6m0-6h6" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            <p className="empty-state__title">Nothing selected</p>
            <p className="empty-state__text">
              Select a node, pod or Service on the canvas to see its addresses, labels and endpoints.
            </p>
          </div>
        )}
      </div>
    </aside>
  );
}
