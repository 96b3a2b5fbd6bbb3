import { ApiProperty } from '@nestjs/swagger';
import type { ChangeAmendmentView, ChangeEntryView, OrganisationChangesView } from '@orgchange/projections';

class ChangeAmendmentResponse implements ChangeAmendmentView {
  @ApiProperty() eventId: string;
  @ApiProperty() position: number;
  @ApiProperty() recordedAt: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}

class ChangeCorrectionResponse extends ChangeAmendmentResponse {
  @ApiProperty({ type: [String] }) correctedFields: string[];
}

export class ChangeEntryResponse implements ChangeEntryView {
  @ApiProperty({ description: 'global position of the event' }) position: number;
  @ApiProperty() eventId: string;
  @ApiProperty() type: string;
  @ApiProperty({ type: String, nullable: true }) subjectId: string | null;
  @ApiProperty({ description: 'effective date, as corrected up to knownAt' }) effectiveFrom: string;
  @ApiProperty({ type: String, nullable: true, description: 'the date first recorded, when a correction moved it' }) originalEffectiveFrom: string | null;
  @ApiProperty() recordedAt: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: ChangeAmendmentResponse, nullable: true, description: 'the retraction, when the change was withdrawn' }) retracted: ChangeAmendmentResponse | null;
  @ApiProperty({ type: [ChangeCorrectionResponse] }) corrections: ChangeCorrectionResponse[];
}

export class OrganisationChangesResponse implements OrganisationChangesView {
  @ApiProperty() organisationId: string;
  @ApiProperty({ type: String, nullable: true, description: 'first effective date included; null = unbounded' }) from: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'last effective date included; null = unbounded' }) to: string | null;
  @ApiProperty() knownAt: string;
  @ApiProperty() asOfPosition: number;
  @ApiProperty({ type: [ChangeEntryResponse] }) entries: ChangeEntryResponse[];
}
