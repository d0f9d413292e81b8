/**
 * `kubectl edit (TYPE NAME | TYPE/NAME | -f FILE)` (k8s.io/kubectl/pkg/cmd/edit and
 * pkg/cmd/util/editor/editoptions.go). kubectl writes the object to a temporary file with a
 * header comment and opens $EDITOR; kubepath's terminal is the editor: the command returns an
 * `EditSession` (the workstation's `edit` hook) holding that text, and
 * `Workstation.saveEdit(session, text)` carries on as kubectl does when the editor closes
 * (editsave.ts). The object is printed as `kubectl get -o yaml` prints it.
 */
import type { KubectlCommand } from '../types';
import { FILENAME_FLAG, OUTPUT_FLAG } from '../flags';
import { fail } from '../result';
import { toYaml } from '../printers/yaml';
import { getOfType } from '../views';
import type { CommandIO, EditSession } from './common';
import { selectTargets } from './targets';

/** editHeader.writeTo in normal edit mode. */
export const EDIT_HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\n";

/** Why the editor opens again: a head line and its causes (editReason). */
export interface EditReason {
  head: string;
  other?: readonly string[];
}

/** hashOnLineBreak: a message's later lines stay comments. */
function hashOnLineBreak(s: string): string {
  return s.replace(/\n(?=[^#])/g, '\n# ');
}

/** The header with the reasons of a failed save, as editHeader.writeTo writes them. */
export function editHeader(reasons: readonly EditReason[] = []): string {
  let out = EDIT_HEADER;
  for (const r of reasons) {
    out += r.other?.length ? `# ${hashOnLineBreak(r.head)}:\n` : `# ${hashOnLineBreak(r.head)}\n`;
    for (const o of r.other ?? []) out += `# * ${hashOnLineBreak(o)}\n`;
    out += '#\n';
  }
  return out;
}

/** The session for one stored object: the header and the object as YAML. */
export function openEdit(ref: EditSession['ref'], object: unknown): EditSession {
  const text = editHeader() + toYaml(object);
  return { ref, text, original: text };
}

export const edit: KubectlCommand = {
  name: 'edit',
  group: 'basic-intermediate',
  short: 'Edit a resource on the server',
  usage: 'kubectl edit (RESOURCE/NAME | -f FILENAME) [options]',
  flags: [
    FILENAME_FLAG,
    OUTPUT_FLAG,
    { name: 'output-patch', kind: 'bool', default: 'false', usage: 'Output the patch if the resource is edited.' },
    { name: 'windows-line-endings', kind: 'bool', default: 'false', usage: 'Defaults to the line ending native to your platform.' },
    { name: 'save-config', kind: 'bool', default: 'false', usage: 'If true, the configuration of current object will be saved in its annotation.' },
    { name: 'validate', kind: 'string', default: 'strict', noOptDefault: 'strict', usage: 'Must be one of: strict (or true), warn, ignore (or false).' },
    { name: 'field-manager', kind: 'string', default: 'kubectl-edit', usage: 'Name of the manager used to track field ownership.' },
    { name: 'subresource', kind: 'string', default: '', usage: 'If specified, edit will operate on the subresource of the requested object.' },
    { name: 'recursive', short: 'R', kind: 'bool', default: 'false', usage: 'Process the directory used in -f, --filename recursively.' },
  ],
  run(cluster, parsed, io) {
    const sel = selectTargets(cluster, parsed, io, parsed.args, { files: true });
    if (typeof sel === 'string') return fail(sel);
    if (sel.missing.length) return { stdout: '', stderr: sel.missing.map((m) => `${m}\n`).join(''), exitCode: 1 };
    if (sel.targets.length === 0) return fail('edit cancelled, no objects found');
    // kubectl puts several objects in one List; kubepath's editor holds one object.
    if (sel.targets.length > 1) return fail(`kubepath edits one object at a time; name one of: ${sel.targets.map((t) => t.name).join(', ')}`);
    const t = sel.targets[0]!;
    const object = getOfType(cluster.clusterState, t.type, t.namespace, t.name);
    const hooks = (io as CommandIO).workstation;
    if (!object || !hooks?.edit) return fail('kubectl edit needs an editor; in kubepath it opens in the terminal');
    hooks.edit(openEdit({ kind: t.type.kind, ...(t.namespace ? { namespace: t.namespace } : {}), name: t.name }, object));
    return { stdout: '', stderr: '', exitCode: 0 };
  },
};
