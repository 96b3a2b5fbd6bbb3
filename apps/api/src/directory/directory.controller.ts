import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { LeadershipReader } from '@orgchange/projections';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { answer } from '../projections/read-answer';
import { KnownAtQueryDto } from '../timelines/known-at-query.dto';
import { DirectoryQueryDto } from './directory-query.dto';

/** The organisations open on a date, as a directory lists them, and their predecessors and successors. */
@ApiTags('directory')
@ApiBadRequestResponse({ description: 'a kind, date or timestamp is malformed; `errors` names the parameter' })
@Controller()
export class DirectoryController {
  constructor(private readonly reader: LeadershipReader) {}

  @Get('directory')
  @ApiOperation({ summary: 'Organisations (of a kind) open on a date, as known at an instant: code, name, kind, openedOn and closedOn (the last day open)' })
  async openOn(@Query() query: DirectoryQueryDto) {
    return (await this.reader.organisationsOpenOn(query.kind, query.at, query.knownAt)).organisations;
  }

  @Get('organisations/:organisationId/lineage')
  @ApiOperation({ summary: 'Predecessors and successors of an organisation through mergers and splits, all generations' })
  @ApiParam({ name: 'organisationId', description: 'organisation id or external code (such as an ODS code)' })
  @ApiNotFoundResponse({ description: 'OrganisationNotFound' })
  async lineage(@Param('organisationId', ParseIdPipe) organisationId: string, @Query() query: KnownAtQueryDto) {
    return answer(await this.reader.organisationLineage(organisationId, query.knownAt));
  }
}
