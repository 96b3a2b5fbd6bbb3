import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ExecutePostCommand, newId, type PostCommandRequest } from '@orgchange/commands';
import type { CommandEnvelope } from '@orgchange/event-store';
import type { Response } from 'express';
import { Envelope } from '../common/command-envelope.decorator';
import { CommandResponse, respond } from '../common/command-response';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { AbolishPostDto, CreatePostDto, EndAppointmentDto, RegradePostDto, RetitlePostDto, StartAppointmentDto } from './post.dto';
import { WritesTo } from '../auth/route-access.decorators';
import { command } from '../auth/organisation-resolvers';

/** Posts and appointments to them: every command lands in the post's stream. */
@ApiTags('posts')
@Controller('posts')
export class PostsController {
  constructor(private readonly commandBus: CommandBus) {}

  private async run(command: PostCommandRequest, envelope: CommandEnvelope, res: Response) {
    return respond(res, await this.commandBus.execute(new ExecutePostCommand(command, envelope)));
  }

  @WritesTo(command('CreatePost'))
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a post in a unit' })
  @ApiCreatedResponse({ type: CommandResponse })
  create(@Body() dto: CreatePostDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    return this.run({ type: 'CreatePost', data: { ...dto, postId: dto.postId ?? newId() } }, envelope, res);
  }

  @WritesTo(command('RetitlePost'))
  @Post(':postId/retitle')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponse })
  retitle(@Param('postId', ParseIdPipe) postId: string, @Body() dto: RetitlePostDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    return this.run({ type: 'RetitlePost', data: { ...dto, postId } }, envelope, res);
  }

  @WritesTo(command('RegradePost'))
  @Post(':postId/regrade')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponse })
  regrade(@Param('postId', ParseIdPipe) postId: string, @Body() dto: RegradePostDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    return this.run({ type: 'RegradePost', data: { ...dto, postId } }, envelope, res);
  }

  @WritesTo(command('AbolishPost'))
  @Post(':postId/abolish')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponse })
  abolish(@Param('postId', ParseIdPipe) postId: string, @Body() dto: AbolishPostDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    return this.run({ type: 'AbolishPost', data: { ...dto, postId } }, envelope, res);
  }

  @WritesTo(command('StartAppointment'))
  @Post(':postId/appointments')
  @HttpCode(201)
  @ApiOperation({ summary: 'Appoint someone to a post (substantive, acting, covering, interim, secondment, joint)' })
  @ApiCreatedResponse({ type: CommandResponse })
  appoint(@Param('postId', ParseIdPipe) postId: string, @Body() dto: StartAppointmentDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    return this.run({ type: 'StartAppointment', data: { ...dto, postId, appointmentId: dto.appointmentId ?? newId() } }, envelope, res);
  }

  @WritesTo(command('EndAppointment'))
  @Post(':postId/appointments/:appointmentId/end')
  @HttpCode(201)
  @ApiOperation({ summary: 'End an appointment' })
  @ApiCreatedResponse({ type: CommandResponse })
  end(@Param('postId', ParseIdPipe) postId: string, @Param('appointmentId', ParseIdPipe) appointmentId: string, @Body() dto: EndAppointmentDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    return this.run({ type: 'EndAppointment', data: { ...dto, postId, appointmentId } }, envelope, res);
  }
}
