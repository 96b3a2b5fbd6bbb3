import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { validateRelayConfig } from './relay-config';
import { openRelayLog, RelayModule } from './relay.module';

async function main(): Promise<void> {
  let config;
  try {
    config = validateRelayConfig(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  let log;
  try {
    log = await openRelayLog(config);
  } catch (error) {
    console.error(`orgchange relay: ${(error as Error).message}`);
    process.exit(1);
  }
  const app = await NestFactory.createApplicationContext(RelayModule.forRoot(config, log), { logger: config.LOG_LEVEL === 'silent' ? false : undefined });
  app.enableShutdownHooks();
  new Logger('relay').log(
    `orgchange relay on the ${config.store.kind} log → ${config.KAFKA_BROKERS.join(',')} (topics ${config.KAFKA_TOPIC_PREFIX}.*.v1, idempotent ${config.KAFKA_IDEMPOTENT})`,
  );
}

void main();
