import fc from 'fast-check';

// One seed for every property in the run. CI pins it (FC_SEED), locally it is random;
// either way fast-check's failure report carries the seed, path and counterexample,
// so `FC_SEED=<seed> pnpm test` reproduces a failure.
const fromEnv = process.env['FC_SEED'];
const seed = fromEnv !== undefined && fromEnv !== '' ? Number(fromEnv) : (Date.now() ^ (Math.random() * 0x100000000)) | 0;
fc.configureGlobal({ seed, numRuns: Number(process.env['FC_RUNS'] ?? 100), verbose: 1 });
