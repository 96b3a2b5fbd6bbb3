import { notificationId } from '../notification-id';
import type { NotificationKind } from '../notification.types';

type Recipient = { recipientKind: 'post' | 'unit'; recipientId: string };

/** Who {@link TableRecipientFinder} says change `changeId` affects, written out again independently of it. */
const recipientsOfChange = (changeId: string, postsPerChange: number): Recipient[] => [
  ...Array.from({ length: postsPerChange }, (_, k): Recipient => ({ recipientKind: 'post', recipientId: `${changeId}-post-${k}` })),
  { recipientKind: 'unit', recipientId: `${changeId}-unit` },
  { recipientKind: 'unit', recipientId: 'board' },
];

/**
 * The ids of every notification a programme of `changeIds` from `programmeHistory` must end with: the four
 * programme-wide messages to everyone affected, then either one `change-effective` per change to those it affects,
 * or (withdrawn after scheduling) a `programme-withdrawn` to everyone told.
 */
export function expectedNotificationIds(programmeId: string, changeIds: readonly string[], postsPerChange: number, ending: 'effective' | 'withdrawn'): string[] {
  const everyone = new Map<string, Recipient>();
  for (const changeId of changeIds) for (const r of recipientsOfChange(changeId, postsPerChange)) everyone.set(`${r.recipientKind} ${r.recipientId}`, r);
  const wide = (kind: NotificationKind) => [...everyone.values()].map((r) => notificationId(programmeId, null, r, kind));
  const ids = [...wide('proposal-published'), ...wide('consultation-opened'), ...wide('consultation-closing-soon'), ...wide('programme-decided')];
  if (ending === 'withdrawn') return [...ids, ...wide('programme-withdrawn')];
  return [...ids, ...changeIds.flatMap((changeId) => recipientsOfChange(changeId, postsPerChange).map((r) => notificationId(programmeId, changeId, r, 'change-effective')))];
}
