import { memo } from 'react';
import { Handle, Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import type { NodeGroupFlowNode, PodFlowNode, ServiceFlowNode } from './layout';
import { ContainerIcon, PodIcon, ServerIcon, ServiceIcon } from './icons';

const NodeGroup = memo(function NodeGroup({ data, selected }: NodeProps<NodeGroupFlowNode>) {
  const { node } = data;
  return (
    <div className="k8s-node" data-selected={selected || undefined}>
      <div className="k8s-node__header">
        <span className="k8s-node__icon">
          <ServerIcon />
        </span>
        <span className="k8s-node__name">{node.name}</span>
        <span className="k8s-node__label">podCIDR</span>
        <span className="k8s-node__ip" title="InternalIP">
          {node.internalIP}
        </span>
        <span className="k8s-node__cidr">{node.podCIDR}</span>
      </div>
    </div>
  );
});

const PodCard = memo(function PodCard({ data, selected }: NodeProps<PodFlowNode>) {
  const { pod } = data;
  const state = pod.ready ? 'ready' : pod.phase === 'Running' ? 'not-ready' : 'pending';
  return (
    <div className="pod" data-state={state} data-selected={selected || undefined}>
      <Handle type="target" position={Position.Top} isConnectable={false} className="rf-handle" />
      <div className="pod__header">
        <span className="pod__icon">
          <PodIcon />
        </span>
        <span className="pod__name" title={pod.name}>
          {pod.name}
        </span>
      </div>
      <div className="pod__meta">
        <span className="status-dot" data-state={state} aria-hidden="true" />
        <span>{pod.phase}</span>
        <span className="pod__ip">{pod.ip ?? 'no IP yet'}</span>
      </div>
      <ul className="pod__containers">
        {pod.containers.map((c) => (
          <li key={c.name} className="container-chip" title={`${c.name}: ${c.image}`}>
            <ContainerIcon />
            <span className="container-chip__name">{c.name}</span>
            <span className="container-chip__image">{c.image}</span>
            {c.ports.length > 0 && <span className="container-chip__ports">{c.ports.join(', ')}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
});

const ServiceCard = memo(function ServiceCard({ data, selected }: NodeProps<ServiceFlowNode>) {
  const { service } = data;
  const ports = service.ports.map((p) => `${p.port}/${p.protocol}`).join(', ');
  return (
    <div className="service" data-selected={selected || undefined}>
      <div className="service__header">
        <span className="service__icon">
          <ServiceIcon />
        </span>
        <span className="service__name">{service.name}</span>
        <span className="service__type">{service.type}</span>
      </div>
      <div className="service__meta">
        <span className="service__ip">{service.clusterIP ?? 'None'}</span>
        <span>{ports}</span>
        <span>
          {service.endpoints.length} endpoint{service.endpoints.length === 1 ? '' : 's'}
        </span>
      </div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="rf-handle" />
    </div>
  );
});

/** Module-level so React Flow never sees a new object and re-mounts nodes. */
export const nodeTypes: NodeTypes = {
  k8sNode: NodeGroup,
  pod: PodCard,
  service: ServiceCard,
};
