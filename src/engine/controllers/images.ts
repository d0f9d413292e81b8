/** Reading container image references: "registry.k8s.io/echoserver:1.10" → name "echoserver", tag "1.10". */

export interface ImageRef {
  /** Repository path without registry: "kelseyhightower/monolith". */
  repository: string;
  /** Last path element: "monolith". */
  name: string;
  tag?: string;
  digest?: string;
}

export function parseImage(image: string): ImageRef {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const parts = rest.split('/');
  // A first element with a dot or colon, or "localhost", is a registry host.
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0] ?? '')) parts.shift();
  if (parts[0] === 'library' && parts.length === 2) parts.shift();
  const repository = parts.join('/');
  return { repository, name: parts.at(-1) ?? '', tag, digest };
}

export function imageName(image: string): string {
  return parseImage(image).name;
}

/** Images that are a shell and some tools: they exit at once unless told to run something long. */
const SHELL_IMAGES = /^(busybox|alpine|ubuntu|debian|centos|fedora|curl|netshoot|dnsutils|jessie-dnsutils|toolbox)$/;
const KEEPS_RUNNING = /\b(sleep|tail\s+-f|while|infinity|nc\s+-l|httpd|wait|watch|top|yes|read)\b/;

/** Would this container exit straight away (and so crash-loop under restartPolicy Always)? */
export function exitsImmediately(c: { image?: string; command?: string[]; args?: string[]; stdin?: boolean }): boolean {
  if (!SHELL_IMAGES.test(imageName(c.image ?? ''))) return false;
  // With stdin open (kubectl run -it) the shell waits for input and keeps running.
  if (c.stdin) return false;
  const line = [...(c.command ?? []), ...(c.args ?? [])].join(' ');
  if (line === '') return true;
  return !KEEPS_RUNNING.test(line);
}
