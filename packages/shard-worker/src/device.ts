/** The device a worker runs FAISS on. */
export interface Device {
  /** "cpu" or "cuda:N". */
  name: string;
  /** N for "cuda:N". */
  cudaIndex?: number;
}

/** Raised for a device the worker cannot use; main.ts exits non-zero with its message. */
export class DeviceError extends Error {
  override name = 'DeviceError';
}

/** Parses "cpu" / "cuda:N", refusing CUDA when FAISS was built without GPU support. */
export function parseDevice(value: string, gpuBuild: boolean): Device {
  const text = value.trim().toLowerCase();
  if (text === 'cpu') return { name: 'cpu' };
  const match = /^cuda:(\d{1,3})$/.exec(text);
  if (!match)
    throw new DeviceError(`device "${value}" is not understood: use "cpu" or "cuda:N" (e.g. cuda:0)`);
  if (!gpuBuild) {
    throw new DeviceError(
      `device "${value}" needs a GPU build of FAISS, but this worker's FAISS binding was built for CPU only; ` +
        'use --device cpu or run the GPU image',
    );
  }
  const cudaIndex = Number(match[1]);
  return { name: `cuda:${cudaIndex}`, cudaIndex };
}
