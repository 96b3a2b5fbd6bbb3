import { errorText } from './kafka-errors';

/** What the relay has done since it started, for /health and /metrics. */
export type RelaySnapshot = Readonly<{
  state: 'running' | 'retrying' | 'stopped';
  published: number;
  deadLettered: number;
  failures: number;
  lastPublishedPosition: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
}>;

/** Counters the relay updates as it goes. */
export class RelayStatus {
  private state: RelaySnapshot['state'] = 'running';
  private publishedCount = 0;
  private deadLetteredCount = 0;
  private failureCount = 0;
  private lastPosition: bigint | null = null;
  private lastError: string | null = null;
  private lastErrorAt: string | null = null;

  published(count: number, upTo: bigint): void {
    this.publishedCount += count;
    this.lastPosition = upTo;
    if (this.state === 'retrying') this.state = 'running';
  }

  deadLettered(): void {
    this.deadLetteredCount += 1;
  }

  failed(error: unknown): void {
    this.failureCount += 1;
    this.state = 'retrying';
    this.lastError = errorText(error);
    this.lastErrorAt = new Date().toISOString();
  }

  stopped(): void {
    this.state = 'stopped';
  }

  snapshot(): RelaySnapshot {
    return {
      state: this.state,
      published: this.publishedCount,
      deadLettered: this.deadLetteredCount,
      failures: this.failureCount,
      lastPublishedPosition: this.lastPosition?.toString() ?? null,
      lastError: this.lastError,
      lastErrorAt: this.lastErrorAt,
    };
  }
}
