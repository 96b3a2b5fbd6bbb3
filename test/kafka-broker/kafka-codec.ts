/**
 * Typed handles on kafkajs's own wire-format classes (node_modules/kafkajs/src/protocol), so the test broker
 * reads and writes exactly the primitives kafkajs itself uses. kafkajs ships no types for these internals.
 */
export type WireDecoder = {
  offset: number;
  buffer: Buffer;
  readInt8(): number;
  readInt16(): number;
  readInt32(): number;
  readInt64(): bigint;
  readString(): string | null;
  readBytes(length?: number): Buffer;
  readBoolean(): boolean;
  readArray<T>(reader: (decoder: WireDecoder) => T): T[];
  canReadBytes(length: number): boolean;
};

export type WireEncoder = {
  buffer: Buffer;
  writeInt8(value: number): WireEncoder;
  writeInt16(value: number): WireEncoder;
  writeInt32(value: number): WireEncoder;
  writeInt64(value: bigint | number | string): WireEncoder;
  writeBoolean(value: boolean): WireEncoder;
  writeString(value: string | null): WireEncoder;
  writeBytes(value: Buffer | null): WireEncoder;
  writeBuffer(value: Buffer): WireEncoder;
  writeEncoder(value: WireEncoder): WireEncoder;
  writeArray(items: readonly (WireEncoder | number | string)[], type?: 'int32' | 'string' | 'object'): WireEncoder;
  size(): number;
};

/* eslint-disable @typescript-eslint/no-require-imports */
const DecoderClass: new (buffer: Buffer) => WireDecoder = require('kafkajs/src/protocol/decoder');
const EncoderClass: new () => WireEncoder = require('kafkajs/src/protocol/encoder');
const crc32C: (buffer: Buffer) => number = require('kafkajs/src/protocol/recordBatch/crc32C');
/* eslint-enable @typescript-eslint/no-require-imports */

export const decoderFor = (buffer: Buffer): WireDecoder => new DecoderClass(buffer);
export const newEncoder = (): WireEncoder => new EncoderClass();
/** CRC-32C as record batches (magic 2) carry it. */
export const crc32c = (buffer: Buffer): number => crc32C(buffer);

