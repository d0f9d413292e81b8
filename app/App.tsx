import './share/links.css';
import { Workspace } from './layout/Workspace';
import { AppHeader } from './shell/AppHeader';
import { EmbedHeader } from './shell/EmbedHeader';
import { useDocumentTheme } from './shell/theme';
import { useClusterClock } from './shell/ClusterClock';
import { WorkspaceNotice } from './share/WorkspaceNotice';
import { useLessonAddress } from './lessons/useLessonAddress';
import { useLessonKeys } from './lessons/useLessonKeys';
import { useWorkspace } from './store';

export function App() {
  useDocumentTheme();
  useClusterClock();
  useLessonKeys();
  useLessonAddress();
  const embed = useWorkspace((s) => s.embed);
  return (
    <div className="app" data-embed={embed || undefined}>
      {embed ? <EmbedHeader /> : <AppHeader />}
      <WorkspaceNotice />
      <Workspace />
    </div>
  );
}
