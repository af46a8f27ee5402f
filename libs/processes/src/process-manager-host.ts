import { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '@app/runtime';

interface HostedProcessManager {
  start(): Promise<void>;
  ensureCollections(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A process manager inside a Nest process (the SLA clock, the email outbox): it runs where the
 * projector runs (the API with PROJECTOR=in-process, or `npm run start:projector`); elsewhere it only
 * makes sure its collection exists. It stops before the stores close, like the projector.
 */
export abstract class ProcessManagerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  abstract readonly manager: HostedProcessManager;

  protected constructor(private readonly projectorMode: AppConfig['PROJECTOR']) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.projectorMode === 'in-process') await this.manager.start();
    else await this.manager.ensureCollections();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.manager.stop();
  }
}
