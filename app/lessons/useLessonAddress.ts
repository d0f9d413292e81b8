/**
 * The address follows the lesson: `#scenario=<id>&step=<n>` (1-based, as the steps are
 * numbered), so a teacher can copy the address of any step. Leaving the lesson clears it.
 * `embed=1` and `presenter=1` stay in the address while they are on.
 */
import { useEffect } from 'react';
import { useWorkspace } from '../store';

export function useLessonAddress() {
  const scenario = useWorkspace((s) => s.lesson?.lesson.scenario);
  const step = useWorkspace((s) => s.lesson?.step);
  const embed = useWorkspace((s) => s.embed);
  const presenter = useWorkspace((s) => s.presenter);
  useEffect(() => {
    const flags = [embed && 'embed=1', presenter && 'presenter=1'].filter(Boolean);
    const parts = scenario !== undefined && step !== undefined ? [`scenario=${encodeURIComponent(scenario)}`, `step=${step + 1}`, ...flags] : flags;
    const hash = parts.length ? `#${parts.join('&')}` : '';
    // An embedded shared scenario keeps its `#s=…`: nothing is saved in an embed, the address is its state.
    if (window.location.hash === hash || /(^#|&)s=/.test(window.location.hash)) return;
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
  }, [scenario, step, embed, presenter]);
}
