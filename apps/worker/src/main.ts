import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { notificationsConfigFrom } from '@orgchange/workflow';
import { validateWorkerConfig } from './worker-config';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  let config;
  let notifications;
  try {
    config = validateWorkerConfig(process.env);
    // NOTIFY_* (webhook, log, Kafka) checked here too, so a bad one exits with its message rather than a stack.
    notifications = notificationsConfigFrom(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, undefined, notifications), { logger: config.LOG_LEVEL === 'silent' ? false : undefined });
  app.enableShutdownHooks();
  new Logger('worker').log(`orgchange worker on ${config.ORGCHANGE_DB}: programme timers every ${config.TIMER_INTERVAL_MS} ms`);
}

void main();
