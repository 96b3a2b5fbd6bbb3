import { Controller, Delete, HttpCode, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERSON_DIRECTORY, type PersonDirectory } from '@orgchange/people-directory';
import { RolesOnly } from '../auth/route-access.decorators';
import { ParseIdPipe } from '../common/parse-id.pipe';

/**
 * Erasure of a person's identity: the directory destroys the key their record was encrypted with. The event log
 * is untouched (it holds only the opaque id), so it stays replayable; reads show the person as erased.
 */
@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class PersonErasureController {
  constructor(@Inject(PERSON_DIRECTORY) private readonly directory: PersonDirectory) {}

  @Delete(':personId/identity')
  @HttpCode(200)
  @RolesOnly('admin')
  @ApiOperation({ summary: "Erase a person's name and contact details for good (admin): their key is destroyed; the log keeps the opaque id" })
  @ApiOkResponse({ description: '{ personId, personErased: true, recordsDestroyed }' })
  async erase(@Param('personId', ParseIdPipe) personId: string) {
    const recordsDestroyed = await this.directory.erase(personId, new Date());
    return { personId, personErased: true, recordsDestroyed };
  }
}
