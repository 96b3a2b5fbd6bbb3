import { makeKurrentDbStore } from '../../../../test/kurrentdb-double/make-kurrentdb-store';
import { describeEventStoreContract } from '../contract/event-store.contract';

const target = process.env.KURRENTDB_URL ? 'KURRENTDB_URL' : 'test double';

describeEventStoreContract(`KurrentDbEventStore (${target})`, (options) => makeKurrentDbStore(options));
