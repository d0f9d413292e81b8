import { useCallback, useEffect } from 'react';
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  useEdgesState,
  useNodesState,
  type Edge,
  type Node,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './canvas.css';
import { useWorkspace } from '../store';
import { useResolvedTheme } from '../shell/theme';
import { clusterToFlow, type ClusterFlowNode } from './layout';
import { nodeTypes } from './nodes';

function minimapClass(node: Node): string {
  return `mm-${node.type ?? 'default'}`;
}

const MINIMAP_STYLE = { width: 168, height: 112 } as const;
const FIT_VIEW = { padding: 0.14, maxZoom: 1.2 } as const;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function ClusterCanvas() {
  const cluster = useWorkspace((s) => s.cluster);
  const engine = useWorkspace((s) => s.engine);
  const select = useWorkspace((s) => s.select);
  const theme = useResolvedTheme();
  const [nodes, setNodes, onNodesChange] = useNodesState<ClusterFlowNode>([]);
  const [edges, setEdges, onEdgesChange] = useEdgesState<Edge>([]);

  useEffect(() => {
    const flow = clusterToFlow(cluster);
    setNodes(flow.nodes);
    setEdges(flow.edges);
  }, [cluster, setNodes, setEdges]);

  const onSelectionChange = useCallback(
    ({ nodes: selected }: OnSelectionChangeParams) => select(selected[0]?.id ?? null),
    [select],
  );

  const podCount = cluster.nodes.reduce((n, node) => n + node.pods.length, 0);

  return (
    <section className="pane canvas-pane" aria-label="Cluster">
      <header className="pane-header">
        <h2 className="pane-title">Cluster</h2>
        <output className="pane-subtitle">
          {engine === 'loading'
            ? 'Starting the cluster…'
            : engine === 'failed'
              ? 'The cluster engine failed to load; reload the page'
              : `${plural(cluster.nodes.length, 'node')} · ${plural(podCount, 'pod')} · ${plural(cluster.services.length, 'Service')}`}
        </output>
      </header>
      <div className="canvas-body">
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onSelectionChange={onSelectionChange}
          colorMode={theme}
          fitView
          fitViewOptions={FIT_VIEW}
          minZoom={0.2}
          maxZoom={2}
          nodesConnectable={false}
          deleteKeyCode={null}
          attributionPosition="top-right"
        >
          <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
          <Controls showInteractive={false} position="bottom-left" />
          <MiniMap
            position="bottom-right"
            pannable
            zoomable
            nodeClassName={minimapClass}
            ariaLabel="Cluster overview"
            style={MINIMAP_STYLE}
          />
        </ReactFlow>
        {engine !== 'ready' && (
          <p className={`canvas-message${engine === 'failed' ? ' is-error' : ''}`}>
            {engine === 'loading' ? 'Starting the cluster…' : 'The cluster engine failed to load. Reload the page to try again.'}
          </p>
        )}
      </div>
    </section>
  );
}
