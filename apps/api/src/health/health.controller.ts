import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { Public } from '../auth/roles.decorator';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and readiness of the stores (503 when one is down)' })
  async health(@Res({ passthrough: true }) response: Response) {
    const eventStore = await this.eventStore.ping().then(
      async () => ({ status: 'up', headPosition: await this.eventStore.headPosition() }),
      (error: unknown) => ({ status: 'down', error: error instanceof Error ? error.message : String(error) }),
    );
    const up = eventStore.status === 'up';
    response.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: up ? 'ok' : 'unavailable', eventStore };
  }
}
