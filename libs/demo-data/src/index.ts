export * from './demo-history';
export * from './demo-recorder';
