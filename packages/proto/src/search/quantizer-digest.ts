import { createHash } from 'node:crypto';

/**
 * Names a trained coarse quantizer by its centroids' bytes: the coordinator
 * puts it in the routing table, the worker computes it from the template it
 * was attached with, and a search routed by another quantizer is refused.
 */
export function quantizerDigest(centroids: Float32Array): Buffer {
  return createHash('sha256')
    .update(new Uint8Array(centroids.buffer, centroids.byteOffset, centroids.byteLength))
    .digest();
}
