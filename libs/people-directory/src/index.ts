export * from './person-directory.port';
export { SqlitePersonDirectory } from './sqlite/sqlite-person-directory';
