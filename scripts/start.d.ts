/** The types of scripts/start.js (plain JavaScript so that `npm start` loads no compiler), for its test. */
export declare const APPS: Record<'api' | 'projector', { outDir: string; main: string }>;
export declare function needsBuild(root: string, app: keyof typeof APPS): boolean;
export declare function sourceFingerprint(root: string): string;
export declare function writeStamp(root: string, app: keyof typeof APPS, fingerprint: string): void;
