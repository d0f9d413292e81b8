/**
 * The seed scenarios' stage files (public/scenarios) as the seeds' learners have them on disk:
 * each object's YAML by name and kind, the data a Secret or ConfigMap was made from
 * (`--from-file`), and editor texts with `# file:` markers so `kubectl apply -f <file>` finds
 * them under the seed's own file names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

const SCENARIOS = join(import.meta.dirname, '..', 'public', 'scenarios');

export const stageText = (scenario: string, stage: string) => readFileSync(join(SCENARIOS, scenario, `${stage}.yaml`), 'utf8');

export interface StageDoc {
  kind: string;
  name: string;
  /** The document's own text, comments included. */
  text: string;
  data: Record<string, string>;
}

export function stageDocs(scenario: string, stage: string): StageDoc[] {
  const text = stageText(scenario, stage);
  const out: StageDoc[] = [];
  for (const parsed of parseAllDocuments(text)) {
    if (!('contents' in parsed) || !parsed.contents) continue;
    const js = parsed.toJS() as { kind?: string; metadata?: { name?: string }; data?: Record<string, string> } | null;
    if (!js?.kind || !js.metadata?.name) continue;
    const [start = 0, , end = text.length] = parsed.range;
    out.push({ kind: js.kind, name: js.metadata.name, text: text.slice(start, end).replace(/^---[^\n]*\n/, '').trimEnd() + '\n', data: js.data ?? {} });
  }
  return out;
}

/** One document of a stage, by kind and name. */
export function doc(scenario: string, stage: string, kind: string, name: string): StageDoc {
  const d = stageDocs(scenario, stage).find((x) => x.kind === kind && x.name === name);
  if (!d) throw new Error(`${scenario}/${stage}: no ${kind} ${name}`);
  return d;
}

/** An editor text holding the given documents under `# file:` markers (several documents per file joined by ---). */
export function editorWithFiles(files: Record<string, StageDoc[]>): string {
  return Object.entries(files)
    .map(([file, docs]) => `# file: ${file}\n${docs.map((d) => d.text).join('---\n')}`)
    .join('---\n');
}

/**
 * A terminal line that writes a file on the workstation from bytes: what the seeds' `make keys`,
 * `openssl req` or an editor would have produced (`echo … | base64 -d > /tmp/nginx.crt`).
 */
export function writeFileLine(path: string, content: string, encoded = false): string {
  const b64 = encoded ? content.replace(/\s+/g, '') : Buffer.from(content, 'utf8').toString('base64');
  return `echo ${b64} | base64 -d > ${path}`;
}
