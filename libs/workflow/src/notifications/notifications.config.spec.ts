import { notificationsConfigFrom } from './notifications.config';

describe('notifications configuration', () => {
  it('logs only, with the default retry policy, when nothing is set', () =>
    expect(notificationsConfigFrom({})).toEqual({ webhookUrl: undefined, webhookTimeoutMs: 10_000, log: true, retry: { maxAttempts: 8, initialDelayMs: 500, maxDelayMs: 60_000 }, concurrency: 8 }));

  it('reads the webhook and its retry policy', () =>
    expect(notificationsConfigFrom({ NOTIFY_WEBHOOK_URL: 'https://hooks.example/n', NOTIFY_LOG: 'false', NOTIFY_MAX_ATTEMPTS: '3', NOTIFY_BACKOFF_MS: '100', NOTIFY_BACKOFF_CAP_MS: '800' })).toMatchObject({
      webhookUrl: 'https://hooks.example/n',
      log: false,
      retry: { maxAttempts: 3, initialDelayMs: 100, maxDelayMs: 800 },
    }));

  it('names every bad variable', () =>
    expect(() => notificationsConfigFrom({ NOTIFY_WEBHOOK_URL: 'ftp://x', NOTIFY_MAX_ATTEMPTS: '0', NOTIFY_LOG: 'yes' })).toThrow(
      /NOTIFY_WEBHOOK_URL must be an http or https URL\n {2}- NOTIFY_LOG must be true or false\n {2}- NOTIFY_MAX_ATTEMPTS must be a whole number of at least 1/,
    ));
});
