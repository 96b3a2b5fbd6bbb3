import { ApiProperty } from '@nestjs/swagger';
import type { CommandOutcome } from '@orgchange/commands';

export class AppendedEventView {
  @ApiProperty() eventId: string;
  @ApiProperty() type: string;
  @ApiProperty() streamId: string;
  @ApiProperty({ description: 'revision of the event in its stream, from 0' }) streamVersion: number;
  @ApiProperty({ description: 'position in the global log' }) globalPosition: number;
}

/** The 201 answer to every command: what was appended, where. The first stream is the command's own. */
export class CommandResponse {
  @ApiProperty() streamId: string;
  @ApiProperty({ description: 'the stream version after the append; send it back as If-Match' }) streamVersion: number;
  @ApiProperty({ type: [AppendedEventView] }) events: AppendedEventView[];
  @ApiProperty({ description: 'every stream the command appended to, with its new version' })
  streams: { streamId: string; streamVersion: number }[];
}

export function toCommandResponse(outcome: CommandOutcome): CommandResponse {
  const streams = outcome.results.map((r) => ({ streamId: r.streamId, streamVersion: r.nextExpectedVersion }));
  return {
    ...streams[0],
    events: outcome.results.flatMap((r) =>
      r.events.map((e) => ({ eventId: e.eventId, type: e.type, streamId: r.streamId, streamVersion: e.streamVersion, globalPosition: Number(e.globalPosition) })),
    ),
    streams,
  };
}

/** Weak ETag carrying the stream version, as `If-Match` expects it back. */
export const etagOf = (response: Pick<CommandResponse, 'streamVersion'>): string => `W/"${response.streamVersion}"`;

/** Sets the ETag of the command's own stream and returns the 201 body. */
export function respond(response: { setHeader: (name: string, value: string) => unknown }, outcome: CommandOutcome): CommandResponse {
  const body = toCommandResponse(outcome);
  response.setHeader('ETag', etagOf(body));
  return body;
}
