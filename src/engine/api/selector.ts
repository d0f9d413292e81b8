/**
 * Label selectors: the map form Services use and the LabelSelector form workloads use
 * (matchLabels + matchExpressions with In, NotIn, Exists, DoesNotExist), as
 * k8s.io/apimachinery/pkg/apis/meta/v1 LabelSelectorAsSelector evaluates them.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';

export type Labels = Readonly<Record<string, string>>;

/** A Service selector: every pair must be present. An empty map matches nothing for Services (callers check). */
export function matchesMap(selector: Labels, labels: Labels | undefined): boolean {
  for (const k in selector) {
    if (labels?.[k] !== selector[k]) return false;
  }
  return true;
}

/** A LabelSelector; an empty selector matches everything, a null one nothing (callers decide). */
export function matchesLabelSelector(selector: LabelSelector, labels: Labels | undefined): boolean {
  if (selector.matchLabels && !matchesMap(selector.matchLabels, labels)) return false;
  for (const e of selector.matchExpressions ?? []) {
    const key = e.key ?? '';
    const has = labels !== undefined && Object.hasOwn(labels, key);
    const value = labels?.[key];
    switch (e.operator) {
      case 'In':
        if (!has || !(e.values ?? []).includes(value as string)) return false;
        break;
      case 'NotIn':
        if (has && (e.values ?? []).includes(value as string)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** "app=web,tier=front" as kubectl and `describe` print a map selector. */
export function formatLabels(labels: Labels | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.map((k) => `${k}=${labels?.[k]}`).join(',');
}
