/**
 * The semi-space (MiB) of V8's young generation in the processes that are there to project:
 * `npm run start:projector` (and the compose `projector` service), `npm run projections:rebuild`
 * and its worker threads, and `npm run bench`, which measures them (`--max-semi-space-size`). V8's
 * default is 16. While catching up, the write-back cache keeps every changed document alive until
 * its commit, so most of what a small young generation holds survives its scavenges and is copied
 * again and again. The API (`npm start`) keeps V8's default: it answers sooner with it. The sizes
 * measured: ADR 12.
 */
export const PROJECTOR_SEMI_SPACE_MIB = 128;

/** The same for a worker thread, which takes the whole young generation: three semi-spaces. */
export const PROJECTOR_YOUNG_GENERATION_MIB = 3 * PROJECTOR_SEMI_SPACE_MIB;
