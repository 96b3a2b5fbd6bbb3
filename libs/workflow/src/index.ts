export * from './impact/impact.types';
export { analyseImpact, type ImpactAnalysis } from './impact/analyse-impact';
export type { MissingReads } from './impact/change-scope';
export { StructureAtlas } from './impact/structure-atlas';
export { ImpactAnalyser } from './impact/impact-analyser';
