/**
 * What `kubectl edit` does when the editor closes (pkg/cmd/util/editor/editoptions.go, Run's
 * loop and visitToPatch), for one object:
 *
 * - after a failed save, the same text again: "Edit cancelled, no valid changes were saved."
 *   (error, exit 1, after saying where the changes were kept);
 * - the object unchanged, comments aside (cmdutil.StripComments: the YAML as JSON): "Edit
 *   cancelled, no changes made." (stderr, exit 0); no line left but comments: "Edit cancelled,
 *   saved file was empty.";
 * - a YAML syntax error: the editor opens again with "The edited file had a syntax error: …" in
 *   its header (nothing printed);
 * - apiVersion, kind or name changed: "At least one of apiVersion, kind and name was changed";
 *   the namespace changed: RequireNamespace's error;
 * - otherwise the change is sent as a patch computed from the object as opened (kubectl sends a
 *   strategic merge patch; kubepath the JSON merge patch, lists whole, which gives the same
 *   object): `service/my-nginx edited`. The API server refusing it as Invalid opens the editor
 *   again with `# services "my-nginx" was not valid:` and a `# * field: message` line per cause,
 *   after printing `error: services "my-nginx" is invalid`; NotFound and other errors end the
 *   edit (exit 1) with kubectl's words.
 *
 * A reopened editor holds the header, the reasons, and the text as saved without its comment
 * lines (cmdutil.ManualStrip).
 */
import { parseAllDocuments } from 'yaml';
import type { CommandResult } from '../../types';
import { canonicalJson } from '../../net/hash';
import { parseManifests } from '../../manifest/parse';
import { threeWayPatch } from '../../cluster/apply';
import { hash32 } from '../../shell/types';
import { kindPrefix, resolveResourceType } from '../resources';
import { resourceOf, type Cluster, type EditSession } from './common';
import { editHeader, type EditReason } from './edit';

export interface EditSaveResult extends CommandResult {
  /** Set when the editor opens again, with the errors in its header. */
  edit?: EditSession;
}

/** cmdutil.ManualStrip: the lines that are not comments. */
export function manualStrip(text: string): string {
  const lines = text.split('\n');
  let out = '';
  lines.forEach((line, i) => {
    const t = line.trim();
    if (t.startsWith('#') && !t.startsWith('#!')) return;
    out += line + (i < lines.length - 1 ? '\n' : '');
  });
  return out;
}

/** cmdutil.StripComments, for comparing: the YAML's first document as canonical JSON, else the text without comments. */
export function stripComments(text: string): string {
  try {
    const docs = parseAllDocuments(text);
    const first = Array.isArray(docs) ? docs[0] : undefined;
    if (!first) return '';
    if (first.errors.length) return manualStrip(text);
    return canonicalJson(first.toJS() ?? null);
  } catch {
    return manualStrip(text);
  }
}

/** hasLines: any line that is neither blank nor a comment. */
function hasLines(text: string): boolean {
  return text.split('\n').some((l) => {
    const t = l.trim();
    return t !== '' && !t.startsWith('#');
  });
}

/** Where kubectl left the file (os.CreateTemp("", "kubectl-edit-*.yaml")): a stable name for this session. */
export function editFile(session: EditSession): string {
  return `/tmp/kubectl-edit-${hash32(session.original)}.yaml`;
}

function reopen(session: EditSession, text: string, reasons: EditReason[], stderr: string): EditSaveResult {
  return { stdout: '', stderr, exitCode: 0, edit: { ...session, text: editHeader(reasons) + manualStrip(text), rejected: text } };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function firstValue(text: string): unknown {
  const docs = parseAllDocuments(text);
  return Array.isArray(docs) ? docs[0]?.toJS() : undefined;
}

const meta = (o: Record<string, unknown>): Record<string, unknown> => (isObject(o.metadata) ? o.metadata : {});

/** The API server's field errors, from the playground's one-line message ("a: X, b: Y"). */
export function fieldErrors(message: string): string[] {
  return message.split(/, (?=[a-zA-Z][\w.[\]\-/]*: [A-Z])/);
}

/** Save the editor's text, as kubectl edit does when the editor closes. */
export function saveEdit(cluster: Cluster, session: EditSession, text: string): EditSaveResult {
  const stored = editFile(session);
  const preserved = (message: string): EditSaveResult => ({ stdout: '', stderr: `A copy of your changes has been stored to "${stored}"\nerror: ${message}\n`, exitCode: 1 });
  if (session.rejected !== undefined && stripComments(session.rejected) === stripComments(text)) return preserved('Edit cancelled, no valid changes were saved.');
  if (stripComments(session.original) === stripComments(text)) return { stdout: '', stderr: 'Edit cancelled, no changes made.\n', exitCode: 0 };
  if (!hasLines(text)) return { stdout: '', stderr: 'Edit cancelled, saved file was empty.\n', exitCode: 0 };
  const syntax = parseManifests(text).diagnostics.find((d) => d.code === 'yaml-syntax' || d.code === 'yaml-duplicate-key');
  if (syntax) {
    return reopen(session, text, [{ head: `The edited file had a syntax error: error parsing edited-file: error converting YAML to JSON: yaml: line ${syntax.line ?? 1}: ${syntax.message}` }], '');
  }
  const before = firstValue(session.original);
  const after = firstValue(text);
  if (!isObject(before) || !isObject(after) || typeof after.kind !== 'string') {
    return reopen(session, text, [{ head: `The edited file had a syntax error: Object 'Kind' is missing in '${JSON.stringify(after ?? null)}'` }], '');
  }
  if (after.apiVersion !== before.apiVersion || after.kind !== before.kind || meta(after).name !== meta(before).name) return preserved('At least one of apiVersion, kind and name was changed');
  const ns = session.ref.namespace;
  const editedNs = meta(after).namespace;
  if (ns !== undefined && typeof editedNs === 'string' && editedNs !== ns) {
    return preserved(`the namespace from the provided object "${editedNs}" does not match the namespace "${ns}". You must pass '--namespace=${editedNs}' to perform this operation.`);
  }
  const type = resolveResourceType(session.ref.kind);
  const resource = resourceOf(session.ref.kind);
  const name = session.ref.name;
  const r = cluster.patch(session.ref, JSON.stringify(threeWayPatch(before, after)), 'merge');
  if (r.ok) return { stdout: `${type ? kindPrefix(type) : session.ref.kind.toLowerCase()}/${name} edited\n`, stderr: '', exitCode: 0 };
  const message = r.error ?? '';
  if (message.endsWith(' not found')) {
    return { stdout: '', stderr: `error: ${resource} "${name}" could not be found on the server\nThe edits you made on deleted resources have been saved to "${stored}"\n`, exitCode: 1 };
  }
  if (/^[a-zA-Z][\w.[\]\-/]*: [A-Z]/.test(message)) {
    return reopen(session, text, [{ head: `${resource} "${name}" was not valid`, other: fieldErrors(message) }], `error: ${resource} "${name}" is invalid\n`);
  }
  return { stdout: '', stderr: `error: ${resource} "${name}" could not be patched: ${message}\nYou can run \`kubectl replace -f ${stored}\` to try this update again.\n`, exitCode: 1 };
}
