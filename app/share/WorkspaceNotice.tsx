/** A message about the workspace as a whole: a link that could not be opened, a scenario that was. */
import { useWorkspace } from '../store';

export function WorkspaceNotice() {
  const notice = useWorkspace((s) => s.notice);
  const dismiss = useWorkspace((s) => s.setNotice);
  if (!notice) return null;
  return (
    <div className={`workspace-notice workspace-notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <p className="workspace-notice__text">{notice.text}</p>
      <button type="button" className="workspace-notice__close" onClick={() => dismiss(null)}>
        Dismiss
      </button>
    </div>
  );
}
