import { decoderFor, newEncoder, type WireDecoder, type WireEncoder } from './kafka-codec';

/** A request header (v1: api key, version, correlation id, client id) and a decoder positioned on the body. */
export type KafkaRequest = { apiKey: number; apiVersion: number; correlationId: number; clientId: string | null; body: WireDecoder };

export function parseRequest(frame: Buffer): KafkaRequest {
  const decoder = decoderFor(frame);
  const apiKey = decoder.readInt16();
  const apiVersion = decoder.readInt16();
  const correlationId = decoder.readInt32();
  const clientId = decoder.readString();
  return { apiKey, apiVersion, correlationId, clientId, body: decoder };
}

/** Size-prefixed response with the v0 response header (correlation id). */
export function responseFrame(correlationId: number, body: WireEncoder): Buffer {
  const payload = newEncoder().writeInt32(correlationId).writeEncoder(body).buffer;
  const size = Buffer.alloc(4);
  size.writeInt32BE(payload.length, 0);
  return Buffer.concat([size, payload]);
}

/**
 * Cuts size-prefixed frames out of a TCP byte stream.
 * Frames larger than `maxFrameBytes` are refused (a broker's socket.request.max.bytes).
 */
export class FrameReader {
  private pending: Buffer = Buffer.alloc(0);

  constructor(private readonly maxFrameBytes = 100 * 1024 * 1024) {}

  push(chunk: Buffer): Buffer[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const frames: Buffer[] = [];
    while (this.pending.length >= 4) {
      const size = this.pending.readInt32BE(0);
      if (size < 0 || size > this.maxFrameBytes) throw new Error(`request frame of ${size} bytes refused`);
      if (this.pending.length < 4 + size) break;
      frames.push(this.pending.subarray(4, 4 + size));
      this.pending = this.pending.subarray(4 + size);
    }
    return frames;
  }
}
