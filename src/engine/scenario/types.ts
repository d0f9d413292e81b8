/**
 * Scenarios, lessons and shareable links (../shared/DESIGN.md, "Scenarios and links").
 *
 * A scenario is the whole of what a learner set up: the options the cluster was created with,
 * the manifests, the terminal lines replayed after apply, and what the view showed. Links carry
 * one (`#s=…`); built-in scenarios are addressed by id (`#scenario=<id>&step=<n>`).
 */
import type { PlaygroundOptions, RequestSpec } from '../types';

/** The version links are written with. Older versions are migrated when read (link.ts). */
export const SCENARIO_VERSION = 1;

/** What the view showed when the scenario was shared. Every field optional. */
export interface ScenarioView {
  /** The selected canvas element's id (`service:default/web`, `pod:default/web-…`, `node:node-1`). */
  selected?: string;
  /** A prepared request (the console's draft, or the request whose trace was shown). */
  request?: RequestSpec;
  /** The step of that request's trace being shown (0-based hop index; -1 = before the first). */
  step?: number;
  /** Logical seconds the cluster clock had advanced when shared (replayed after apply). */
  clock?: number;
  /** Show system pods (CoreDNS, ingress-nginx) on the canvas. */
  showSystem?: boolean;
}

export interface Scenario {
  v: typeof SCENARIO_VERSION;
  title: string;
  options: PlaygroundOptions;
  manifests: string;
  /** kubectl/minikube lines replayed in order after the manifests are applied. */
  commands?: string[];
  view?: ScenarioView;
}
