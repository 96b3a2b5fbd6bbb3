import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AggregateStateCache, DEFAULT_CACHED_STREAMS } from '@orgchange/event-store';
import { CorrectionCommandHandler } from './correction.command-handler';
import { CrossOrganisationCommandHandler } from './cross-organisation.command-handler';
import { OrganisationCommandHandler } from './organisation.command-handler';
import { PersonCommandHandler } from './person.command-handler';
import { PostCommandHandler } from './post.command-handler';
import { ProgrammeCommandHandler } from './programme.command-handler';

/**
 * Registers one CommandBus handler per stream type; needs an EventStoreModule and a ClockModule in the importing
 * app. The handlers share one cache of the states they last wrote, so a stream written again soon is not re-read.
 */
@Module({
  imports: [CqrsModule],
  providers: [
    OrganisationCommandHandler,
    CrossOrganisationCommandHandler,
    PostCommandHandler,
    PersonCommandHandler,
    CorrectionCommandHandler,
    ProgrammeCommandHandler,
  ],
})
export class CommandsModule {
  /** `cachedStreams`: how many streams' states the handlers keep (0: none, every command reads its stream). */
  static forRoot(options: Readonly<{ cachedStreams?: number }> = {}): DynamicModule {
    return {
      module: CommandsModule,
      providers: [{ provide: AggregateStateCache, useFactory: () => new AggregateStateCache(options.cachedStreams ?? DEFAULT_CACHED_STREAMS) }],
    };
  }
}
