import { ApiProperty } from '@nestjs/swagger';
import type { CareerHoldingView, HoldingPeriodView, PersonCareerView, PostTimelineView, PostVersionView, TenureSpellView } from '@orgchange/projections';

const nullable = (description?: string) => ApiProperty({ type: String, nullable: true, description });
const UNTIL = 'first day it no longer holds; null = open-ended';

class PostVersionResponse implements PostVersionView {
  @ApiProperty() from: string;
  @nullable(UNTIL) until: string | null;
  @ApiProperty() title: string;
  @ApiProperty() grade: string;
  @ApiProperty() unitId: string;
  @ApiProperty() maxHolders: number;
}

class HoldingPeriodResponse implements HoldingPeriodView {
  @ApiProperty() appointmentId: string;
  @ApiProperty() personId: string;
  @ApiProperty() kind: string;
  @ApiProperty() from: string;
  @nullable(UNTIL) until: string | null;
  @nullable() coveringForPersonId: string | null;
  @nullable() employingOrganisationId: string | null;
}

export class PostTimelineResponse implements PostTimelineView {
  @ApiProperty() postId: string;
  @ApiProperty() organisationId: string;
  @ApiProperty() family: string;
  @nullable() groupId: string | null;
  @nullable() groupRole: string | null;
  @ApiProperty() createdOn: string;
  @nullable('first day the post no longer exists') abolishedOn: string | null;
  @ApiProperty() knownAt: string;
  @ApiProperty() asOfPosition: number;
  @ApiProperty({ type: [PostVersionResponse], description: 'title and grade over time' }) versions: PostVersionResponse[];
  @ApiProperty({ type: [HoldingPeriodResponse] }) holders: HoldingPeriodResponse[];
}

class CareerHoldingResponse implements CareerHoldingView {
  @ApiProperty() appointmentId: string;
  @ApiProperty() postId: string;
  @ApiProperty() kind: string;
  @ApiProperty() from: string;
  @nullable(UNTIL) until: string | null;
  @nullable() coveringForPersonId: string | null;
  @nullable('post title on the day the holding started') title: string | null;
  @nullable() family: string | null;
  @nullable() grade: string | null;
  @nullable() groupRole: string | null;
  @nullable() unitId: string | null;
  @nullable('unit name on the day the holding started') unitName: string | null;
  @ApiProperty() organisationId: string;
  @nullable() organisationName: string | null;
}

class TenureSpellResponse implements TenureSpellView {
  @ApiProperty({ description: "the post group's role (e.g. clinical-director), else the post family" }) role: string;
  @ApiProperty() from: string;
  @nullable(UNTIL) until: string | null;
  @ApiProperty({ type: [String] }) appointmentIds: string[];
  @ApiProperty({ type: [String] }) postIds: string[];
  @ApiProperty({ type: [String] }) kinds: string[];
}

export class PersonCareerResponse implements PersonCareerView {
  @ApiProperty() personId: string;
  @ApiProperty() profession: string;
  @ApiProperty() knownAt: string;
  @ApiProperty() asOfPosition: number;
  @ApiProperty({ type: [CareerHoldingResponse] }) holdings: CareerHoldingResponse[];
  @ApiProperty({ type: [TenureSpellResponse], description: 'unbroken spells per role, across posts changed by mergers or renames' })
  tenure: TenureSpellResponse[];
}
