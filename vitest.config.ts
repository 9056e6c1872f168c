import { defineConfig } from 'vitest/config';
import path from 'node:path';

// Node 20 lacks Map.groupBy, which Vitest 5's failure summary uses.
const mapCtor = Map as unknown as { groupBy?: unknown };
mapCtor.groupBy ??= <K, V>(items: Iterable<V>, key: (v: V, i: number) => K) => {
  const out = new Map<K, V[]>();
  let i = 0;
  for (const item of items) {
    const k = key(item, i++);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
};

const alias = {
  '@': path.resolve(import.meta.dirname),
  // Next.js resolves 'server-only' to an empty module on the server; so do we.
  'server-only': path.resolve(import.meta.dirname, 'tests/support/empty.ts'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/integration/global-setup.ts'],
          setupFiles: ['tests/integration/setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
