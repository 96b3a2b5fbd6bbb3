import { BadRequestException, Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { CalendarDate } from '@orgchange/domain';
import { PERSON_DIRECTORY, type PersonDirectory } from '@orgchange/people-directory';
import { holdersOf, LeadershipReader, withHolderNames } from '@orgchange/projections';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { answer } from '../projections/read-answer';
import { OrganisationChangesResponse } from './changes.responses';
import { StructureDiffResponse } from './diff.responses';
import { ChangesQueryDto, DiffQueryDto, StructureQueryDto } from './structure-query.dto';
import { StructureResponse } from './structure.responses';

const ORGANISATION = { name: 'organisationId', description: 'organisation id or external code (such as an ODS code)' };

/** Reads of an organisation's structure from the bitemporal read model: on a date, as known at an instant. */
@ApiTags('structure')
@ApiBadRequestResponse({ description: 'a date or timestamp is malformed; `errors` names the parameter' })
@Controller('organisations')
export class StructureController {
  constructor(
    private readonly reader: LeadershipReader,
    @Inject(PERSON_DIRECTORY) private readonly names: PersonDirectory,
  ) {}

  @Get(':organisationId/structure')
  @ApiOperation({ summary: 'The unit tree, posts and holders of an organisation on a date, as known at an instant' })
  @ApiParam(ORGANISATION)
  @ApiOkResponse({ type: StructureResponse })
  @ApiNotFoundResponse({ description: 'OrganisationNotFound, or OrganisationNotOpen on that date' })
  async structure(@Param('organisationId', ParseIdPipe) organisationId: string, @Query() query: StructureQueryDto) {
    const view = answer(await this.reader.structure(organisationId, query.at, query.knownAt));
    // Names come from the erasable person directory at the edge; the read model holds opaque ids only.
    const names = await this.names.namesOn(holdersOf(view).map((h) => h.personId), view.at as CalendarDate);
    return withHolderNames(view, (personId) => names.get(personId) ?? null);
  }

  @Get(':organisationId/changes')
  @ApiOperation({ summary: 'The change log between two effective dates (inclusive); retracted and corrected entries are marked' })
  @ApiParam(ORGANISATION)
  @ApiOkResponse({ type: OrganisationChangesResponse })
  @ApiNotFoundResponse({ description: 'OrganisationNotFound' })
  async changes(@Param('organisationId', ParseIdPipe) organisationId: string, @Query() query: ChangesQueryDto) {
    if (query.from && query.to && query.to < query.from) throw outOfOrder('to', 'from');
    return answer(await this.reader.changes(organisationId, { from: query.from, to: query.to }, query.knownAt));
  }

  @Get(':organisationId/diff')
  @ApiOperation({ summary: 'What changed in the structure between two dates, or between two recorded instants on one date' })
  @ApiParam(ORGANISATION)
  @ApiOkResponse({ type: StructureDiffResponse })
  @ApiNotFoundResponse({ description: 'OrganisationNotFound, or OrganisationNotOpen on either date' })
  async diff(@Param('organisationId', ParseIdPipe) organisationId: string, @Query() query: DiffQueryDto) {
    return answer(await this.reader.diff(organisationId, { at: query.from, knownAt: query.fromKnownAt }, { at: query.to, knownAt: query.toKnownAt }));
  }
}

const outOfOrder = (field: string, earlier: string) =>
  new BadRequestException({ code: 'ValidationFailed', message: `${field}: must not be before ${earlier}`, errors: [{ field, messages: [`must not be before ${earlier}`] }] });
