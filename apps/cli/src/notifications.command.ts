import { userInfo } from 'node:os';
import type { Database } from 'better-sqlite3';
import { Command, Option } from 'commander';
import { type FailedDelivery, type FailedDeliveryFilter, NotificationRedelivery } from '@orgchange/workflow';
import { CliError } from './cli-error';
import { dbOption, openExistingStore } from './store-option';

type FilterOptions = { db: string; channel?: string; programme?: string; id?: string[] };

const filterOptions = (command: Command): Command =>
  command
    .addOption(dbOption())
    .addOption(new Option('--channel <name>', 'only this channel (webhook, log, kafka, or a webhook URL as the relay names it)'))
    .addOption(new Option('--programme <id>', "only this programme's notifications"))
    .addOption(new Option('--id <notificationId...>', 'only these notifications'));

const filterOf = (options: FilterOptions): FailedDeliveryFilter => ({ channel: options.channel, programmeId: options.programme, notificationIds: options.id });

/**
 * `orgchange notifications failed|retry`: the notifications a channel gave up on after its last attempt, and
 * making them pending again once the cause is mended. The worker's relay picks them up at its next poll.
 */
export function notificationsCommand(): Command {
  const notifications = new Command('notifications').description('programme notifications the worker could not deliver, and trying them again');
  filterOptions(notifications.command('failed').description('list failed deliveries, oldest first'))
    .addOption(new Option('--format <format>', 'text, or json').choices(['text', 'json']).default('text'))
    .action(async (options: FilterOptions & { format: 'text' | 'json' }) => {
      const failed = await withRedelivery(options.db, (redelivery) => redelivery.failed(filterOf(options)));
      if (options.format === 'json') console.log(JSON.stringify(failed, null, 2));
      else if (failed.length === 0) console.log('no failed deliveries');
      else for (const f of failed) console.log(failedLine(f));
    });
  filterOptions(notifications.command('retry').description('make failed deliveries pending again (the failure is kept on record)'))
    .addOption(new Option('--all', 'every failed delivery (needed when no other filter is given)'))
    .addOption(new Option('--actor <name>', 'who asks, kept with each failure').default(`cli:${userInfo().username}`))
    .action(async (options: FilterOptions & { all?: boolean; actor: string }) => {
      const filter = filterOf(options);
      if (!options.all && !options.channel && !options.programme && !options.id) {
        throw new CliError('name what to retry with --channel, --programme or --id, or pass --all for every failed delivery');
      }
      // An --id that was not retried throws inside the transaction, which takes the whole retry back.
      const retried = await withRedelivery(options.db, (redelivery, db) => db.transaction(() => {
        const done = redelivery.redeliver(filter, options.actor, new Date());
        const retriedIds = new Set(done.map((f) => f.notificationId));
        const missing = (options.id ?? []).filter((id) => !retriedIds.has(id));
        if (missing.length > 0) throw new CliError(`--id: no failed delivery matches ${missing.join(', ')}; nothing was retried`, 1);
        return done;
      }).immediate());
      console.log(JSON.stringify({ retried: retried.length, notifications: retried.map((f) => ({ channel: f.channel, notificationId: f.notificationId })) }));
    });
  return notifications;
}

async function withRedelivery<T>(file: string, work: (redelivery: NotificationRedelivery, db: Database) => T): Promise<T> {
  const store = openExistingStore(file);
  try {
    return work(new NotificationRedelivery(store.database), store.database);
  } finally {
    await store.close();
  }
}

const failedLine = (f: FailedDelivery): string =>
  `${f.failedAt}  ${f.channel}  ${f.notificationId}  programme ${f.programmeId}  ${f.kind} to ${f.recipient}  after ${f.attempts} attempt(s): ${f.lastError ?? 'no error recorded'}`;
