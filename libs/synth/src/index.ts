export { generateSyntheticHistory, SimulatedClock, type SyntheticHistoryCounts, type SyntheticHistoryOptions, type SyntheticProgress, SyntheticSeedInUseError } from './synthetic-history';
export { SyntheticHistoryError } from './decided-log';
