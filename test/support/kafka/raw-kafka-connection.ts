import { connect, type Socket } from 'node:net';

/* eslint-disable @typescript-eslint/no-require-imports */
const encodeRequest: (args: { correlationId: number; clientId: string; request: unknown }) => Promise<{ buffer: Buffer }> = require('kafkajs/src/protocol/request');
/* eslint-enable @typescript-eslint/no-require-imports */

/** A kafkajs request definition (node_modules/kafkajs/src/protocol/requests/<api>/v<n>/request.js) already given its arguments. */
export type KafkaRequestDefinition = { apiKey: number; apiVersion: number; encode: () => Promise<unknown> };

/**
 * One TCP connection that sends requests built with kafkajs's own request encoders and returns raw response
 * bodies (after the correlation id), so a test can drive a broker below the client's retries and checks.
 */
export class RawKafkaConnection {
  private correlationId = 0;
  private pending: Buffer = Buffer.alloc(0);
  private readonly waiting: ((body: Buffer) => void)[] = [];

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk) => {
      this.pending = Buffer.concat([this.pending, chunk]);
      while (this.pending.length >= 4 && this.pending.length >= 4 + this.pending.readInt32BE(0)) {
        const size = this.pending.readInt32BE(0);
        const frame = this.pending.subarray(4, 4 + size);
        this.pending = this.pending.subarray(4 + size);
        this.waiting.shift()?.(frame.subarray(4));
      }
    });
  }

  static async open(broker: string): Promise<RawKafkaConnection> {
    const [host, port] = broker.split(':');
    const socket = connect({ host, port: Number(port) });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    return new RawKafkaConnection(socket);
  }

  /** Sends one request and resolves with its response body; the broker answers in order on a connection. */
  async send(request: KafkaRequestDefinition): Promise<Buffer> {
    this.correlationId += 1;
    const frame = await encodeRequest({ correlationId: this.correlationId, clientId: 'raw-spec', request });
    const answer = new Promise<Buffer>((resolve) => this.waiting.push(resolve));
    this.socket.write(frame.buffer);
    return answer;
  }

  close(): void {
    this.socket.destroy();
  }
}
