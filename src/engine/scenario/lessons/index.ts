/** The guided lessons, one per seed walkthrough (see catalog.ts for their scenarios). */
import type { Lesson } from '../lesson';
import { seed000 } from './seed000';
import { seed001 } from './seed001';
import { seed002 } from './seed002';
import { seed003connecting } from './seed003connecting';
import { seed003sourceIP } from './seed003sourceip';
import { seed004 } from './seed004';

export const LESSONS: readonly Lesson[] = [seed000, seed001, seed002, seed003connecting, seed003sourceIP, seed004];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
