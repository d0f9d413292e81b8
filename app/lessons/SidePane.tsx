/**
 * The right-hand pane: the Inspector, or while a lesson runs, the Lesson and the Inspector as
 * two tabs (the lesson shown first; selecting on the canvas does not take it away).
 */
import './lessons.css';
import { useId, useState } from 'react';
import { Inspector } from '../inspector/Inspector';
import { useWorkspace } from '../store';
import { LessonPanel } from './LessonPanel';

export function SidePane() {
  const inLesson = useWorkspace((s) => s.lesson !== null);
  const [tab, setTab] = useState<'lesson' | 'inspector'>('lesson');
  const base = useId();
  if (!inLesson) return <Inspector />;
  const tabs = [
    { id: 'lesson', label: 'Lesson' },
    { id: 'inspector', label: 'Inspector' },
  ] as const;
  return (
    <div className="side-pane">
      <div role="tablist" aria-label="Side pane" className="side-pane__tabs">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`${base}-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`${base}-panel`}
            className="tab-button"
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-${tab}`} className="side-pane__body">
        {tab === 'lesson' ? <LessonPanel /> : <Inspector />}
      </div>
    </div>
  );
}
