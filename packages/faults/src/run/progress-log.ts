/** Progress lines, each with the time since the run started: "[  42.1 s] kill-worker: kill -9 worker-2". */
export function progressLog(write: (line: string) => void = console.log): (line: string) => void {
  const started = Date.now();
  return (line) => write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);
}
