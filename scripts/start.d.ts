/** The types of scripts/start.js (plain JavaScript so that `npm start` loads no compiler), for its test. */
export declare const APPS: Record<'api' | 'projector', { outDir: string; main: string }>;
/** The customer portal's build, which `npm start` (the API) makes too. */
export declare const PORTAL: { outDir: string; main: string };
type Build = keyof typeof APPS | 'portal';
export declare function needsBuild(root: string, build: Build): boolean;
export declare function sourceFingerprint(root: string, build?: Build): string;
export declare function writeStamp(root: string, build: Build, fingerprint: string): void;
