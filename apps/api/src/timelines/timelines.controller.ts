import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LeadershipReader } from '@orgchange/projections';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { answer } from '../projections/read-answer';
import { KnownAtQueryDto } from './known-at-query.dto';
import { UnitLineageResponse } from './lineage.responses';
import { PersonCareerResponse, PostTimelineResponse } from './timeline.responses';

/** Histories over all valid time, as recorded at an instant: a post's, a person's, a unit's. */
@ApiTags('timelines')
@ApiBadRequestResponse({ description: 'knownAt is not an ISO 8601 timestamp with a zone' })
@Controller()
export class TimelinesController {
  constructor(private readonly reader: LeadershipReader) {}

  @Get('posts/:postId/timeline')
  @ApiOperation({ summary: "A post's titles and grades over time and who held it, how, when" })
  @ApiOkResponse({ type: PostTimelineResponse })
  @ApiNotFoundResponse({ description: 'PostNotFound' })
  async postTimeline(@Param('postId', ParseIdPipe) postId: string, @Query() query: KnownAtQueryDto) {
    return answer(await this.reader.postTimeline(postId, query.knownAt));
  }

  @Get('people/:personId/career')
  @ApiOperation({ summary: "A person's holdings across posts and organisations, and their unbroken spells per role" })
  @ApiOkResponse({ type: PersonCareerResponse })
  @ApiNotFoundResponse({ description: 'PersonNotFound' })
  async career(@Param('personId', ParseIdPipe) personId: string, @Query() query: KnownAtQueryDto) {
    return answer(await this.reader.personCareer(personId, query.knownAt));
  }

  @Get('units/:unitId/lineage')
  @ApiOperation({ summary: "A unit's predecessors and successors through mergers and splits, its renames, moves and transfers" })
  @ApiOkResponse({ type: UnitLineageResponse })
  @ApiNotFoundResponse({ description: 'UnitNotFound' })
  async lineage(@Param('unitId', ParseIdPipe) unitId: string, @Query() query: KnownAtQueryDto) {
    return answer(await this.reader.unitLineage(unitId, query.knownAt));
  }
}
