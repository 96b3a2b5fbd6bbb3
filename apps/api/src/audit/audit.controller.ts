import { Controller, ForbiddenException, Get, Inject, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@orgchange/event-store';
import { parseInstant } from '@orgchange/projections';
import type { Request } from 'express';
import { coversOrganisation, PRINCIPAL, type WithPrincipal } from '../auth/principal';
import { RolesOnly } from '../auth/route-access.decorators';
import { AuditQueryDto } from './audit-query.dto';
import { auditTrail } from './audit-trail';

/** Who changed what: the actor of every event, from the log. Admins see all; programme offices their organisations. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @RolesOnly('admin', 'programme-office')
  @ApiOperation({ summary: 'Who recorded which change, when: events by recorded time, optionally for one organisation' })
  async list(@Query() query: AuditQueryDto, @Req() request: Request & WithPrincipal) {
    const principal = request[PRINCIPAL]!;
    if (principal.role !== 'admin' && (query.org === undefined || !coversOrganisation(principal, query.org))) {
      throw new ForbiddenException({ code: 'OrganisationNotInScope', message: 'a programme office reads the audit trail of its own organisations: pass org=<one of them>' });
    }
    const after = query.after ?? 0;
    const { entries, next } = await auditTrail(this.store, {
      organisationId: query.org,
      from: query.from ? new Date(parseInstant(query.from)!) : undefined,
      to: query.to ? new Date(parseInstant(query.to)!) : undefined,
      after,
      limit: query.limit ?? 100,
    });
    return { org: query.org ?? null, from: query.from ?? null, to: query.to ?? null, after, entries, next };
  }
}
