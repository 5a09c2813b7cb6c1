/**
 * Settles how BLAS's idle threads wait, before the addon (and with it
 * OpenBLAS) is loaded: OpenBLAS reads its environment once, at load.
 *
 * After every BLAS call (FAISS's coarse assignment of a batch, k-means), an
 * OpenBLAS worker thread busy-waits 2^28 cycles, about 0.1 s of a core, for
 * more work. A shard worker and a coordinator share machines with each other
 * and with the callers' own processes; there that spin takes a core from
 * whichever process has real work (measured here: 100 ms of CPU burnt after
 * each 5 ms assignment). The shortest timeout (2^4 cycles) sends idle threads
 * to sleep at once; waking them costs microseconds per call. A value set by
 * the operator wins.
 */
export function settleBlasIdleThreads(env: NodeJS.ProcessEnv = process.env): void {
  if (env.OPENBLAS_THREAD_TIMEOUT === undefined && env.GOTO_THREAD_TIMEOUT === undefined) {
    env.OPENBLAS_THREAD_TIMEOUT = '4';
  }
}
