import { ApiProperty } from '@nestjs/swagger';
import type { HolderView, PostGroupView, PostView, StructureView, UnitView } from '@orgchange/projections';

const nullable = (description?: string) => ApiProperty({ type: String, nullable: true, description });

export class HolderResponse implements HolderView {
  @ApiProperty() appointmentId: string;
  @ApiProperty() personId: string;
  @nullable('from the person directory; null when not known or erased (names never enter the log)') name?: string | null;
  @nullable() profession: string | null;
  @ApiProperty({ description: 'substantive, acting, covering, interim, secondment or joint' }) kind: string;
  @ApiProperty() from: string;
  @nullable('first day no longer held') until: string | null;
  @nullable('the absent holder an acting or covering holder stands in for') coveringForPersonId: string | null;
  @ApiProperty() employingOrganisationId: string;
  @ApiProperty({ type: Number, nullable: true }) fraction: number | null;
  @ApiProperty({ type: Number, nullable: true }) programmedActivities: number | null;
}

export class PostResponse implements PostView {
  @ApiProperty() postId: string;
  @ApiProperty() unitId: string;
  @ApiProperty() title: string;
  @ApiProperty() family: string;
  @ApiProperty() grade: string;
  @ApiProperty() maxHolders: number;
  @ApiProperty({ type: Number, nullable: true }) programmedActivities: number | null;
  @nullable() groupId: string | null;
  @nullable('role in the group, such as clinical-director') groupRole: string | null;
  @ApiProperty({ type: [HolderResponse] }) holders: HolderResponse[];
  @ApiProperty({ description: 'seats no substantive, secondment or joint holder fills' }) vacancies: number;
  @ApiProperty() heldByClinician: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'posts this leadership post leads' }) span: number | null;
}

export class UnitResponse implements UnitView {
  @ApiProperty() unitId: string;
  @ApiProperty() name: string;
  @ApiProperty() kind: string;
  @nullable() parentUnitId: string | null;
  @ApiProperty() hostOrganisationId: string;
  @ApiProperty({ type: [String] }) memberOrganisationIds: string[];
  @nullable() employingOrganisationId: string | null;
  @ApiProperty({ type: [PostResponse] }) posts: PostResponse[];
  @ApiProperty({ type: () => [UnitResponse] }) children: UnitResponse[];
}

class PostGroupMemberResponse {
  @ApiProperty() postId: string;
  @nullable() groupRole: string | null;
  @ApiProperty({ type: [String] }) holders: string[];
}

export class PostGroupResponse implements PostGroupView {
  @ApiProperty() groupId: string;
  @ApiProperty() unitId: string;
  @ApiProperty({ type: [PostGroupMemberResponse] }) members: PostGroupMemberResponse[];
}

class OrganisationSummaryResponse {
  @ApiProperty() organisationId: string;
  @ApiProperty() name: string;
  @ApiProperty() kind: string;
  @nullable() code: string | null;
  @ApiProperty() openFrom: string;
  @nullable('first day it no longer exists') closesOn: string | null;
}

class StructureCountsResponse {
  @ApiProperty() units: number;
  @ApiProperty() posts: number;
  @ApiProperty() vacancies: number;
  @ApiProperty() actingOrCovering: number;
}

export class StructureResponse implements StructureView {
  @ApiProperty({ type: OrganisationSummaryResponse }) organisation: OrganisationSummaryResponse;
  @ApiProperty({ description: 'the valid date looked at' }) at: string;
  @ApiProperty({ description: 'the recorded instant looked from' }) knownAt: string;
  @ApiProperty({ description: 'the last global position the answer includes' }) asOfPosition: number;
  @ApiProperty({ type: [UnitResponse], description: 'the unit tree, roots first' }) units: UnitResponse[];
  @ApiProperty({ type: [UnitResponse], description: 'partnership units hosted by another organisation' }) partnerships: UnitResponse[];
  @ApiProperty({ type: [PostGroupResponse] }) groups: PostGroupResponse[];
  @ApiProperty() managementLayers: number;
  @ApiProperty({ type: StructureCountsResponse }) counts: StructureCountsResponse;
}
