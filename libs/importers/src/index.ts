export * from './shared/csv-records';
export * from './shared/import-report';
export * from './shared/import-progress';
export * from './shared/import-session';
export * from './shared/fact-event-ids';
export * from './nhs-ods/nhs-ods.importer';
export * from './nhs-ods/ods-directory';
export { importIfgMinisters, IFG_SOURCE } from './ifg-ministers/ifg-ministers.importer';
export { IFG_MINISTERS_FILES, IfgFormatError } from './ifg-ministers/ifg-tables';
