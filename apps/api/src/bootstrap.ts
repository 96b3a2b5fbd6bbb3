import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Clock } from '@orgchange/commands';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';

/** Creates the configured API (body limit, logging, OpenAPI at /docs, the web page at /) without listening, for main and for tests. */
export async function createApi(config: AppConfig, clock?: Clock): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, clock), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  // helmet's default CSP asks browsers to upgrade every sub-request to https; deployments serving the page over
  // plain HTTP behind a cluster address (no TLS at the pod) would then fail to load its scripts, so TLS is left to
  // the ingress and the upgrade directive is dropped.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
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
  serveWebPage(app);
  return app;
}

/**
 * The web page (apps/web), bundled by `npm run build` into dist/web: beside the compiled API, or under dist/
 * when the API runs from source (tests). Static files answer before any route, so `/` is the page; every other
 * path that is not a file falls through to the API. Without a build the API runs as before, with no page.
 */
function serveWebPage(app: NestExpressApplication): void {
  const candidates = [join(__dirname, '..', '..', '..', 'web'), join(__dirname, '..', '..', '..', 'dist', 'web')];
  const dir = candidates.find((d) => existsSync(join(d, 'index.html')));
  if (dir) app.useStaticAssets(dir, { index: 'index.html', fallthrough: true, redirect: false });
}
