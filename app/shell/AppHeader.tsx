import { useWorkspace, type ThemePreference } from '../store';
import { Logo } from './Logo';
import { ClusterClock } from './ClusterClock';
import { ExportMenu } from '../share/ExportMenu';
import { CopyLinkButton } from '../share/CopyLinkButton';
import { ScenarioPicker } from '../lessons/ScenarioPicker';

const THEMES: { value: ThemePreference; label: string }[] = [
  { value: 'system', label: 'Auto' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function AppHeader() {
  const theme = useWorkspace((s) => s.theme);
  const setTheme = useWorkspace((s) => s.setTheme);
  const projector = useWorkspace((s) => s.projector);
  const setProjector = useWorkspace((s) => s.setProjector);
  const presenter = useWorkspace((s) => s.presenter);
  const setPresenter = useWorkspace((s) => s.setPresenter);
  const scenarioTitle = useWorkspace((s) => s.scenarioTitle);
  return (
    <header className="app-header">
      <div className="brand">
        <Logo />
        <h1 className="brand__name">kubepath</h1>
        <span className="brand__badge">preview</span>
      </div>
      {scenarioTitle ? (
        <p className="tagline tagline--scenario">
          <span className="visually-hidden">Scenario: </span>
          {scenarioTitle}
        </p>
      ) : (
        <p className="tagline">Write manifests, see the cluster they make, follow a packet hop by hop.</p>
      )}
      <div className="header-actions">
        <ClusterClock />
        {/* Presenting: only what a presenter reaches for; the rest comes back on leaving. */}
        {!presenter && <ScenarioPicker />}
        {!presenter && <CopyLinkButton />}
        {!presenter && <ExportMenu />}
        <button
          type="button"
          className="segmented__item segmented__item--solo"
          aria-pressed={presenter}
          onClick={() => setPresenter(!presenter)}
          title="Present: large type, the editor hidden, the lesson stepped with PageDown/PageUp"
        >
          Present
        </button>
        {!presenter && (
          <button
            type="button"
            className="segmented__item segmented__item--solo"
            aria-pressed={projector}
            onClick={() => setProjector(!projector)}
            title="Larger type and stronger contrast, for a projector or a shared screen"
          >
            Projector
          </button>
        )}
        <fieldset className="segmented">
          <legend className="visually-hidden">Theme</legend>
          {THEMES.map((t) => (
            <button
              key={t.value}
              type="button"
              className="segmented__item"
              aria-pressed={theme === t.value}
              onClick={() => setTheme(t.value)}
            >
              {t.label}
            </button>
          ))}
        </fieldset>
      </div>
    </header>
  );
}
