import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { EventStoreHealthIndicator } from './event-store.health';
import { HealthController } from './health.controller';
import { RelayLagHealthIndicator } from './relay-lag.health';

@Module({ imports: [TerminusModule], controllers: [HealthController], providers: [EventStoreHealthIndicator, RelayLagHealthIndicator] })
export class HealthModule {}
