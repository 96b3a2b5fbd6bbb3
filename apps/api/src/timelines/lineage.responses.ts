import { ApiProperty } from '@nestjs/swagger';
import type { LineageLinkView, UnitLineageView, UnitMoveView, UnitRenameView, UnitTransferView, UnitVersionView } from '@orgchange/projections';

const nullable = (description?: string) => ApiProperty({ type: String, nullable: true, description });

class UnitVersionResponse implements UnitVersionView {
  @ApiProperty() organisationId: string;
  @ApiProperty() name: string;
  @ApiProperty() kind: string;
  @nullable() parentUnitId: string | null;
  @ApiProperty() from: string;
  @nullable('first day of the next version or of closure; null = open-ended') until: string | null;
}

class UnitRenameResponse implements UnitRenameView {
  @ApiProperty() organisationId: string;
  @ApiProperty() effectiveFrom: string;
  @ApiProperty() fromName: string;
  @ApiProperty() toName: string;
}

class UnitMoveResponse implements UnitMoveView {
  @ApiProperty() organisationId: string;
  @ApiProperty() effectiveFrom: string;
  @nullable() fromParentUnitId: string | null;
  @nullable() toParentUnitId: string | null;
}

class UnitTransferResponse implements UnitTransferView {
  @ApiProperty() effectiveFrom: string;
  @ApiProperty() fromOrganisationId: string;
  @ApiProperty() toOrganisationId: string;
  @nullable() fromParentUnitId: string | null;
  @nullable() toParentUnitId: string | null;
}

class LineageLinkResponse implements LineageLinkView {
  @ApiProperty() fromUnitId: string;
  @nullable() fromName: string | null;
  @ApiProperty() toUnitId: string;
  @nullable() toName: string | null;
  @ApiProperty({ description: 'merged or split' }) relation: string;
  @ApiProperty() effectiveFrom: string;
  @ApiProperty({ description: '1 = direct predecessor or successor' }) depth: number;
}

export class UnitLineageResponse implements UnitLineageView {
  @ApiProperty() unitId: string;
  @ApiProperty() name: string;
  @ApiProperty() knownAt: string;
  @ApiProperty() asOfPosition: number;
  @ApiProperty({ type: [UnitVersionResponse] }) versions: UnitVersionResponse[];
  @ApiProperty({ type: [UnitRenameResponse] }) renames: UnitRenameResponse[];
  @ApiProperty({ type: [UnitMoveResponse] }) moves: UnitMoveResponse[];
  @ApiProperty({ type: [UnitTransferResponse], description: 'moves between organisations (service transfers)' }) transfers: UnitTransferResponse[];
  @ApiProperty({ type: [LineageLinkResponse], description: 'units merged or split into this one, and theirs, recursively' }) predecessors: LineageLinkResponse[];
  @ApiProperty({ type: [LineageLinkResponse], description: 'units this one merged or split into, and theirs, recursively' }) successors: LineageLinkResponse[];
}
