/**
 * Opening files into the editor, for the menu's file picker and for a drop: the text becomes
 * the files (app/share/yamlFiles.ts), not applied — the user presses Apply. Refused files are
 * told by name; the text stays as it was unless some file was read.
 */
import { useCallback } from 'react';
import { useWorkspace } from '../store';
import type { NoticeHandle } from './Notice';
import { describeOpen, editorTextOf, readYamlFiles } from './yamlFiles';

export function useOpenYamlFiles(notice: NoticeHandle): (files: readonly File[]) => Promise<void> {
  const setManifests = useWorkspace((s) => s.setManifests);
  const { show } = notice;
  return useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0) return;
      const result = await readYamlFiles(files);
      if (result.opened.length) setManifests(editorTextOf(result.opened));
      const { ok, problems } = describeOpen(result);
      // A refusal matters more than the success next to it: it stays until dismissed.
      if (problems) show('alert', ok ? `${ok} ${problems}` : problems);
      else if (ok) show('status', ok);
    },
    [setManifests, show],
  );
}
