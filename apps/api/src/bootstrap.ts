import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Clock } from '@orgchange/commands';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';

/** Creates the configured API (body limit, logging, OpenAPI at /docs) without listening, for main and for tests. */
export async function createApi(config: AppConfig, clock?: Clock): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, clock), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.use(helmet());
  app.useBodyParser('json', { limit: config.BODY_LIMIT });
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('orgchange')
      .setDescription('Record organisational change as immutable events: restructures, appointments, boundary changes, corrections.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .addSecurityRequirements('bearer')
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
  return app;
}
