/**
 * A short message after an open or an export: what happened (a polite status that goes away
 * by itself) or what went wrong (an alert that stays until dismissed or replaced). The status
 * region is always in the page (visually hidden while empty), so screen readers announce
 * what is put in it.
 */
import { useCallback, useEffect, useState } from 'react';

export type NoticeKind = 'status' | 'alert';

export interface NoticeState {
  kind: NoticeKind;
  text: string;
}

export interface NoticeHandle {
  notice: NoticeState | null;
  show(kind: NoticeKind, text: string): void;
  clear(): void;
}

/** How long a status stays up. */
export const STATUS_MS = 6000;

export function useNotice(): NoticeHandle {
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const show = useCallback((kind: NoticeKind, text: string) => setNotice({ kind, text }), []);
  const clear = useCallback(() => setNotice(null), []);
  useEffect(() => {
    if (notice?.kind !== 'status') return;
    const timer = setTimeout(() => setNotice((n) => (n === notice ? null : n)), STATUS_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return { notice, show, clear };
}

export function Notice({ handle, className }: { handle: NoticeHandle; className?: string }) {
  const { notice, clear } = handle;
  const status = notice?.kind === 'status' ? notice.text : '';
  return (
    <div className={['share-notice', className].filter(Boolean).join(' ')} data-shown={notice ? notice.kind : undefined}>
      <output className="share-notice__text">{status}</output>
      {notice?.kind === 'alert' && (
        <p role="alert" className="share-notice__text share-notice__text--alert">
          {notice.text}
        </p>
      )}
      {notice && (
        <button type="button" className="share-notice__dismiss" aria-label="Dismiss message" title="Dismiss" onClick={clear}>
          <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
            <path d="M2.5 2.5l7 7M9.5 2.5l-7 7" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </button>
      )}
    </div>
  );
}
