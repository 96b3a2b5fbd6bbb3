import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../auth/route-access.decorators';
import { EventStoreHealthIndicator } from './event-store.health';
import { RelayLagHealthIndicator } from './relay-lag.health';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
    private readonly relayLag: RelayLagHealthIndicator,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  check() {
    return this.health.check([() => this.eventStore.isHealthy(), () => this.relayLag.isHealthy()]);
  }
}
