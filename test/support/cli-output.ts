import { run } from '../../apps/cli/src/main';

/**
 * Captures what the CLI prints in each test of the enclosing `describe`: `printed()` is what went through
 * console.log, `written()` what went straight to stdout (CSV), `errors()` console.error and stderr (progress
 * bars included).
 */
export function captureCliOutput() {
  let out: jest.SpyInstance;
  let err: jest.SpyInstance;
  let stdout: jest.SpyInstance;
  let stderr: jest.SpyInstance;
  beforeEach(() => {
    out = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => jest.restoreAllMocks());
  const text = (spy: jest.SpyInstance, separator: string) => spy.mock.calls.map((call) => String(call[0])).join(separator);
  return {
    printed: () => text(out, '\n'),
    written: () => text(stdout, ''),
    errors: () => `${text(err, '\n')}\n${text(stderr, '')}`,
    /** Forgets what was printed so far in this test. */
    clear: () => [out, err, stdout, stderr].forEach((spy) => spy.mockClear()),
  };
}

/** Runs a CLI command with its output silenced (for a `beforeAll`), expects exit 0, and returns what it printed. */
export async function runQuietly(args: string[]): Promise<string> {
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    expect(await run(args)).toBe(0);
    return log.mock.calls.map((call) => String(call[0])).join('\n');
  } finally {
    jest.restoreAllMocks();
  }
}
