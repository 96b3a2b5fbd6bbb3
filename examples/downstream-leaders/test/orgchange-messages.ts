import { randomUUID } from 'node:crypto';

export type SentMessage = { topic: string; message: { key: string; value: string; headers: Record<string, string> } };

/** Builds messages as orgchange's relay publishes them (docs/kafka-contracts.md), for feeding the example in tests. */
export class OrgchangeMessages {
  private position = 0;

  constructor(private readonly topicPrefix: string) {}

  event(organisationId: string, subject: string, type: string, data: Record<string, unknown>): SentMessage & { id: string } {
    this.position += 1;
    const topic = ['OrganisationEstablished', 'OrganisationRenamed', 'OrganisationClosed', 'EventRetracted', 'EventCorrected'].includes(type)
      ? `${this.topicPrefix}.restructures.v1`
      : `${this.topicPrefix}.appointments.v1`;
    const envelope = {
      specversion: '1.0',
      id: randomUUID(),
      source: 'urn:orgchange:test',
      type: `orgchange.${type}.v1`,
      subject,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      dataschema: `urn:orgchange:schema:${type}:v1`,
      ...(typeof data.effectiveFrom === 'string' ? { effectivefrom: data.effectiveFrom } : {}),
      orgchangeposition: String(this.position),
      data,
    };
    return {
      topic,
      id: envelope.id,
      message: { key: organisationId, value: JSON.stringify(envelope), headers: { 'content-type': 'application/cloudevents+json' } },
    };
  }

  /** The same message republished (`orgchange kafka republish`): same value, marked as a replay. */
  static replayOf(sent: SentMessage): SentMessage {
    return { ...sent, message: { ...sent.message, headers: { ...sent.message.headers, 'orgchange-replay': 'true' } } };
  }
}

/** Polls `condition` every 25 ms until it holds; rejects with `describe()` after `timeoutMs` (a bounded wait, no fixed sleep). */
export async function waitFor(condition: () => boolean, describe: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
