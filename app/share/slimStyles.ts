/**
 * html-to-image copies every computed property of every element into the clone's style
 * attribute: some 350 declarations each, plus every custom property on the page (Monaco alone
 * puts over a thousand on :root). A small cluster came out as a 33 MB SVG that took seconds
 * to make. While the image is made, `getComputedStyle` of the exported elements lists only
 * what the picture needs:
 *
 * - no custom properties (`--x`): computed values are already resolved, nothing reads them;
 * - no property whose value is both the element's default (what the browser's own stylesheet
 *   gives that tag) and its parent's value: left out, the clone gets that very value whether
 *   the property is inherited (from the parent's clone) or not (the default).
 *
 * The exported root keeps every standard property. Reading a property by name still works:
 * only the list of names is shortened.
 */

/** Property name → computed value. */
export type Declarations = ReadonlyMap<string, string>;

/** The names of `own` worth copying, in order. */
export function keptNames(own: Declarations, parent: Declarations | undefined, defaults: Declarations): string[] {
  const kept: string[] = [];
  for (const [name, value] of own) {
    if (name.startsWith('--')) continue;
    if (parent !== undefined && defaults.get(name) === value && parent.get(name) === value) continue;
    kept.push(name);
  }
  return kept;
}

/** Every property of a computed style (standard and custom: slow when there are many). */
function declarationsOf(style: CSSStyleDeclaration): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < style.length; i++) {
    const name = style.item(i);
    out.set(name, style.getPropertyValue(name));
  }
  return out;
}

/** The named properties of a computed style: reading by name skips the page's custom properties. */
function valuesOf(style: CSSStyleDeclaration, names: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of names) out.set(name, style.getPropertyValue(name));
  return out;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The browser's own default style per tag, read in an empty same-origin frame. */
class DefaultStyles {
  private readonly frame: HTMLIFrameElement;
  private readonly cache = new Map<string, Declarations>();
  /** Every standard property the browser computes (an empty frame defines no custom ones). */
  readonly names: readonly string[];

  constructor(host: Document, private readonly read: typeof getComputedStyle) {
    // oxlint-disable-next-line react/iframe-missing-sandbox -- the sandbox attribute is set just below
    this.frame = host.createElement('iframe');
    // Same origin (its document is read from here), and nothing may run in it.
    this.frame.setAttribute('sandbox', 'allow-same-origin');
    this.frame.setAttribute('aria-hidden', 'true');
    this.frame.tabIndex = -1;
    Object.assign(this.frame.style, { position: 'fixed', left: '-10000px', top: '0', width: '800px', height: '600px', border: '0', visibility: 'hidden' });
    host.body.append(this.frame);
    const doc = this.frame.contentDocument!;
    doc.open();
    doc.write('<!DOCTYPE html><html><head></head><body></body></html>');
    doc.close();
    this.names = [...this.of(doc.body).keys()].filter((n) => !n.startsWith('--'));
  }

  of(el: Element): Declarations {
    const key = `${el.namespaceURI} ${el.localName}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const doc = this.frame.contentDocument!;
    const probe = doc.createElementNS(el.namespaceURI, el.localName);
    let holder: Element = doc.body;
    if (el.namespaceURI === SVG_NS && el.localName !== 'svg') {
      holder = doc.createElementNS(SVG_NS, 'svg');
      doc.body.append(holder);
    }
    holder.append(probe);
    const values = declarationsOf(this.read.call(this.frame.contentWindow, probe));
    (holder === doc.body ? probe : holder).remove();
    this.cache.set(key, values);
    return values;
  }

  dispose(): void {
    this.frame.remove();
  }
}

/**
 * What html-to-image reads of a computed style (its length, its names by index, values and
 * priorities by name), listing only `names`. A plain object: a Proxy made every index read
 * slow. html-to-image clones in one run of promise callbacks, so no other code on the page
 * sees these while the patch is in place.
 */
function listing(style: CSSStyleDeclaration, names: readonly string[]): CSSStyleDeclaration {
  const view: Record<string | number, unknown> = {
    length: names.length,
    cssText: '',
    item: (i: number) => names[i] ?? '',
    getPropertyValue: (name: string) => style.getPropertyValue(name),
    getPropertyPriority: (name: string) => style.getPropertyPriority(name),
  };
  names.forEach((name, i) => {
    view[i] = name;
  });
  return view as unknown as CSSStyleDeclaration;
}

/**
 * Runs `make` (html-to-image cloning `root`) with `window.getComputedStyle` listing only the
 * needed properties of `root` and what is inside it; restored afterwards, whatever happens.
 * Every value is read up front in one pass: read between the clone's steps, each costs
 * some thirty times more.
 */
export async function withSlimStyles<T>(root: Element, make: () => Promise<T>): Promise<T> {
  const win = root.ownerDocument.defaultView ?? window;
  const native = win.getComputedStyle;
  const defaults = new DefaultStyles(root.ownerDocument, native);
  try {
    const elements = [root, ...Array.from(root.querySelectorAll('*'))];
    const values = new Map<Element, Declarations>(elements.map((el) => [el, valuesOf(native.call(win, el), defaults.names)]));
    const kept = new Map<Element, readonly string[]>(
      elements.map((el) => [el, keptNames(values.get(el)!, el === root || !el.parentElement ? undefined : values.get(el.parentElement), defaults.of(el))]),
    );
    win.getComputedStyle = (el: Element, pseudo?: string | null): CSSStyleDeclaration => {
      const style = native.call(win, el, pseudo);
      if (pseudo) return root.contains(el) ? listing(style, defaults.names) : style;
      const names = kept.get(el);
      return names ? listing(style, names) : style;
    };
    return await make();
  } finally {
    win.getComputedStyle = native;
    defaults.dispose();
  }
}
