import type { ExistingProgramme, ProgrammeEvent } from '@orgchange/domain';
import type { RecordedEvent, SqliteEventStore, Subscription } from '@orgchange/event-store';
import { derivedWrite } from './derived-write';
import { NotificationOutbox } from './notification-outbox';
import { notificationSaga } from './notification.saga';
import { ProgrammeStates } from './programme-states';
import type { RecipientFinder } from './recipient-finder.port';
import { type SagaFailure, SagaCheckpoint } from './saga-checkpoint';

export const NOTIFICATION_SAGA = 'programme-notifications';

export type NotificationSagaOptions = Readonly<{
  /** Events that notify nobody move the checkpoint only this often (a restart re-reads at most this many). */
  checkpointEvery?: number;
  /** Told when the saga stops on an event it cannot handle (after the failure is recorded). */
  onFailure?: (failure: SagaFailure) => void;
  /** Told after notifications were added to the outbox, e.g. to wake a relay. */
  onNotified?: (added: number) => void;
  now?: () => Date;
}>;

/** `checkpoint` is the stored position; `handledTo` the last event handled, ahead of it by events that notified nobody. */
export type NotificationSagaStatus = Readonly<{ running: boolean; checkpoint: bigint; handledTo: bigint; failure?: SagaFailure }>;

/**
 * Runs {@link notificationSaga} over the global log from a checkpoint kept in the store's file. For an event
 * that notifies someone, its notifications are inserted into the outbox in the same transaction that moves the
 * checkpoint past it; ids are derived from what they say, so a crash anywhere followed by a restart ends with
 * the same notifications, none twice and none missing. An event that cannot be handled is recorded in
 * `notification_saga_failures`, reported to `onFailure`, and stops the saga on that event: a restart tries it
 * again, and no event is ever skipped.
 */
export class NotificationSagaRunner {
  readonly outbox: NotificationOutbox;
  private readonly checkpoints: SagaCheckpoint;
  private readonly programmes: ProgrammeStates;
  private readonly checkpointEvery: number;
  private readonly now: () => Date;
  private subscription?: Subscription;
  private catchingUp = false;
  /** Last event handled: ahead of the stored checkpoint by the events since the last save that notified nobody. */
  private handledTo = 0n;
  private unsaved = 0;
  private failure?: SagaFailure;

  constructor(
    private readonly store: SqliteEventStore,
    private readonly finder: RecipientFinder,
    private readonly options: NotificationSagaOptions = {},
  ) {
    this.outbox = new NotificationOutbox(store.database);
    this.checkpoints = new SagaCheckpoint(store.database, NOTIFICATION_SAGA);
    this.programmes = new ProgrammeStates(store);
    this.checkpointEvery = options.checkpointEvery ?? 1000;
    this.now = options.now ?? (() => new Date());
  }

  checkpoint(): bigint {
    return this.checkpoints.position();
  }

  status(): NotificationSagaStatus {
    const checkpoint = this.checkpoint();
    const handledTo = this.handledTo > checkpoint ? this.handledTo : checkpoint;
    return { running: this.subscription !== undefined, checkpoint, handledTo, ...(this.failure ? { failure: this.failure } : {}) };
  }

  /** Follows the log live from the checkpoint until `stop` or a failure. */
  start(): void {
    if (this.subscription || this.catchingUp) throw new Error('the notification saga is already running');
    this.failure = undefined;
    this.handledTo = this.checkpoint();
    this.subscription = this.store.subscribe({
      from: this.handledTo,
      onEvent: (event) => this.handle(event),
      // The failure was recorded by `handle`, or it came from reading the log.
      onError: (error) => {
        this.subscription = undefined;
        if (!this.failure) this.fail(undefined, error);
      },
    });
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
    this.saveHandledPosition();
  }

  /** Handles everything after the checkpoint, then returns the number of events read. Not while `start`ed. */
  async catchUp(pageSize = 1000): Promise<number> {
    if (this.subscription || this.catchingUp) throw new Error('the notification saga is already running');
    this.catchingUp = true;
    this.failure = undefined;
    let read = 0;
    try {
      this.handledTo = this.checkpoint();
      for (;;) {
        const page = await this.store.readAll({ after: this.handledTo, limit: pageSize });
        if (page.length === 0) break;
        for (const event of page) await this.handle(event);
        read += page.length;
      }
      this.saveHandledPosition();
      return read;
    } finally {
      this.catchingUp = false;
    }
  }

  private async handle(event: RecordedEvent): Promise<void> {
    try {
      if (event.streamId.startsWith('programme-')) await this.handleProgrammeEvent(event);
      else this.passOver(event);
    } catch (error) {
      this.fail(event, error);
      throw error;
    }
  }

  private async handleProgrammeEvent(event: RecordedEvent): Promise<void> {
    const programmeEvent = event as unknown as ProgrammeEvent;
    const before = await this.programmes.before(event);
    if (before.status === 'none') {
      if (programmeEvent.type !== 'ProgrammeDrafted') throw new Error(`${event.type} at ${event.globalPosition} belongs to no drafted programme (${event.streamId})`);
      this.programmes.handled(event, before);
      return this.passOver(event);
    }
    const needs = notificationSaga.needs(programmeEvent, before);
    if (!needs) {
      this.programmes.handled(event, before);
      return this.passOver(event);
    }
    const recipients = needs.changes.length === 0 ? [] : await this.finder.recipientsOf(needs.changes, event.recordedAt, needs.context);
    const added = derivedWrite(this.store.database, () => {
      // Another runner on the same file may have handled it meanwhile: its notifications are already in.
      if (this.checkpoint() >= event.globalPosition) return 0;
      const alreadyNotified = needs.alreadyNotified ? this.outbox.recipientsNotified(before.programmeId) : [];
      const cause = { eventId: event.eventId, globalPosition: String(event.globalPosition) };
      const count = this.outbox.insert(notificationSaga.decide(programmeEvent, before as ExistingProgramme, { recipients, alreadyNotified, cause }));
      this.checkpoints.save(event.globalPosition);
      return count;
    });
    this.programmes.handled(event, before);
    this.handledTo = event.globalPosition;
    this.unsaved = 0;
    if (added > 0) this.options.onNotified?.(added);
  }

  /** An event that notifies nobody: only the checkpoint moves, and only now and then. */
  private passOver(event: RecordedEvent): void {
    this.handledTo = event.globalPosition;
    this.unsaved += 1;
    if (this.unsaved >= this.checkpointEvery) this.saveHandledPosition();
  }

  private saveHandledPosition(): void {
    if (this.unsaved === 0) return;
    derivedWrite(this.store.database, () => this.checkpoints.save(this.handledTo));
    this.unsaved = 0;
  }

  private fail(event: RecordedEvent | undefined, error: unknown): void {
    const failure: SagaFailure = {
      globalPosition: event?.globalPosition ?? this.handledTo,
      eventId: event?.eventId ?? '',
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      failedAt: this.now().toISOString(),
    };
    this.failure = failure;
    this.checkpoints.recordFailure(failure);
    this.options.onFailure?.(failure);
  }
}
