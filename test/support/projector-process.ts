import { join } from 'node:path';
import { startTsProcess, stopAllTsProcesses, TsProcess } from './ts-process';

export type ProjectorProcess = TsProcess;

/** Starts the standalone projector (`apps/projector/src/main.ts`) on `dataDir`; it projects from its checkpoints at once. */
export function startProjectorProcess(options: { dataDir: string; env?: Record<string, string> }): ProjectorProcess {
  return startTsProcess(join('apps', 'projector', 'src', 'main.ts'), options);
}

export const stopAllProjectorProcesses = stopAllTsProcesses;
