/**
 * The downstream example: keeps current leaders per organisation from orgchange's Kafka topics.
 * Configuration by environment (see ../README.md): KAFKA_BROKERS (required), KAFKA_TOPIC_PREFIX, LEADERS_GROUP_ID,
 * LEADERS_DB, LEADERS_HTTP_PORT.
 */
import { LeadersConsumer } from './leaders-consumer';
import { leadersHttpServer, listen } from './leaders-http';
import { LeadersStore } from './leaders-store';

async function main(): Promise<void> {
  const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').map((b) => b.trim()).filter(Boolean);
  if (brokers.length === 0) throw new Error('KAFKA_BROKERS is required (comma-separated host:port)');
  const port = Number(process.env.LEADERS_HTTP_PORT ?? 8088);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('LEADERS_HTTP_PORT must be a port number');
  const prefix = process.env.KAFKA_TOPIC_PREFIX ?? 'orgchange';
  const store = new LeadersStore(process.env.LEADERS_DB ?? './downstream-leaders.sqlite');
  const consumer = new LeadersConsumer({
    brokers,
    groupId: process.env.LEADERS_GROUP_ID ?? 'downstream-leaders',
    topics: [`${prefix}.appointments.v1`, `${prefix}.restructures.v1`],
    store,
    onRejected: (reason, where) => console.error(`downstream-leaders: skipped ${where}: ${reason}`),
  });
  const server = leadersHttpServer(store);
  const bound = await listen(server, port);
  await consumer.start();
  console.log(`downstream-leaders: consuming from ${brokers.join(',')}, view on http://127.0.0.1:${bound}/organisations`);
  const stop = async () => {
    await consumer.stop();
    server.close();
    store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: Error) => {
  console.error(`downstream-leaders: ${error.message}`);
  process.exit(1);
});
