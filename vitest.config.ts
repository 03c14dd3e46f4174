import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000, // ms: PGlite's first initdb takes a few seconds
    hookTimeout: 60_000, // ms
    // Forks: each file gets a process of its own, with its own PGlite WASM heap and signal handlers.
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one on CI's two, leaving a core to the child
    // processes alone. Two files at once took test/discord from 164 to 145 s on a busy 2-core machine.
    // isolate: false (modules shared between the files of a worker) took it to 56 s but is not safe here:
    // a language one file loads changes how another file's answers are graded (test/discord/card-kinds).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    globalSetup: ['test/support/global-setup.ts'],
  },
});
