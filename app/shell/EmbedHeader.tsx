/**
 * The header of an embedded view (`#embed=1`, in a slide or a doc): the scenario's title and a
 * link that opens the same scenario in kubepath itself, where it can be edited and saved.
 */
import { useWorkspace } from '../store';
import { Logo } from './Logo';

function fullAddress(): string {
  const hash = window.location.hash
    .replace(/^#/, '')
    .split('&')
    .filter((p) => p !== '' && !/^embed(=|$)/.test(p))
    .join('&');
  return `${window.location.pathname}${window.location.search}${hash ? `#${hash}` : ''}`;
}

export function EmbedHeader() {
  const title = useWorkspace((s) => s.lesson?.lesson.title ?? s.scenarioTitle ?? 'kubepath');
  return (
    <header className="app-header app-header--embed">
      <div className="brand">
        <Logo />
        <h1 className="brand__name">{title}</h1>
      </div>
      <div className="header-actions">
        <a className="segmented__item segmented__item--solo" href={fullAddress()} target="_blank" rel="noopener noreferrer">
          Open in kubepath
        </a>
      </div>
    </header>
  );
}
