// Azurite's table service for a benchmark, from the test support of @ropc/table-storage (bundled
// by esbuild): its npm package on a free loopback port, in memory, telemetry off.
import { loadLibrary } from './bundle-library.mjs';

export async function startAzurite() {
  const { startAzurite: start } = await loadLibrary(
    'libs/table-storage/src/testing/index.ts',
    'azurite',
  );
  return start();
}
