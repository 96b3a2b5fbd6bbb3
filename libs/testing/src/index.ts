export * from './decider-specification';
export * from './event-builders';
