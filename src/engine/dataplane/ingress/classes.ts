/**
 * Which Ingresses this ingress-nginx watches: its IngressClass (controller k8s.io/ingress-nginx,
 * started with --ingress-class=nginx), after the API server's DefaultIngressClass admission would
 * have filled in an empty spec.ingressClassName (kubernetes/ingress-nginx
 * internal/ingress/controller/store/store.go, the Ingress event handler's class check;
 * plugin/pkg/admission/network/defaultingressclass in kubernetes/kubernetes).
 */
import type { IngressClassObject, IngressObject } from '../../api/objects';
import type { StateView } from '../../cluster/state';

export const CONTROLLER_NAME = 'k8s.io/ingress-nginx';
export const INGRESS_CLASS_FLAG = 'nginx';
const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

/** The default IngressClass, if exactly one is marked (admission refuses to pick among several). */
export function defaultIngressClass(view: StateView): IngressClassObject | undefined {
  const defaults = [...view.list('IngressClass')].filter((c) => c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true');
  return defaults.length === 1 ? defaults[0] : undefined;
}

/** The class an Ingress ends up with: its own, the deprecated annotation, or the default class. */
export function effectiveClassName(view: StateView, ing: IngressObject): string | undefined {
  if (ing.spec?.ingressClassName) return ing.spec.ingressClassName;
  const annotated = ing.metadata.annotations?.[CLASS_ANNOTATION];
  if (annotated !== undefined) return undefined;
  return defaultIngressClass(view)?.metadata.name;
}

/** True when this controller serves the Ingress. */
export function isWatched(view: StateView, ing: IngressObject): boolean {
  const annotated = ing.metadata.annotations?.[CLASS_ANNOTATION];
  if (!ing.spec?.ingressClassName && annotated !== undefined) return annotated === INGRESS_CLASS_FLAG;
  const name = effectiveClassName(view, ing);
  if (name === undefined) return false;
  const cls = view.get('IngressClass', undefined, name);
  return cls?.spec?.controller === CONTROLLER_NAME;
}

/** The watched Ingresses, oldest first (store.ListIngresses sorts by creationTimestamp). */
export function watchedIngresses(view: StateView): IngressObject[] {
  return [...view.list('Ingress')]
    .filter((ing) => isWatched(view, ing))
    .sort((a, b) => {
      const ta = a.metadata.creationTimestamp ?? '';
      const tb = b.metadata.creationTimestamp ?? '';
      if (ta !== tb) return ta < tb ? -1 : 1;
      const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
      const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
}
