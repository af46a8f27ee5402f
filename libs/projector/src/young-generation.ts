/**
 * The semi-space (MiB) of V8's young generation in the processes that are there to project:
 * `npm run start:projector` (and the compose `projector` service), `npm run projections:rebuild`
 * and its worker threads, and `npm run bench`, which measures them (`--max-semi-space-size`). V8's
 * default is 16. While catching up, the write-back cache keeps every changed document alive until
 * its commit, so most of what a small young generation holds survives its scavenges and is copied
 * again and again. One Projector over the 1M-event benchmark store, the four read models: 40.4 s
 * with V8's default, 33.6–34.2 s with 64, 31.8–32.4 s with 128, 31.4 s with 256 for ~250 MiB more
 * (docs/benchmarks.md §3). The API (`npm start`) keeps V8's default: its p99 under `http-file-case`
 * was 137–144 ms with it and 155–178 ms with 128.
 */
export const PROJECTOR_SEMI_SPACE_MIB = 128;

/** The same for a worker thread, which takes the whole young generation: three semi-spaces. */
export const PROJECTOR_YOUNG_GENERATION_MIB = 3 * PROJECTOR_SEMI_SPACE_MIB;
