import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HealthDto, LivenessDto, ReadinessDto } from './health.dto';
import type { Response } from 'express';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { Projector } from '@app/projector';
import { MAIL_OUTBOX_PROJECTION, MailOutbox, SLA_TIMERS_PROJECTION, SlaProcess } from '@app/processes';
import { ProjectionCheckpoint, READ_STORE, ReadStore } from '@app/read-store';
import { Public } from '../auth/roles.decorator';
import { AppConfig, READ_MODEL_PROJECTIONS } from '@app/runtime';

/** The read models listed among the projections (the process managers' own are shown under their process). */
const READ_MODEL_NAMES = READ_MODEL_PROJECTIONS.map((projection) => projection.name);

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
    private readonly sla: SlaProcess,
    private readonly mail: MailOutbox,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and readiness: the stores and each projection (503 when a store is down, or a projection has stopped or is retrying)' })
  @ApiResponse({ status: 200, type: HealthDto })
  @ApiResponse({ status: 503, type: HealthDto, description: 'A store is down, or a projection has stopped (failed: tried again after a growing delay) or is retrying (its store unavailable, full)' })
  async health(@Res({ passthrough: true }) response: Response) {
    const report = await this.report();
    response.status(report.healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return report.body;
  }

  /** For an orchestrator's liveness probe: the process answers; no store is asked (a store outage must not restart it). */
  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers HTTP. Asks no store' })
  @ApiResponse({ status: 200, type: LivenessDto })
  live(): LivenessDto {
    return { status: 'ok' };
  }

  /** For an orchestrator's readiness probe and the compose healthcheck: send traffic here or not. */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: both stores answer and no projection of this process has stopped or is retrying (else 503)' })
  @ApiResponse({ status: 200, type: ReadinessDto })
  @ApiResponse({ status: 503, type: ReadinessDto, description: 'A store is down, or the read side is stuck' })
  async ready(@Res({ passthrough: true }) response: Response): Promise<ReadinessDto> {
    const { healthy, storesUp, body } = await this.report();
    response.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: healthy ? 'ready' : 'unavailable',
      eventStore: body.eventStore.status,
      readStore: body.readStore.status,
      readSide: storesUp && !healthy ? 'stuck' : storesUp ? 'ready' : 'unknown',
    };
  }

  private async report() {
    const eventStore = await probe(async () => ({ headPosition: await this.eventStore.headPosition() }));
    const readStore = await probe(async () => (await this.readStore.ping(), {}));
    const checkpoints = this.config.PROJECTOR === 'in-process' ? [] : await this.readStore.listCheckpoints().catch(() => []);
    const projections = this.projectionStatuses(checkpoints);
    const slaProcess = this.slaProcessStatus(checkpoints);
    const mailOutbox = this.mailOutboxStatus(checkpoints);
    const storesUp = eventStore.status === 'up' && readStore.status === 'up';
    const healthy = storesUp && projections.every((p) => !stuck(p.state)) && !stuck(slaProcess.timers?.state) && !stuck(mailOutbox.outbox?.state);
    const body = { status: healthy ? 'ok' : 'unavailable', eventStore, readStore, projector: this.config.PROJECTOR, projections, slaProcess, mailOutbox };
    return { healthy, storesUp, body };
  }

  /** In-process: the projector's own view (with failures); external: the checkpoints it saved. */
  private projectionStatuses(checkpoints: ProjectionCheckpoint[]) {
    if (this.config.PROJECTOR === 'in-process') return this.projector.status();
    return checkpoints
      .filter(({ projection }) => READ_MODEL_NAMES.includes(projection))
      .map(({ projection, version, position }) => ({ name: projection, version, position, state: 'external' as const }));
  }

  /** The SLA process manager: whether it sends commands, and its timers' position (it runs where the projector runs). */
  private slaProcessStatus(checkpoints: ProjectionCheckpoint[]) {
    const acting = this.config.SLA_PROCESS_MANAGER === 'on';
    if (this.config.PROJECTOR === 'in-process') return this.sla.manager.status();
    return { acting, timers: externalStatus(checkpoints, SLA_TIMERS_PROJECTION) };
  }

  /** The email outbox: whether it delivers, and its read model's position (it runs where the projector runs). */
  private mailOutboxStatus(checkpoints: ProjectionCheckpoint[]) {
    if (this.config.PROJECTOR === 'in-process') return this.mail.manager.status();
    return { acting: this.config.MAIL_OUTBOX === 'on', outbox: externalStatus(checkpoints, MAIL_OUTBOX_PROJECTION) };
  }
}

/** A projection that does not move: failed (waiting to be tried again) or retrying a store that is unavailable or full. */
function stuck(state: string | undefined): boolean {
  return state === 'failed' || state === 'retrying';
}

/** A read model another process keeps: its saved checkpoint. */
function externalStatus(checkpoints: ProjectionCheckpoint[], name: string) {
  const checkpoint = checkpoints.find(({ projection }) => projection === name);
  return checkpoint && { name: checkpoint.projection, version: checkpoint.version, position: checkpoint.position, state: 'external' as const };
}
