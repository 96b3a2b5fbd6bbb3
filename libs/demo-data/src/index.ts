export * from './demo-history';
export * from './demo-recorder';
export * from './record-demo-into';
