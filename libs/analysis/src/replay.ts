import { type EventStore, readAllPages } from '@orgchange/event-store';
import { AnalysisModel } from './analysis-model';
import { CorrectionOverlay } from './correction-overlay';

export type ReplayProgress = Readonly<{ pass: 1 | 2; read: number; total: number }>;

export type ReplayOptions = Readonly<{
  /** Events recorded after this ISO instant are ignored, corrections and retractions included; default: none. */
  knownAt?: string;
  pageSize?: number;
  onProgress?: (progress: ReplayProgress) => void;
  /** Events in the log, for progress only, when the caller has counted them already: a count reads the whole table. */
  total?: number;
}>;

export type ReplayResult = Readonly<{
  model: AnalysisModel;
  /** Events in the log when the replay ran (each is read twice: corrections first, then everything). */
  eventsInLog: number;
  /** Events folded into the model: recorded by known-at, not retracted, not a correction. */
  eventsApplied: number;
  eventsRecordedAfterKnownAt: number;
  retractedOrCorrected: number;
  seconds: number;
  eventsPerSec: number;
}>;

const isCorrection = (type: string) => type === 'EventCorrected' || type === 'EventRetracted';

/**
 * Replays the log in global order into an {@link AnalysisModel}, one page at a time, so memory holds the
 * model and one page, never the log. Pass 1 gathers the corrections and retractions recorded by `knownAt`;
 * pass 2 folds every other event in its corrected form and drops the retracted ones.
 */
export async function replayLog(store: Pick<EventStore, 'readAll' | 'count'>, options: ReplayOptions = {}): Promise<ReplayResult> {
  const started = performance.now();
  const total = options.onProgress ? (options.total ?? (await store.count())) : 0;
  const known = (recordedAt: string) => options.knownAt === undefined || recordedAt <= options.knownAt;
  const overlay = new CorrectionOverlay();
  let read = 0;
  let lastPosition = 0n;
  for await (const page of readAllPages(store, { pageSize: options.pageSize })) {
    for (const event of page) if (isCorrection(event.type) && known(event.recordedAt)) overlay.collect(event);
    read += page.length;
    lastPosition = page[page.length - 1].globalPosition;
    options.onProgress?.({ pass: 1, read, total });
  }
  const model = new AnalysisModel();
  let applied = 0;
  let later = 0;
  read = 0;
  pages: for await (const page of readAllPages(store, { pageSize: options.pageSize })) {
    for (const event of page) {
      // Stop where pass 1 stopped, so both passes see the same log even while writers append.
      if (event.globalPosition > lastPosition) break pages;
      read += 1;
      if (!known(event.recordedAt)) later += 1;
      else if (!isCorrection(event.type)) {
        const data = overlay.finalData(event);
        if (data === undefined) continue;
        model.apply({ type: event.type, streamId: event.streamId, seq: Number(event.globalPosition), data: data as Record<string, unknown> });
        applied += 1;
      }
    }
    options.onProgress?.({ pass: 2, read, total });
  }
  const seconds = (performance.now() - started) / 1000;
  return { model, eventsInLog: read, eventsApplied: applied, eventsRecordedAfterKnownAt: later, retractedOrCorrected: overlay.size, seconds, eventsPerSec: Math.round((2 * read) / Math.max(seconds, 1e-3)) };
}
