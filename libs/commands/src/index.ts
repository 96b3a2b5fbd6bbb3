export * from './clock';
export * from './command-messages';
export * from './commands.module';
export * from './event-ids';
export * from './events-appended.event';
export * from './clock.module';
export * from './post-context';
export * from './cross-organisation-decision';
