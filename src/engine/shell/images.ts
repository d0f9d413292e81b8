/**
 * Which tools an image has, and in which flavour: the same command prints differently in a
 * busybox image, an Alpine image (busybox applets, musl) and a Debian image (GNU coreutils,
 * dash), and busybox's nslookup was rewritten between 1.28 and 1.29.
 *
 * Sources, per image:
 * - busybox (docker-library/busybox): one static busybox; `sh` is ash; applets include wget,
 *   nslookup, ping, ip, hostname, printenv; no curl, no dig. nslookup ≤ 1.28 is the old
 *   libc-based applet (`Address 1: ...`); 1.29 brought the LEDE/OpenWrt resolver
 *   (`Server:\t\t...` / `Address:\t...:53`), 1.30 its search-domain handling (dotless names only).
 * - alpine, curlimages/curl (FROM alpine; curl built in, busybox applets for the rest): busybox
 *   1.37 on musl.
 * - radial/busyboxplus:curl (seed 003): an old busybox (1.2x) plus a static curl 7.
 * - nginx (Debian bookworm): dash as sh, bash, GNU coreutils, `hostname`, curl 7.88.1 (installed
 *   by the image); no ping, ip, nslookup, dig or wget. Alpine and busybox images have no bash
 *   (`kubectl exec -it … -- bash` fails there: the runtime finds no `bash` in $PATH).
 *   nginx:*-alpine: busybox 1.37 and curl 8.
 * - jessie-dnsutils / tutum/dnsutils (the Kubernetes DNS-debugging image): Debian with bind's
 *   dig and nslookup and iputils ping.
 * - nicolaka/netshoot: Alpine with curl, bind-tools (dig, nslookup), iputils ping, iproute2.
 * - kelseyhightower/* (seed 004): Alpine 3.1 based: an old busybox, no curl.
 * - scratch / distroless images (traefik/whoami, hashicorp/http-echo, pause): no shell and no
 *   tools: the container runtime answers that the executable is not in $PATH.
 */
import { parseImage } from '../controllers/images';

export type ShellKind = 'ash' | 'dash' | 'bash';
export type NslookupKind = 'busybox-old' | 'busybox' | 'bind';

export interface ImageProfile {
  /** What `sh` is; undefined when the image has no shell (scratch, distroless). */
  shell?: ShellKind;
  /** busybox applets or GNU coreutils: their error messages differ. */
  userland: 'busybox' | 'gnu';
  tools: ReadonlySet<string>;
  libc: 'glibc' | 'musl';
  /** busybox version as [major, minor], when the userland is busybox. */
  busybox?: readonly [number, number];
  nslookup?: NslookupKind;
  /** curl's version ("8.11.1"), when the image has curl. */
  curl?: string;
  ping?: 'busybox' | 'iputils';
  ip?: 'busybox' | 'iproute2';
}

/** Commands every shell image has (shell builtins and the basic file tools). */
const BASE = ['cat', 'echo', 'printenv', 'env', 'hostname', 'grep', 'head', 'tail', 'wc', 'sleep', 'true', 'false'];
const BUSYBOX_NET = ['wget', 'nslookup', 'ping', 'ip'];

export const LATEST_BUSYBOX: readonly [number, number] = [1, 37];
export const CURL_8 = '8.11.1';
export const CURL_DEBIAN = '7.88.1';

function busyboxVersion(tag: string | undefined): readonly [number, number] {
  const m = /^(\d+)\.(\d+)/.exec(tag ?? '');
  return m ? [Number(m[1]), Number(m[2])] : LATEST_BUSYBOX;
}

function busyboxNslookup(v: readonly [number, number]): NslookupKind {
  return v[0] === 1 && v[1] <= 28 ? 'busybox-old' : 'busybox';
}

function busybox(version: readonly [number, number], libc: 'glibc' | 'musl', extra: string[] = []): ImageProfile {
  return {
    shell: 'ash',
    userland: 'busybox',
    tools: new Set([...BASE, ...BUSYBOX_NET, ...extra]),
    libc,
    busybox: version,
    nslookup: busyboxNslookup(version),
    ping: 'busybox',
    ip: 'busybox',
  };
}

/** Debian images: dash is `sh`, and bash is there too (an Essential package, in every Debian image). */
function debian(extra: string[] = []): ImageProfile {
  return { shell: 'dash', userland: 'gnu', tools: new Set([...BASE, 'bash', ...extra]), libc: 'glibc' };
}

const NO_SHELL: ImageProfile = { userland: 'gnu', tools: new Set(), libc: 'glibc' };

const SCRATCH = /^(traefik\/whoami|hashicorp\/http-echo|pause|.*distroless.*|coredns\/coredns|coredns)$/;

/** The tool profile of an image reference ("busybox:1.28", "curlimages/curl:8.11.1", "nginx"). */
export function imageProfile(image: string): ImageProfile {
  const ref = parseImage(image);
  const repo = ref.repository.toLowerCase();
  const name = ref.name.toLowerCase();
  const tag = ref.tag?.toLowerCase();
  const curlTag = tag && /^\d+\.\d+\.\d+$/.test(tag) ? tag : CURL_8;
  if (SCRATCH.test(repo) || SCRATCH.test(name)) return NO_SHELL;
  if (name === 'busyboxplus') {
    const p = busybox([1, 22], 'glibc', tag === 'curl' ? ['curl'] : []);
    return { ...p, curl: tag === 'curl' ? '7.40.0' : undefined };
  }
  if (name === 'busybox') return busybox(busyboxVersion(tag), tag?.includes('musl') ? 'musl' : 'glibc');
  if (repo === 'curlimages/curl') return { ...busybox(LATEST_BUSYBOX, 'musl', ['curl']), curl: curlTag };
  if (name === 'alpine') return busybox(LATEST_BUSYBOX, 'musl');
  if (repo.startsWith('kelseyhightower/')) return busybox([1, 22], 'musl');
  if (name === 'netshoot') {
    return { ...busybox(LATEST_BUSYBOX, 'musl', ['curl', 'dig', 'bash']), nslookup: 'bind', ping: 'iputils', ip: 'iproute2', curl: CURL_8 };
  }
  if (name === 'jessie-dnsutils' || name === 'dnsutils') {
    return { ...debian(['dig', 'nslookup', 'ping']), nslookup: 'bind', ping: 'iputils' };
  }
  if (name === 'nginx' || name === 'nginx-unprivileged') {
    if (tag?.includes('alpine')) return { ...busybox(LATEST_BUSYBOX, 'musl', ['curl']), curl: CURL_8 };
    return { ...debian(['curl']), curl: CURL_DEBIAN };
  }
  if (tag?.includes('alpine')) return busybox(LATEST_BUSYBOX, 'musl');
  return debian();
}

/**
 * Whether the container runtime finds `program` (argv[0] of `kubectl exec`, a name or a path)
 * in the image: a shell it has (`sh` always, `bash`/`ash`/`dash` when they are there) or one of
 * its tools. Images without a shell have nothing to exec.
 */
export function hasProgram(profile: ImageProfile, program: string): boolean {
  const name = program.split('/').pop() ?? program;
  if (!profile.shell) return false;
  return name === 'sh' || name === profile.shell || profile.tools.has(name) || UNMODELLED.has(name);
}

/** Real commands these images have that kubepath's shell does not model. */
export const UNMODELLED = new Set([
  'ls', 'ps', 'top', 'netstat', 'ss', 'nc', 'telnet', 'traceroute', 'ifconfig', 'route', 'arp', 'vi', 'apk', 'apt', 'apt-get',
  'mount', 'df', 'id', 'whoami', 'uname', 'date', 'sort', 'cut', 'awk', 'sed', 'tr', 'xargs', 'find', 'kill', 'tcpdump', 'iptables',
]);
