/**
 * "Copy as text": the sent trace as plain text (app/playback/traceText.ts) on the clipboard,
 * for a bug report or a slide, with a short confirmation.
 */
import '../share/share.css';
import { useEffect, useState } from 'react';
import type { Trace } from '../../src/engine';
import { traceText } from '../playback/traceText';

type CopyState = 'idle' | 'copied' | 'failed';

const SHOWN_MS = 2500;

export function CopyTraceButton({ trace }: { trace: Trace }) {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), state === 'copied' ? SHOWN_MS : SHOWN_MS * 2);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(traceText(trace));
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <span className="copy-trace">
      <button type="button" className="copy-trace__button" title="Copy the request, every hop and the outcome as plain text" onClick={() => void copy()}>
        <svg className="icon" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
          <rect x="4.5" y="4.5" width="7.5" height="8" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.3" />
          <path d="M9.5 4.5V3A1.5 1.5 0 0 0 8 1.5H3.5A1.5 1.5 0 0 0 2 3v5.5A1.5 1.5 0 0 0 3.5 10h1" fill="none" stroke="currentColor" strokeWidth="1.3" />
        </svg>
        Copy as text
      </button>
      <output className="copy-trace__status" data-state={state}>
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: the browser blocked the clipboard' : ''}
      </output>
    </span>
  );
}
