import { ApiProperty } from '@nestjs/swagger';
import type { DiffHolderRef, DiffPostRef, DiffSide, DiffUnitRef, StructureDiffView } from '@orgchange/projections';

const nullable = () => ApiProperty({ type: String, nullable: true });

class DiffSideResponse implements DiffSide {
  @ApiProperty() at: string;
  @ApiProperty() knownAt: string;
  @ApiProperty() asOfPosition: number;
  @ApiProperty({ description: 'false when the organisation was not open: the side counts as empty' }) open: boolean;
}

class DiffUnitResponse implements DiffUnitRef {
  @ApiProperty() unitId: string;
  @ApiProperty() name: string;
  @ApiProperty() kind: string;
  @nullable() parentUnitId: string | null;
}

class UnitRenamedResponse {
  @ApiProperty() unitId: string;
  @ApiProperty() fromName: string;
  @ApiProperty() toName: string;
}

class UnitMovedResponse {
  @ApiProperty() unitId: string;
  @ApiProperty() name: string;
  @nullable() fromParentUnitId: string | null;
  @nullable() toParentUnitId: string | null;
}

class DiffUnitsResponse {
  @ApiProperty({ type: [DiffUnitResponse] }) added: DiffUnitResponse[];
  @ApiProperty({ type: [DiffUnitResponse] }) removed: DiffUnitResponse[];
  @ApiProperty({ type: [UnitRenamedResponse] }) renamed: UnitRenamedResponse[];
  @ApiProperty({ type: [UnitMovedResponse], description: 'parent changed' }) moved: UnitMovedResponse[];
}

class DiffPostResponse implements DiffPostRef {
  @ApiProperty() postId: string;
  @ApiProperty() unitId: string;
  @ApiProperty() title: string;
}

class PostRetitledResponse {
  @ApiProperty() postId: string;
  @ApiProperty() fromTitle: string;
  @ApiProperty() toTitle: string;
}

class PostRegradedResponse {
  @ApiProperty() postId: string;
  @ApiProperty() title: string;
  @ApiProperty() fromGrade: string;
  @ApiProperty() toGrade: string;
}

class DiffPostsResponse {
  @ApiProperty({ type: [DiffPostResponse] }) created: DiffPostResponse[];
  @ApiProperty({ type: [DiffPostResponse] }) abolished: DiffPostResponse[];
  @ApiProperty({ type: [PostRetitledResponse] }) retitled: PostRetitledResponse[];
  @ApiProperty({ type: [PostRegradedResponse] }) regraded: PostRegradedResponse[];
}

class DiffHolderResponse implements DiffHolderRef {
  @ApiProperty() postId: string;
  @ApiProperty() title: string;
  @ApiProperty() personId: string;
  @ApiProperty() kind: string;
}

class HolderKindChangedResponse {
  @ApiProperty() postId: string;
  @ApiProperty() title: string;
  @ApiProperty() personId: string;
  @ApiProperty() fromKind: string;
  @ApiProperty() toKind: string;
}

class DiffHoldersResponse {
  @ApiProperty({ type: [DiffHolderResponse] }) appointed: DiffHolderResponse[];
  @ApiProperty({ type: [DiffHolderResponse] }) left: DiffHolderResponse[];
  @ApiProperty({ type: [HolderKindChangedResponse], description: 'the same person holds the same post differently (e.g. acting → substantive)' })
  kindChanged: HolderKindChangedResponse[];
}

export class StructureDiffResponse implements StructureDiffView {
  @ApiProperty() organisationId: string;
  @ApiProperty({ type: DiffSideResponse }) from: DiffSideResponse;
  @ApiProperty({ type: DiffSideResponse }) to: DiffSideResponse;
  @ApiProperty({ type: DiffUnitsResponse }) units: DiffUnitsResponse;
  @ApiProperty({ type: DiffPostsResponse }) posts: DiffPostsResponse;
  @ApiProperty({ type: DiffHoldersResponse, description: 'matched by post and person' }) holders: DiffHoldersResponse;
}
