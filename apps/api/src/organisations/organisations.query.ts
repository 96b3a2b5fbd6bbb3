import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { CLOCK, type Clock } from '@orgchange/commands';
import {
  type CalendarDate,
  calendarDateOf,
  type EstablishedOrganisation,
  isMemberOn,
  isOrganisationOpenOn,
  isUnitOpenOn,
  organisationStream,
  streamDeciders,
  valueOn,
} from '@orgchange/domain';
import { EVENT_STORE, type EventStore, loadState } from '@orgchange/event-store';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '../common/is-calendar-date.decorator';

export class AsOfQueryDto {
  @ApiPropertyOptional({ description: 'the date to look at (YYYY-MM-DD), default today', example: '2024-04-01' })
  @IsOptional()
  @IsCalendarDate()
  at?: CalendarDate;
}

/**
 * Current-state reads for the foundation API, folded from the organisation streams on request.
 * The bitemporal read models of the projections replace these for anything beyond a handful of organisations.
 */
@Injectable()
export class OrganisationsQuery {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(at?: CalendarDate) {
    const on = at ?? calendarDateOf(this.clock.now());
    const streams = await this.store.listStreams('organisation');
    const organisations = [];
    for (const streamId of streams) {
      const state = (await loadState(this.store, streamDeciders.organisation, streamId)).current;
      if (state.status === 'established') organisations.push(summary(state, on));
    }
    return { at: on, organisations };
  }

  async units(organisationId: string, at?: CalendarDate) {
    const on = at ?? calendarDateOf(this.clock.now());
    const state = (await loadState(this.store, streamDeciders.organisation, organisationStream(organisationId))).current;
    if (state.status !== 'established') throw new NotFoundException({ code: 'OrganisationNotFound', message: `organisation ${organisationId} does not exist` });
    const units = Object.values(state.units)
      .filter((unit) => isUnitOpenOn(unit, on))
      .map((unit) => ({
        unitId: unit.unitId,
        name: valueOn(unit.names, on),
        kind: unit.kind,
        parentUnitId: valueOn(unit.parents, on) ?? null,
        establishedOn: unit.establishedOn,
        ...(unit.closedOn ? { closesOn: unit.closedOn } : {}),
        memberOrganisationIds: unit.members.filter((m) => isMemberOn([m], m.organisationId, on)).map((m) => m.organisationId),
        ...(unit.employingOrganisationId ? { employingOrganisationId: unit.employingOrganisationId } : {}),
      }));
    return { organisation: summary(state, on), at: on, units };
  }
}

function summary(state: EstablishedOrganisation, on: CalendarDate) {
  const status = on < state.establishedOn ? 'not-yet-established' : isOrganisationOpenOn(state, on) ? 'open' : 'closed';
  return {
    organisationId: state.organisationId,
    name: valueOn(state.names, on) ?? state.names[0].value,
    kind: valueOn(state.kinds, on) ?? state.kinds[0].value,
    externalCode: state.externalCode ?? null,
    status,
    establishedOn: state.establishedOn,
    closedOn: state.closedOn ?? null,
    predecessorIds: state.predecessorIds,
    successorIds: state.successorIds,
  };
}
