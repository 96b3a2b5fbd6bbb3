import { Kafka, logLevel } from 'kafkajs';
import { RawKafkaConnection, type KafkaRequestDefinition } from '../support/kafka/raw-kafka-connection';
import { ErrorCode } from './error-codes';
import { startTestBroker, type TestBroker } from './test-broker';

/* eslint-disable @typescript-eslint/no-require-imports */
const produceV3: (args: object) => KafkaRequestDefinition = require('kafkajs/src/protocol/requests/produce/v3/request');
const produceV3Response: { decode(body: Buffer): Promise<{ topics: { partitions: { errorCode: number; baseOffset: string }[] }[] }> } = require('kafkajs/src/protocol/requests/produce/v3/response');
const initProducerIdV0: (args: object) => KafkaRequestDefinition = require('kafkajs/src/protocol/requests/initProducerId/v0/request');
const initProducerIdV0Response: { decode(body: Buffer): Promise<{ errorCode: number; producerId: string; producerEpoch: number }> } = require('kafkajs/src/protocol/requests/initProducerId/v0/response');
/* eslint-enable @typescript-eslint/no-require-imports */

jest.setTimeout(30_000);

/**
 * Drives Produce at the wire, below kafkajs's producer (which never resends out of order on its own), to check
 * the broker's idempotence rules the way a flaky network would exercise them.
 */
describe('test broker idempotent produce (raw protocol)', () => {
  let broker: TestBroker;
  let connection: RawKafkaConnection;
  let producerId: string;
  const topic = 'idempotence';

  const produce = async (firstSequence: number, count: number, options: { producerId?: string; producerEpoch?: number } = {}) => {
    const request = produceV3({
      acks: -1,
      timeout: 1000,
      producerId: options.producerId ?? producerId,
      producerEpoch: options.producerEpoch ?? 0,
      topicData: [
        { topic, partitions: [{ partition: 0, firstSequence, messages: Array.from({ length: count }, (_, i) => ({ key: 'k', value: `m${firstSequence + i}` })) }] },
      ],
    });
    const { topics } = await produceV3Response.decode(await connection.send(request));
    return topics[0].partitions[0];
  };

  const highWatermark = async () => {
    const admin = new Kafka({ clientId: 'raw-spec-admin', brokers: broker.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      return Number((await admin.fetchTopicOffsets(topic))[0].high);
    } finally {
      await admin.disconnect();
    }
  };

  beforeAll(async () => {
    broker = await startTestBroker({ autoCreateTopics: false });
    const admin = new Kafka({ clientId: 'raw-spec-admin', brokers: broker.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
    await admin.disconnect();
    connection = await RawKafkaConnection.open(broker.brokers[0]);
    const init = await initProducerIdV0Response.decode(await connection.send(initProducerIdV0({ transactionalId: null, transactionTimeout: 1000 })));
    expect(init.errorCode).toBe(ErrorCode.none);
    producerId = init.producerId;
  });
  afterAll(async () => {
    connection?.close();
    await broker?.stop();
  });

  it('acknowledges a resent batch with its first offset and stores it once; refuses gaps, overlaps, stale epochs and unknown producers', async () => {
    expect(await produce(0, 3)).toMatchObject({ errorCode: ErrorCode.none, baseOffset: '0' });
    expect(await produce(0, 3)).toMatchObject({ errorCode: ErrorCode.none, baseOffset: '0' });
    expect(await highWatermark()).toBe(3);

    expect(await produce(5, 1)).toMatchObject({ errorCode: ErrorCode.outOfOrderSequenceNumber });
    expect(await produce(1, 3)).toMatchObject({ errorCode: ErrorCode.duplicateSequenceNumber });
    expect(await produce(3, 2, { producerEpoch: 1 })).toMatchObject({ errorCode: ErrorCode.invalidProducerEpoch });
    expect(await produce(0, 1, { producerId: '987654' })).toMatchObject({ errorCode: ErrorCode.unknownProducerId });
    expect(await highWatermark()).toBe(3);

    expect(await produce(3, 2)).toMatchObject({ errorCode: ErrorCode.none, baseOffset: '3' });
    expect(await highWatermark()).toBe(5);
  });

  it('refuses a produce to a topic that does not exist when auto-creation is off', async () => {
    const request = produceV3({ acks: -1, timeout: 1000, topicData: [{ topic: 'absent', partitions: [{ partition: 0, messages: [{ value: 'x' }] }] }] });
    const { topics } = await produceV3Response.decode(await connection.send(request));
    expect(topics[0].partitions[0].errorCode).toBe(ErrorCode.unknownTopicOrPartition);
  });
});
