import fc from 'fast-check';

// A fixed seed unless FC_SEED says otherwise: mutation testing compares runs, so every run must
// draw the same cases (the root vitest.setup.ts draws a fresh seed locally). In the mutation run
// (MUTATION=1) a failing property stops at once: a killed mutant needs no shrunk counterexample.
fc.configureGlobal({
  seed: Number(process.env['FC_SEED'] ?? 20_260_101),
  endOnFailure: process.env['MUTATION'] === '1',
});
