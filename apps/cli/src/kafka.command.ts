import { Presets, SingleBar } from 'cli-progress';
import { Command, Option } from 'commander';
import {
  ContractSchemas,
  DEFAULT_TOPIC_PREFIX,
  errorText,
  KafkaPublisher,
  MessageFactory,
  OrganisationKeys,
  republish,
  sourceOf,
  TOPIC_CATEGORIES,
  type TopicCategory,
  topicNames,
} from '@orgchange/messaging';
import { CliError } from './cli-error';
import { dbOption, openExistingStore } from './store-option';

type RepublishOptions = {
  db: string;
  from: bigint;
  to?: bigint;
  topic?: string[];
  brokers?: string;
  topicPrefix: string;
  deployment: string;
  idempotent: boolean;
  batchSize: number;
};

const position = (name: string) => (value: string): bigint => {
  if (!/^[1-9]\d*$/.test(value)) throw new CliError(`${name} must be a global position (a whole number from 1), got "${value}"`);
  return BigInt(value);
};

/**
 * `orgchange kafka republish`: publishes a range of the log again (for a new downstream), each message with
 * the header `orgchange-replay: true`, to the same topics and with the same keys and values as the relay.
 */
export function kafkaCommand(): Command {
  const republishVerb = new Command('republish')
    .description('publish events of the log again, in global order, marked as a replay (progress on stderr, JSON report on stdout)')
    .addOption(dbOption())
    .requiredOption('--from <position>', 'first global position to publish (inclusive)', position('--from'))
    .option('--to <position>', 'last global position to publish (inclusive; default: the end of the log)', position('--to'))
    .option('--topic <topic...>', `only these topics: a category (${TOPIC_CATEGORIES.join(', ')}) or a full topic name`)
    .addOption(new Option('--brokers <host:port,...>', 'Kafka bootstrap brokers').env('KAFKA_BROKERS'))
    .addOption(new Option('--topic-prefix <prefix>', 'topic prefix').env('KAFKA_TOPIC_PREFIX').default(DEFAULT_TOPIC_PREFIX))
    .addOption(new Option('--deployment <name>', 'CloudEvents source is urn:orgchange:<deployment>').env('ORGCHANGE_DEPLOYMENT').default('default'))
    .addOption(new Option('--no-idempotent', 'plain producer, for brokers without the idempotent producer'))
    .option('--batch-size <n>', 'messages per produce request', (value: string) => {
      if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 10_000) throw new CliError(`--batch-size must be a whole number from 1 to 10000, got "${value}"`);
      return Number(value);
    }, 500)
    .action(async (options: RepublishOptions) => runRepublish(options));
  return new Command('kafka').description('Kafka topics: replay history for a downstream').addCommand(republishVerb);
}

async function runRepublish(options: RepublishOptions): Promise<void> {
  const brokers = (options.brokers ?? '').split(',').map((b) => b.trim()).filter(Boolean);
  if (brokers.length === 0 || brokers.some((b) => !/^[^\s:,]+:\d{1,5}$/.test(b))) {
    throw new CliError('--brokers (or KAFKA_BROKERS) must list Kafka brokers as host:port[,host:port…]');
  }
  if (options.to !== undefined && options.to < options.from) throw new CliError(`--to (${options.to}) must not be before --from (${options.from})`);
  const topics = parseOrThrow(() => topicNames(options.topicPrefix), '--topic-prefix');
  const source = parseOrThrow(() => sourceOf(options.deployment), '--deployment');
  const selected = options.topic ? new Set(options.topic.map((t) => topicOf(t, topics))) : undefined;

  const store = openExistingStore(options.db);
  const publisher = new KafkaPublisher({ brokers, clientId: 'orgchange-republish', idempotent: options.idempotent, partitions: 1, replicationFactor: 1 });
  const bar = new SingleBar({ stream: process.stderr, format: 'republish |{bar}| {value}/{total} events | {published} published', hideCursor: true }, Presets.shades_classic);
  try {
    const last = BigInt(await store.count());
    const end = options.to !== undefined && options.to < last ? options.to : last;
    bar.start(Math.max(0, Number(end - options.from + 1n)), 0, { published: 0 });
    const factory = new MessageFactory({ topics, source, schemas: new ContractSchemas(), keys: new OrganisationKeys(store) });
    const report = await republish(store, factory, publisher, { from: options.from, to: options.to, topics: selected, batchSize: options.batchSize }, (p) =>
      bar.update(p.read, { published: p.published }),
    );
    bar.stop();
    console.log(JSON.stringify({ ...report, from: options.from.toString(), to: options.to?.toString() ?? null, topics: selected ? [...selected] : 'all' }));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`republishing failed: ${errorText(error)}`, 1);
  } finally {
    bar.stop();
    await publisher.close();
    await store.close();
  }
}

function topicOf(name: string, topics: ReturnType<typeof topicNames>): string {
  if ((TOPIC_CATEGORIES as readonly string[]).includes(name)) return topics[name as TopicCategory];
  const full = TOPIC_CATEGORIES.map((c) => topics[c]);
  if (full.includes(name)) return name;
  throw new CliError(`--topic ${name} is not one of ${[...TOPIC_CATEGORIES, ...full].join(', ')}`);
}

function parseOrThrow<T>(parse: () => T, option: string): T {
  try {
    return parse();
  } catch (error) {
    throw new CliError(`${option}: ${(error as Error).message}`);
  }
}
