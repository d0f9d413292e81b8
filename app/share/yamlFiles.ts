/**
 * Opening YAML files into the editor: which files are taken (a `.yaml`/`.yml` name, text, at
 * most 1 MB), and the editor text they make — each file under a `# file: <name>` marker line,
 * files separated by `---`, so the terminal's `kubectl apply -f <name>` finds each one
 * (app/store/editorSync.ts editorFiles reads the same markers).
 */

/** Bigger than any manifest a learner writes; the engine itself stops at 2 MiB of text. */
export const MAX_FILE_BYTES = 1024 * 1024;

const YAML_NAME = /\.ya?ml$/i;

export interface OpenedFile {
  name: string;
  text: string;
}

export interface RefusedFile {
  name: string;
  /** A sentence that names the file and says why. */
  reason: string;
}

export interface OpenResult {
  opened: OpenedFile[];
  refused: RefusedFile[];
}

/** What can be known before reading: the name and the size. */
export interface FileInfo {
  name: string;
  size: number;
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Why a file is refused before it is read, or undefined when it may be read. */
export function refuseBeforeReading(file: FileInfo): string | undefined {
  if (!YAML_NAME.test(file.name)) return `${file.name} is not a YAML file: only .yaml and .yml files open in the editor.`;
  if (file.size > MAX_FILE_BYTES) return `${file.name} is too large (${sizeText(file.size)}): files up to 1 MB open in the editor.`;
  return undefined;
}

/**
 * The file's bytes as text, or undefined when they are not text: not UTF-8 (with or without a
 * byte-order mark), or holding NUL or other control bytes that no manifest contains.
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  // Tab, line feed and carriage return are text; other C0 controls (and DEL) mean binary.
  // oxlint-disable-next-line no-control-regex -- looking for exactly these bytes
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return undefined;
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** A bare `---` line (no directive, no inline content): the file's own first or last separator. */
const EDGE_SEPARATOR = /^(?:---[ \t]*\n)+|(?:\n---[ \t]*)+$/g;

/**
 * The editor text for the opened files, in the order given. Each marker stands above the
 * `---` that starts its file (as the terminal's editor sync keeps them), so the marker lines
 * are comments of the YAML and every file's documents stay whole.
 */
export function editorTextOf(files: readonly OpenedFile[]): string {
  return files
    .map(({ name, text }, i) => {
      const body = text.replace(/\s*$/, '').replace(EDGE_SEPARATOR, '').replace(/\s*$/, '');
      return `# file: ${name.replace(/\s+/g, '-')}\n${i > 0 ? '---\n' : ''}${body ? `${body}\n` : ''}`;
    })
    .join('');
}

/** Reads what can be read; refuses, naming the file, what cannot. Never throws. */
export async function readYamlFiles(files: Iterable<File>): Promise<OpenResult> {
  const result: OpenResult = { opened: [], refused: [] };
  for (const file of files) {
    const early = refuseBeforeReading(file);
    if (early) {
      result.refused.push({ name: file.name, reason: early });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      result.refused.push({ name: file.name, reason: `${file.name} could not be read.` });
      continue;
    }
    const text = decodeText(bytes);
    if (text === undefined) result.refused.push({ name: file.name, reason: `${file.name} is not a text file.` });
    else result.opened.push({ name: file.name, text });
  }
  return result;
}

function list(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** What to tell the user after an open: what is now in the editor, and what was refused. */
export function describeOpen(result: OpenResult): { ok: string | undefined; problems: string | undefined } {
  const names = result.opened.map((f) => f.name);
  const ok = names.length
    ? `Opened ${list(names)} in the editor. Press Apply to build the cluster they describe (Ctrl+Z in the editor brings back the previous text).`
    : undefined;
  const reasons = result.refused.map((r) => r.reason);
  const problems = reasons.length ? `${reasons.join(' ')}${names.length ? '' : ' The editor text was not changed.'}` : undefined;
  return { ok, problems };
}
