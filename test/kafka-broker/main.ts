/**
 * Runs the in-repo Kafka TEST DOUBLE stand-alone (limits: see test-broker.ts), e.g. for `npm run bench` or to
 * try the downstream example: `node dist/test/kafka-broker/main.js --port 9092`.
 * Prints `test-broker listening on 127.0.0.1:<port>` once it accepts connections; SIGINT/SIGTERM stop it.
 */
import { Command, InvalidArgumentError } from 'commander';
import { startTestBroker } from './test-broker';

const integer = (name: string, min: number, max: number) => (value: string) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}`);
  return parsed;
};

async function main(): Promise<void> {
  const options = new Command('test-kafka-broker')
    .description('In-memory single-node Kafka test double on 127.0.0.1 (not a Kafka broker: see test/kafka-broker/test-broker.ts)')
    .option('--port <port>', 'TCP port on 127.0.0.1 (0 = any free port)', integer('--port', 0, 65535), 9092)
    .option('--partitions <n>', 'partitions of auto-created topics', integer('--partitions', 1, 1000), 1)
    .option('--no-auto-create-topics', 'refuse unknown topics instead of creating them on metadata requests')
    .parse()
    .opts<{ port: number; partitions: number; autoCreateTopics: boolean }>();
  const broker = await startTestBroker({ port: options.port, defaultPartitions: options.partitions, autoCreateTopics: options.autoCreateTopics });
  console.log(`test-broker listening on ${broker.brokers[0]}`);
  const stop = () => {
    void broker.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(`test-broker: ${error.message}`);
  process.exit(1);
});
