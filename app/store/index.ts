export { WorkspaceProvider, useWorkspace, useWorkspaceStore } from './context';
export {
  createWorkspaceStore,
  clampPane,
  defaultPanes,
  PANE_LIMITS,
  type PaneSizes,
  type ThemePreference,
  type WorkspaceInit,
  type WorkspaceState,
  type WorkspaceStore,
} from './workspace';
export { applySummary, describeApply, type ApplySummary } from './applySummary';
export { backupSaved, backupWorkspace, loadBackup, loadSaved, persistWorkspace, BACKUP_KEY, STORAGE_KEY, type SavedWorkspace } from './persist';
export { elementAtLine, elementForObject, objectsForElement, sourceForElement } from './linking';
export { DEFAULT_CLIENT_IP, INITIAL_DRAFT, SPEEDS, originOf, parseHeaders, specOf, type OriginChoice, type RequestDraft, type SentBatch, type SentTrace } from './request';
export { CONTINUATION_PROMPT, WORKSTATION_PROMPT, type TerminalLine, type TerminalLineKind, type TerminalState } from './terminal';
