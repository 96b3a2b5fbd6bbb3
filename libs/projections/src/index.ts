export * from './projector/leadership.projector';
export * from './read-model/read-model.schema';
