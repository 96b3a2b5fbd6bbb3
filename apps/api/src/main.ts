import 'reflect-metadata';
import { startupAuthHint } from './auth/startup-hint';
import { createApi } from './bootstrap';
import { validateAppConfig } from './config/app-config';

async function main(): Promise<void> {
  let config;
  try {
    config = validateAppConfig(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const app = await createApi(config);
  await app.listen(config.PORT, config.HOST);
  console.log(`orgchange API on http://localhost:${config.PORT} (database ${config.ORGCHANGE_DB}); OpenAPI at /docs, health at /health`);
  console.log(startupAuthHint(config));
}

void main();
