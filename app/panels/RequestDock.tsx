/**
 * The Request dock under the canvas: the console (who sends what where), then tabs — Trace
 * (playback, every hop, the current hop up close, the outcome), Many requests (where they
 * went), Compare (the same request from two places) and Terminal (kubectl and a pod's shell,
 * app/terminal; the console steps aside for it). Collapsible to its header.
 */
import { useCallback, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import './dock.css';
import './trace.css';
import './detail.css';
import './many.css';
import { useWorkspace } from '../store';
import { explain } from '../playback/explain';
import { ComparePanel } from './ComparePanel';
import { CopyTraceButton } from './CopyTraceButton';
import { HopDetail } from './HopDetail';
import { HopList } from './HopList';
import { ManyRequests } from './ManyRequests';
import { Outcome } from './OutcomeView';
import { PlaybackBar, StaleNotice } from './PlaybackBar';
import { RequestConsole } from './RequestConsole';
import { usePlaybackKeys } from './usePlaybackKeys';
import { Terminal } from '../terminal/Terminal';

const TABS = [
  { id: 'trace', label: 'Trace' },
  { id: 'many', label: 'Many requests' },
  { id: 'compare', label: 'Compare' },
  { id: 'terminal', label: 'Terminal' },
] as const;
type TabId = (typeof TABS)[number]['id'];

function TraceTab() {
  const sent = useWorkspace((s) => s.sent);
  if (!sent) {
    return <p className="dock-empty dock-empty--inline">Send a request to follow it hop by hop: DNS, kube-proxy's NAT, the load balancer, the ingress controller, and back.</p>;
  }
  return (
    <div className="trace">
      <StaleNotice />
      <div className="trace__columns">
        <div className="trace__col trace__col--hops">
          <HopList />
        </div>
        <section className="trace__col trace__col--detail" aria-label="Hop detail">
          <HopDetail />
        </section>
        <div className="trace__col trace__col--outcome">
          {/* Before the Outcome (a live region) rather than inside it; it floats beside its title. */}
          <CopyTraceButton trace={sent.trace} />
          <Outcome />
        </div>
      </div>
    </div>
  );
}

/** One line for the collapsed header: the last request and what it got. */
function LastRequest() {
  const sent = useWorkspace((s) => s.sent);
  const e = useMemo(() => (sent ? explain(sent.trace) : undefined), [sent]);
  if (!sent || !e) return null;
  return (
    <span className="dock__last" data-ok={e.ok}>
      {sent.spec.method ?? 'GET'} {sent.spec.url} → {e.headline}
    </span>
  );
}

export function RequestDock() {
  const base = useId();
  const [open, setOpen] = useState(true);
  const [tab, setTab] = useState<TabId>('trace');
  const send = useWorkspace((s) => s.send);
  // Before the first request the Trace tab has nothing to show: the dock shrinks to its
  // console and the canvas keeps the room.
  const idle = useWorkspace((s) => s.sent === null) && tab === 'trace';
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  usePlaybackKeys();

  const onSend = () => {
    send();
    setTab('trace');
  };
  const showTrace = useCallback(() => setTab('trace'), []);

  const onTabKey = (e: KeyboardEvent, index: number) => {
    const last = TABS.length - 1;
    const next = e.key === 'ArrowRight' ? (index === last ? 0 : index + 1) : e.key === 'ArrowLeft' ? (index === 0 ? last : index - 1) : e.key === 'Home' ? 0 : e.key === 'End' ? last : -1;
    if (next < 0) return;
    e.preventDefault();
    setTab(TABS[next]!.id);
    tabRefs.current[next]?.focus();
  };

  return (
    <section className="pane dock" aria-label="Request" data-open={open} data-idle={idle || undefined}>
      <header className="pane-header dock__header">
        <h2 className="pane-title">Request</h2>
        {open ? (
          <div role="tablist" aria-label="Request views" className="dock__tabs">
            {TABS.map((t, i) => (
              <button
                key={t.id}
                ref={(el) => {
                  tabRefs.current[i] = el;
                }}
                type="button"
                role="tab"
                id={`${base}-tab-${t.id}`}
                aria-selected={tab === t.id}
                aria-controls={`${base}-panel`}
                tabIndex={tab === t.id ? 0 : -1}
                className="tab-button dock__tab"
                onClick={() => setTab(t.id)}
                onKeyDown={(e) => onTabKey(e, i)}
              >
                {t.label}
              </button>
            ))}
          </div>
        ) : (
          <LastRequest />
        )}
        {open && tab === 'trace' && <PlaybackBar />}
        <button
          type="button"
          className="dock__collapse"
          aria-expanded={open}
          aria-controls={`${base}-body`}
          aria-label={open ? 'Collapse request panel' : 'Expand request panel'}
          title={open ? 'Collapse request panel' : 'Expand request panel'}
          onClick={() => setOpen((v) => !v)}
        >
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
            <path d={open ? 'M3 5l4 4 4-4' : 'M3 9l4-4 4 4'} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
      </header>
      <div id={`${base}-body`} className="dock__body" hidden={!open}>
        <div className="dock__console" hidden={tab === 'terminal'}>
          <RequestConsole onSend={onSend} />
        </div>
        <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${tab}`} className="dock__panel">
          {tab === 'trace' && <TraceTab />}
          {tab === 'many' && <ManyRequests />}
          {tab === 'compare' && <ComparePanel />}
          {tab === 'terminal' && <Terminal onShowRequest={showTrace} />}
        </div>
      </div>
    </section>
  );
}
