export * from './person-directory.port';
export { SqlitePersonDirectory } from './sqlite/sqlite-person-directory';
export { PostgresPersonDirectory, type PostgresPersonDirectoryOptions } from './postgres/postgres-person-directory';
