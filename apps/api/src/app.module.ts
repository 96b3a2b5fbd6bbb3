import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ClockModule, type Clock, CommandsModule, systemClock } from '@orgchange/commands';
import { EventStoreModule, storeConfigFrom } from '@orgchange/event-store';
import { LoggerModule } from 'nestjs-pino';
import { AnalysisController } from './analysis/analysis.controller';
import { AuditController } from './audit/audit.controller';
import { AuthModule } from './auth/auth.module';
import { BoundaryChangesController } from './boundaries/boundary-changes.controller';
import { IdempotencyInterceptor } from './common/idempotency.interceptor';
import { PersonIdentityInterceptor } from './common/person-identity.interceptor';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { createValidationPipe } from './common/validation.pipe';
import type { AppConfig } from './config/app-config';
import { CorrectionsController } from './corrections/corrections.controller';
import { DemoDataLoader } from './demo/demo-data.loader';
import { EventsController } from './events/events.controller';
import { HealthModule } from './health/health.module';
import { HoldersController } from './holders/holders.controller';
import { NotificationsApiModule } from './notifications/notifications-api.module';
import { OrganisationsController } from './organisations/organisations.controller';
import { OrganisationsQuery } from './organisations/organisations.query';
import { PeopleController } from './people/people.controller';
import { PersonDirectoryLifecycle, personDirectoryProvider } from './people/person-directory.provider';
import { PersonErasureController } from './people/person-erasure.controller';
import { PostsController } from './posts/posts.controller';
import { ProgrammesController } from './programmes/programmes.controller';
import { ProjectionsModule } from './projections/projections.module';
import { ProjectorLifecycle } from './projections/projector.lifecycle';
import { DirectoryController } from './directory/directory.controller';
import { StructureController } from './structure/structure.controller';
import { TimelinesController } from './timelines/timelines.controller';
import { UnitsController } from './units/units.controller';

/** The HTTP API. Built from a validated {@link AppConfig}, so tests can start it on their own database. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock: Clock = systemClock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ ...config })] }),
        LoggerModule.forRoot({ pinoHttp: { level: config.LOG_LEVEL, autoLogging: config.LOG_LEVEL !== 'silent', redact: ['req.headers.authorization', 'req.headers.cookie'] } }),
        AuthModule.forRoot(config),
        CqrsModule.forRoot(),
        ClockModule.forRoot(clock),
        EventStoreModule.forRoot(storeConfigFrom(config as unknown as Record<string, string | undefined>)),
        CommandsModule.forRoot({ cachedStreams: config.COMMAND_CACHE_STREAMS }),
        HealthModule,
        ProjectionsModule.forRoot(clock),
        NotificationsApiModule,
      ],
      controllers: [
        OrganisationsController,
        UnitsController,
        PostsController,
        PeopleController,
        BoundaryChangesController,
        CorrectionsController,
        EventsController,
        StructureController,
        DirectoryController,
        TimelinesController,
        HoldersController,
        ProgrammesController,
        AuditController,
        PersonErasureController,
        AnalysisController,
      ],
      providers: [
        OrganisationsQuery,
        DemoDataLoader,
        ProjectorLifecycle,
        personDirectoryProvider(config),
        PersonDirectoryLifecycle,
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_INTERCEPTOR, useClass: PersonIdentityInterceptor },
      ],
    };
  }
}
