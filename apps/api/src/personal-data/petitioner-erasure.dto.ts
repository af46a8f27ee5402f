import { ApiProperty } from '@nestjs/swagger';

export class CaseErasureDto {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ example: '2026-000042' }) filingNumber: string;
  @ApiProperty({ enum: ['erased', 'already'], description: '`erased`: PetitionerDataErased recorded now; `already`: by an earlier erasure' }) outcome: 'erased' | 'already';
  @ApiProperty({ description: "The case's revision after it (its new ETag)" }) revision: number;
  @ApiProperty() position: number;
}

export class ErasureResponseDto {
  @ApiProperty({ pattern: '^[0-9a-f]{64}$' }) petitionerId: string;
  @ApiProperty({ description: 'Keys destroyed now (0 when an earlier erasure had destroyed them)' }) keysDestroyed: number;
  @ApiProperty({ type: [CaseErasureDto] }) cases: CaseErasureDto[];
  @ApiProperty({ description: 'Outgoing .eml files and customer attachments deleted from DATA_DIR' }) filesDeleted: number;
  @ApiProperty({ description: 'The read models already show [erased] and their files were purged; false: the projector was behind, they follow' }) readModelsPurged: boolean;
  @ApiProperty({ description: 'Global position of the last PetitionerDataErased (use as ?minPosition=)' }) position: number;
}
