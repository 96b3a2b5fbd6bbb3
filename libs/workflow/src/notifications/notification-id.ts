import { v5 as uuidv5 } from 'uuid';
import type { NotificationKind } from './notification.types';

/** Namespace of notification ids (a fixed random UUID: changing it would re-send every notification). */
const NOTIFICATION_NAMESPACE = '5d0c6f3e-2a8b-4f7e-9b1c-7e4a2d9f8c10';

/**
 * The id of the notification of `kind` about `changeId` (null: the programme as a whole) to one recipient. The
 * same inputs always give the same UUID v5, which is what makes a replayed saga insert nothing new.
 */
export function notificationId(programmeId: string, changeId: string | null, recipient: Readonly<{ recipientKind: string; recipientId: string }>, kind: NotificationKind): string {
  return uuidv5([programmeId, changeId ?? '', recipient.recipientKind, recipient.recipientId, kind].join('\u0000'), NOTIFICATION_NAMESPACE);
}
