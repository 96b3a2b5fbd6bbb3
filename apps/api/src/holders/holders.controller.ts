import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CalendarDate } from '@orgchange/domain';
import { PERSON_DIRECTORY, type PersonDirectory } from '@orgchange/people-directory';
import { LeadershipReader } from '@orgchange/projections';
import { HoldersQueryDto } from './holders-query.dto';
import { TitleHoldersResponse } from './holders.responses';

/** Who held posts of a title on a date, across organisations, named from the person directory at the edge. */
@ApiTags('structure')
@ApiBadRequestResponse({ description: 'title is missing, or a date or timestamp is malformed; `errors` names the parameter' })
@Controller('holders')
export class HoldersController {
  constructor(
    private readonly reader: LeadershipReader,
    @Inject(PERSON_DIRECTORY) private readonly names: PersonDirectory,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Everyone holding a post with this title on a date, with the organisation (an empty list when nobody did)' })
  @ApiOkResponse({ type: TitleHoldersResponse })
  async holders(@Query() query: HoldersQueryDto): Promise<TitleHoldersResponse> {
    const view = await this.reader.holdersByTitle(query.title, query.at, query.knownAt);
    const names = await this.names.namesOn(view.holders.map((h) => h.personId), view.at as CalendarDate);
    return { ...view, holders: view.holders.map((h) => ({ name: names.get(h.personId) ?? null, ...h })) };
  }
}
