import type { OutboxLag } from '@orgchange/event-store';
import type { RelaySnapshot } from './relay-status';

/** The relay's lag and counters in the Prometheus text exposition format (version 0.0.4). */
export function relayMetrics(lag: OutboxLag, status: RelaySnapshot): string {
  const metric = (name: string, type: 'gauge' | 'counter', help: string, value: number): string =>
    `# HELP ${name} ${help}\n# TYPE ${name} ${type}\n${name} ${value}\n`;
  return [
    metric('orgchange_relay_outbox_waiting', 'gauge', 'Outbox entries waiting to be published.', lag.waiting),
    metric('orgchange_relay_outbox_oldest_age_seconds', 'gauge', 'Age of the oldest waiting entry, from its recorded time.', lag.oldestAgeMs / 1000),
    metric('orgchange_relay_published_total', 'counter', 'Events published and acknowledged since the relay started.', status.published),
    metric('orgchange_relay_dead_lettered_total', 'counter', 'Events sent to the dead-letter topic since the relay started.', status.deadLettered),
    metric('orgchange_relay_failures_total', 'counter', 'Failed publishing attempts (broker unavailable) since the relay started.', status.failures),
    metric('orgchange_relay_up', 'gauge', '1 while the relay publishes, 0 while it retries or has stopped.', status.state === 'running' ? 1 : 0),
  ].join('');
}
