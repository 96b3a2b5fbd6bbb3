import { v5 as uuidv5 } from 'uuid';
import type { ProgrammeTimer } from '@orgchange/domain';

/** Namespace of event ids appended when a programme's timer fires (a fixed random UUID, never change it). */
const TIMER_NAMESPACE = '5d0f6c1e-3b8a-4f27-a1c9-7e2d94b0c6f3';

/**
 * Event ids derived from the programme, the timer (its kind and change), the stream and the event's place:
 * a timer fired again after a crash, or by a second worker that read the same state, produces the same ids,
 * which the store answers as already stored instead of appending twice.
 */
export const timerEventIds = (programmeId: string, timer: Pick<ProgrammeTimer, 'kind' | 'changeId'>) => (streamId: string, index: number): string =>
  uuidv5([programmeId, timer.kind, timer.changeId ?? '', streamId, String(index)].join('\u0000'), TIMER_NAMESPACE);
