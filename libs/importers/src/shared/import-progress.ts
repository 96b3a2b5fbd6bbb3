import { createReadStream } from 'node:fs';

/** Told as an import moves through its files, so a front end can draw a progress bar. */
export type ImportProgress = Readonly<{
  fileStarted: (file: string, rows: number) => void;
  rowsDone: (file: string, rows: number) => void;
  fileFinished: (file: string) => void;
}>;

export const silentProgress: ImportProgress = { fileStarted: () => {}, rowsDone: () => {}, fileFinished: () => {} };

/** Line count of a file (a row count for progress bars: quoted fields with line breaks make it an estimate). */
export async function countLines(file: string): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
    last = chunk[chunk.length - 1];
  }
  return last === 10 ? lines : lines + 1;
}
