import { getJson } from '../api-client';
import type { ProgrammeDetail, ProgrammeImpact, ProgrammeNotifications, ProgrammeSummary, Timer } from '../api-types';
import { byId, el, fail, say } from '../status';
import { table } from './table';

const timer = (t: Timer | null) => (t ? `${t.kind} on ${t.dueOn}` : '—');

/** Change programmes: the list with state and next timer, then one programme's timeline, impact and notifications. */
export class ProgrammesPanel {
  constructor() {
    byId('programmes-refresh').addEventListener('click', () => void this.list());
  }

  async list(): Promise<void> {
    try {
      const { programmes } = await getJson<{ programmes: ProgrammeSummary[] }>('/programmes');
      const open = (p: ProgrammeSummary) => {
        const button = el('button', { type: 'button', 'data-programme-id': p.programmeId }, `Open ${p.title}`);
        button.addEventListener('click', () => void this.open(p.programmeId));
        return button;
      };
      byId('programmes-list').replaceChildren(
        programmes.length === 0
          ? el('p', {}, 'No change programmes recorded.')
          : table('Change programmes', ['programme', 'status', 'organisations', 'changes', 'next timer', ''], programmes.map((p) => [p.title, p.status, p.organisationIds.join(', '), String(p.changes), timer(p.nextTimer), open(p)])),
      );
    } catch (error) {
      fail(error);
    }
  }

  async open(programmeId: string): Promise<void> {
    const path = `/programmes/${encodeURIComponent(programmeId)}`;
    try {
      const [detail, impact, notes] = await Promise.all([
        getJson<ProgrammeDetail>(path),
        getJson<ProgrammeImpact>(`${path}/impact`),
        getJson<ProgrammeNotifications>(`${path}/notifications`),
      ]);
      const heading = el('h3', { tabindex: '-1' }, `${detail.state.title ?? programmeId}: ${detail.state.status}`);
      byId('programme-detail').replaceChildren(
        heading,
        el('p', {}, `Waiting on: ${detail.pendingTimers.length ? detail.pendingTimers.map(timer).join('; ') : 'no timer'}.`),
        el('h4', {}, 'Planned changes'),
        el('ul', {}, ...detail.state.changes.map((c) => el('li', {}, `${c.changeId}: ${c.command.type} ${describeData(c.command.data)}`))),
        el('h4', {}, 'Timeline'),
        el('ol', { class: 'timeline' }, ...detail.timeline.map((t) => el('li', {}, `${t.recordedAt} ${t.type} by ${t.actor}`))),
        el('h4', {}, `Impact: ${impact.recipients.length} affected posts, units or organisations, ${impact.people} people`),
        table('Impact', ['kind', 'who', 'organisation', 'people', 'why', 'changes'], impact.recipients.map((r) => [r.recipientKind, r.recipientId, r.organisationId, r.personIds.join(', ') || '—', r.reasons.join(', '), r.changeIds.join(', ')])),
        el('h4', {}, `Notifications (${notes.notifications.length})`),
        notes.notifications.length === 0
          ? el('p', {}, 'None sent yet (the worker sends them as the programme moves on).')
          : table('Notifications', ['kind', 'to', 'on', 'delivery'], notes.notifications.map((n) => [n.kind, `${n.recipient.recipientKind} ${n.recipient.recipientId}`, n.occurredOn, n.deliveries.map((d) => `${d.channel}: ${d.status}`).join(', ') || 'pending'])),
      );
      heading.focus();
      say(`Programme ${detail.state.title ?? programmeId} opened.`);
    } catch (error) {
      fail(error);
    }
  }
}

const describeData = (data: Record<string, unknown>): string =>
  Object.entries(data)
    .filter(([key]) => key !== 'organisationId')
    .map(([key, value]) => `${key}=${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(', ');
