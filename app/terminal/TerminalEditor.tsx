/**
 * The editor `kubectl edit` opens, taking over the terminal as $EDITOR would: the object as
 * YAML under kubectl's header comment, in a plain monospace text area. Save (or Ctrl/Cmd+S)
 * hands the text back to kubectl; Cancel (or Escape) closes it unchanged, which kubectl reports
 * as "Edit cancelled, no changes made." When the save is refused, kubectl opens it again with
 * the errors in the header: a new `edit.id`, so the text area starts from that text.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useWorkspaceStore } from '../store';
import type { TerminalEdit } from '../store/terminal';

export function TerminalEditor({ edit }: { edit: TerminalEdit }) {
  const store = useWorkspaceStore();
  const [text, setText] = useState(edit.session.text);
  const area = useRef<HTMLTextAreaElement>(null);
  const what = `${edit.session.ref.kind.toLowerCase()}/${edit.session.ref.name}`;

  useEffect(() => {
    area.current?.focus({ preventScroll: true });
  }, []);

  const save = () => void store.getState().saveTerminalEdit(text);
  const cancel = () => void store.getState().cancelTerminalEdit();

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
      e.preventDefault();
      save();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    }
  };

  return (
    <div className="terminal__editor">
      <div className="terminal__editor-bar">
        <span className="terminal__editor-title">
          kubectl edit {what}
          {edit.session.ref.namespace && edit.session.ref.namespace !== 'default' ? ` -n ${edit.session.ref.namespace}` : ''}
        </span>
        <span className="terminal__editor-keys">Ctrl+S saves · Esc cancels</span>
        <button type="button" className="terminal__editor-button terminal__editor-button--primary" onClick={save}>
          Save
        </button>
        <button type="button" className="terminal__editor-button" onClick={cancel}>
          Cancel
        </button>
      </div>
      <textarea
        ref={area}
        className="terminal__editor-text"
        aria-label={`Edit ${what}`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        spellCheck={false}
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        wrap="off"
      />
    </div>
  );
}
