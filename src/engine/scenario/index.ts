/**
 * The scenario module's public surface: built-in scenarios, guided lessons and their
 * evaluation. See README.md in this folder.
 */
export type * from './lesson';
export type { BuiltinScenario } from './catalog';
export { BUILTIN_SCENARIOS, scenarioById, stagePath, toScenario } from './catalog';
export { LESSONS, lessonById } from './lessons';
export type { CheckResult } from './checks';
export { evaluateCheck } from './checks';
export type { PredictionResult, PredictionChoiceResult } from './prediction';
export { evaluatePrediction } from './prediction';
export type { ResolvedRequest } from './request';
export { resolveLessonRequest, sendLessonRequest } from './request';
export type { Found } from './lookup';
export { fillPlaceholders } from './placeholders';
export type { ResolvedValue } from './values';
export { resolveValue } from './values';
export type { StageLoader, StepState, ActionOutcome, OpenedScenario } from './runner';
export { lessonStepState, lessonProgress, performStepAction, actionText, actionWait, openScenario } from './runner';
