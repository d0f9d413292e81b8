import { Workspace } from './layout/Workspace';
import { AppHeader } from './shell/AppHeader';
import { useDocumentTheme } from './shell/theme';

export function App() {
  useDocumentTheme();
  return (
    <div className="app">
      <AppHeader />
      <Workspace />
    </div>
  );
}
