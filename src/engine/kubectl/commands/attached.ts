/**
 * What the shells a terminal attaches to have in common (a container's, `PodShell`; a node's,
 * `NodeShell`): a prompt, lines run one at a time until `exit`, and the requests each line
 * sent, captured as the engine makes them (the cluster's `observeRequests`).
 */
import type { CommandResult, InteractiveSession, Trace } from '../../types';
import type { Cluster } from './common';

/** One line's outcome in an attached shell. */
export interface ShellLineResult extends CommandResult {
  /** The session is over (`exit`, or the pod went away): the terminal returns to the workstation. */
  exited?: boolean;
  /** The requests the line sent (curl, wget), in order; absent when it sent none. */
  traces?: Trace[];
}

/** A shell the terminal is attached to. */
export interface AttachedShell {
  readonly session: InteractiveSession;
  /** The prompt the shell shows before each line. */
  prompt(): string;
  run(line: string): ShellLineResult;
  /** Close the session without `exit` (the terminal was closed): the same cleanup. */
  close(): ShellLineResult;
}

/** Run `run` and collect the traces of the requests it made, in order. */
export function recording<T>(cluster: Cluster, run: () => T): { result: T; traces: Trace[] } {
  const traces: Trace[] = [];
  const result = cluster.observeRequests ? cluster.observeRequests((t) => traces.push(t), run) : run();
  return { result, traces };
}

/** The result with its `traces` when there are any. */
export function withTraces<R extends CommandResult>(r: R, traces: readonly Trace[]): R & { traces?: Trace[] } {
  return traces.length ? { ...r, traces: [...traces] } : r;
}
