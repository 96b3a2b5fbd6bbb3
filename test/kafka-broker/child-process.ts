import { spawn, spawnSync, type ChildProcess, type StdioOptions } from 'node:child_process';

/** A started child process, stopped by its PID. */
export type TiedProcess<T> = { ready: T; pid: number; stop(): Promise<void> };

/**
 * Starts a helper process (a broker, a mock cluster) that cannot outlive this one: setpriv's parent-death
 * signal kills it even when this process is SIGKILLed (a jest worker), an exit hook otherwise. Resolves once
 * `whenReady` does; on failure the child is stopped before the error is passed on.
 */
export async function startTiedProcess<T>(
  command: string,
  args: string[],
  stdio: StdioOptions,
  whenReady: (child: ChildProcess) => Promise<T>,
): Promise<TiedProcess<T>> {
  const setpriv = spawnSync('sh', ['-c', 'command -v setpriv'], { encoding: 'utf8' }).stdout.trim();
  const child = setpriv ? spawn(setpriv, ['--pdeathsig', 'KILL', command, ...args], { stdio }) : spawn(command, args, { stdio });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    await stopChild(child);
  };
  try {
    return { ready: await whenReady(child), pid: child.pid!, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** SIGTERM, then SIGKILL after 2 s if the process has not exited. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 2_000).unref();
  });
}

/** Whether a process with this PID exists (signal 0 checks without sending anything). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
