import { existsSync } from 'node:fs';
import { parseBuildRequest, resolveBuild } from './build-request.js';
import { canLoad, loadAddon, loadAddonFile, type NativeAddon } from './native.js';

/**
 * The addon this process uses unless an index asks for another build: the file
 * VECSHARD_FAISS_ADDON names, else the build VECSHARD_FAISS_BUILD asks for.
 */
function loadDefault(env: NodeJS.ProcessEnv): NativeAddon {
  // A path that does not exist is ignored, as it always was, rather than failing start-up.
  if (env.VECSHARD_FAISS_ADDON && existsSync(env.VECSHARD_FAISS_ADDON))
    return loadAddonFile(env.VECSHARD_FAISS_ADDON);
  return loadAddon(resolveBuild(parseBuildRequest(env.VECSHARD_FAISS_BUILD), canLoad('avx2')));
}

export const defaultAddon: NativeAddon = loadDefault(process.env);
