import { ApiProperty } from '@nestjs/swagger';
import type { TitleHolderView } from '@orgchange/projections';

const nullable = (description?: string) => ApiProperty({ type: String, nullable: true, description });

export class TitleHolderResponse implements TitleHolderView {
  @nullable('the name on the date, from the person directory (names never enter events); null when it has none') name: string | null;
  @ApiProperty() personId: string;
  @ApiProperty() title: string;
  @ApiProperty() postId: string;
  @ApiProperty() grade: string;
  @ApiProperty() organisationId: string;
  @nullable('the organisation’s name on the date') organisation: string | null;
  @nullable() organisationCode: string | null;
  @ApiProperty({ description: 'substantive, acting, covering, interim, secondment or joint' }) kind: string;
  @nullable() coveringForPersonId: string | null;
  @ApiProperty({ description: 'first day held' }) from: string;
  @nullable('first day no longer held; null = open-ended') to: string | null;
}

export class TitleHoldersResponse {
  @ApiProperty() title: string;
  @ApiProperty() at: string;
  @ApiProperty() knownAt: string;
  @ApiProperty({ type: [TitleHolderResponse] }) holders: TitleHolderResponse[];
}
