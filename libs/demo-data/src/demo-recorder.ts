import type { CommandBus } from '@nestjs/cqrs';
import {
  type CommandOutcome,
  eventIdFactory,
  ExecuteCorrectionCommand,
  ExecuteCrossOrganisationCommand,
  ExecuteOrganisationCommand,
  ExecutePersonCommand,
  ExecutePostCommand,
  type PostCommandRequest,
} from '@orgchange/commands';
import type { AppointmentKind, CalendarDate, CrossOrganisationCommand, OrganisationCommand, PostFamily, Profession } from '@orgchange/domain';
import type { CommandEnvelope } from '@orgchange/event-store';

/** A demo date, written by hand and checked by the deciders like any other. */
export const date = (value: string) => value as CalendarDate;

/**
 * Records demo history through the CommandBus, so every fact passes the same rules as an API request.
 * Event ids are derived from a fixed key per step, so loading twice can never append a step twice.
 */
export class DemoRecorder {
  private step = 0;
  readonly outcomes: CommandOutcome[] = [];

  constructor(private readonly commandBus: CommandBus) {}

  private envelope(): CommandEnvelope {
    this.step += 1;
    return {
      metadata: { actor: 'demo-data', correlationId: `demo-step-${this.step}` },
      newEventId: eventIdFactory(`orgchange-demo-step-${this.step}`),
    };
  }

  private async record(outcome: Promise<CommandOutcome>): Promise<CommandOutcome> {
    const result = await outcome;
    this.outcomes.push(result);
    return result;
  }

  organisation(command: OrganisationCommand) {
    return this.record(this.commandBus.execute(new ExecuteOrganisationCommand(command, this.envelope())));
  }

  across(command: CrossOrganisationCommand) {
    return this.record(this.commandBus.execute(new ExecuteCrossOrganisationCommand(command, this.envelope())));
  }

  post(command: PostCommandRequest) {
    return this.record(this.commandBus.execute(new ExecutePostCommand(command, this.envelope())));
  }

  establish(organisationId: string, name: string, kind: 'nhs-foundation-trust' | 'nhs-trust' | 'council', on: string, externalCode?: string) {
    return this.organisation({ type: 'EstablishOrganisation', data: { organisationId, name, kind, effectiveFrom: date(on), ...(externalCode ? { externalCode } : {}) } });
  }

  unit(organisationId: string, unitId: string, name: string, kind: OrganisationUnitKind, on: string, parentUnitId?: string, memberOrganisationIds?: string[]) {
    return this.organisation({
      type: 'EstablishUnit',
      data: { organisationId, unitId, name, kind, effectiveFrom: date(on), ...(parentUnitId ? { parentUnitId } : {}), ...(memberOrganisationIds ? { memberOrganisationIds } : {}) },
    });
  }

  person(personId: string, profession: Profession, on = '2010-01-01') {
    return this.record(this.commandBus.execute(new ExecutePersonCommand({ type: 'RegisterPerson', data: { personId, profession, effectiveFrom: date(on) } }, this.envelope())));
  }

  createPost(p: { postId: string; organisationId: string; unitId: string; title: string; family: PostFamily; grade: string; on: string; maxHolders?: number; programmedActivities?: number; groupId?: string; groupRole?: string }) {
    const { on, maxHolders, ...rest } = p;
    return this.post({ type: 'CreatePost', data: { ...rest, maxHolders: maxHolders ?? 1, effectiveFrom: date(on) } });
  }

  appoint(postId: string, appointmentId: string, personId: string, kind: AppointmentKind, on: string, extra: { coveringForPersonId?: string; employingOrganisationId?: string; programmedActivities?: number; endsOn?: string } = {}) {
    const { endsOn, ...rest } = extra;
    return this.post({ type: 'StartAppointment', data: { postId, appointmentId, personId, kind, effectiveFrom: date(on), ...rest, ...(endsOn ? { endsOn: date(endsOn), endReason: 'term-ended' as const } : {}) } });
  }

  end(postId: string, appointmentId: string, on: string, endReason: 'resigned' | 'retired' | 'term-ended' | 'restructured-out' | 'replaced' | 'other', reason?: string) {
    return this.post({ type: 'EndAppointment', data: { postId, appointmentId, endReason, effectiveFrom: date(on), ...(reason ? { reason } : {}) } });
  }

  correct(targetEventId: string, correctedData: Record<string, unknown>, reason: string) {
    return this.record(this.commandBus.execute(new ExecuteCorrectionCommand({ type: 'CorrectEvent', data: { targetEventId, correctedData, reason } }, this.envelope())));
  }
}

type OrganisationUnitKind = Extract<OrganisationCommand, { type: 'EstablishUnit' }>['data']['kind'];
