export type RetractEvent = { type: 'RetractEvent'; data: { targetEventId: string; reason: string } };
export type CorrectEvent = { type: 'CorrectEvent'; data: { targetEventId: string; correctedData: Record<string, unknown>; reason: string } };
export type CorrectionCommand = RetractEvent | CorrectEvent;
