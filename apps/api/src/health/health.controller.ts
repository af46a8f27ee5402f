import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { Projector } from '@app/projector';
import { READ_STORE, ReadStore } from '@app/read-store';
import { Public } from '../auth/roles.decorator';
import { AppConfig } from '../config/app-config';

type Probe = { status: 'up'; [detail: string]: unknown } | { status: 'down'; error: string };

async function probe(check: () => Promise<Record<string, unknown>>): Promise<Probe> {
  try {
    return { status: 'up', ...(await check()) };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  }
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly projector: Projector,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and readiness: the stores and each projection (503 when a store is down or a projection has stopped)' })
  async health(@Res({ passthrough: true }) response: Response) {
    const eventStore = await probe(async () => ({ headPosition: await this.eventStore.headPosition() }));
    const readStore = await probe(async () => (await this.readStore.ping(), {}));
    const projections = await this.projectionStatuses();
    const healthy = eventStore.status === 'up' && readStore.status === 'up' && projections.every((p) => p.state !== 'failed');
    response.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: healthy ? 'ok' : 'unavailable', eventStore, readStore, projector: this.config.PROJECTOR, projections };
  }

  /** In-process: the projector's own view (with failures); external: the checkpoints it saved. */
  private async projectionStatuses() {
    if (this.config.PROJECTOR === 'in-process') return this.projector.status();
    const checkpoints = await this.readStore.listCheckpoints().catch(() => []);
    return checkpoints.map(({ projection, version, position }) => ({ name: projection, version, position, state: 'external' as const }));
  }
}
