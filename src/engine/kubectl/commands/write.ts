/**
 * The kubectl commands that change the cluster or reach into it, each in its own file here:
 * create, apply, delete, edit, expose, scale, label, annotate, patch, set image, rollout, run,
 * exec, logs, port-forward.
 */
import type { KubectlCommand } from '../types';
import { apply } from './apply';
import { create } from './create';
import { del } from './delete';
import { edit } from './edit';
import { exec } from './exec';
import { expose } from './expose';
import { annotate, label } from './label';
import { logs } from './logs';
import { patch } from './patch';
import { portForward } from './portforward';
import { rollout } from './rollout';
import { run } from './run';
import { scale } from './scale';
import { set } from './set';

export const WRITE_COMMANDS: readonly KubectlCommand[] = [create, expose, run, set, del, edit, rollout, scale, logs, exec, portForward, apply, patch, label, annotate];
