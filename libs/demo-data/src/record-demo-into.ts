import { NestFactory } from '@nestjs/core';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { ClockModule, CommandsModule, type Clock, systemClock } from '@orgchange/commands';
import { EVENT_STORE, type EventStore } from '@orgchange/event-store';
import { recordDemoHistory } from './demo-history';
import { DemoRecorder } from './demo-recorder';

/**
 * Records the demo history into `store` through the real command path (CommandBus, handlers, deciders), in a
 * small Nest context of its own that is closed afterwards; the store stays open. For tests and tools that
 * need the demo without the API.
 */
export async function recordDemoInto(store: EventStore, clock: Clock = systemClock): Promise<void> {
  const storeModule = { module: class DemoStoreModule {}, global: true, providers: [{ provide: EVENT_STORE, useValue: store }], exports: [EVENT_STORE] };
  const context = await NestFactory.createApplicationContext(
    { module: class DemoRecordingModule {}, imports: [CqrsModule.forRoot(), ClockModule.forRoot(clock), storeModule, CommandsModule.forRoot()] },
    { logger: false },
  );
  try {
    await recordDemoHistory(new DemoRecorder(context.get(CommandBus)));
  } finally {
    await context.close();
  }
}
