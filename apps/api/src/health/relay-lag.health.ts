import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore, type Outbox } from '@orgchange/event-store';

/**
 * The Kafka relay's lag as the store's outbox shows it: entries waiting and the age of the oldest. Reported,
 * never "down": a broker outage makes the outbox grow while the API keeps accepting commands.
 */
@Injectable()
export class RelayLagHealthIndicator {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly health: HealthIndicatorService,
  ) {}

  async isHealthy(key = 'relay') {
    const indicator = this.health.check(key);
    const outbox = (this.store as EventStore & { outbox?: Outbox }).outbox;
    if (!outbox) return indicator.up({ outbox: 'none' });
    const { waiting, oldestRecordedAt, oldestAgeMs } = await outbox.lag();
    return indicator.up({ waiting, oldestRecordedAt, oldestAgeSeconds: oldestAgeMs / 1000 });
  }
}
