import { ApiProperty } from '@nestjs/swagger';

class RecipientResponse {
  @ApiProperty({ enum: ['post', 'unit', 'organisation'] }) recipientKind: string;
  @ApiProperty() recipientId: string;
  @ApiProperty() organisationId: string;
  @ApiProperty({ type: [String], description: 'people in it the day before the change' }) personIds: string[];
  @ApiProperty({ type: [String], description: 'how the changes reach it (impact analysis)' }) reasons: string[];
  @ApiProperty({ type: [String] }) changeIds: string[];
}

class DeliveryResponse {
  @ApiProperty({ description: 'webhook, log …' }) channel: string;
  @ApiProperty({ enum: ['delivered', 'failed'] }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty() settledAt: string;
}

class NotificationResponse {
  @ApiProperty({ description: 'UUID v5 of (programme, change, recipient, kind): the idempotency key channels pass on' }) notificationId: string;
  @ApiProperty({ enum: ['proposal-published', 'consultation-opened', 'consultation-closing-soon', 'programme-decided', 'change-effective', 'programme-withdrawn'] }) kind: string;
  @ApiProperty() programmeId: string;
  @ApiProperty() programmeTitle: string;
  @ApiProperty({ type: String, nullable: true, description: 'the change, for change-effective; null for the programme as a whole' }) changeId: string | null;
  @ApiProperty({ type: RecipientResponse }) recipient: RecipientResponse;
  @ApiProperty() occurredOn: string;
  @ApiProperty({ type: Object }) details: Record<string, unknown>;
  @ApiProperty({ type: Object, description: 'eventId and globalPosition of the programme event' }) cause: Record<string, string>;
  @ApiProperty({ type: [DeliveryResponse], description: 'one entry per channel that has settled it; none yet: pending' }) deliveries: DeliveryResponse[];
}

export class NotificationsResponse {
  @ApiProperty({ type: [NotificationResponse], description: 'oldest first' }) notifications: NotificationResponse[];
}
