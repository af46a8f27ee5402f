import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PqrMetrics } from '@app/metrics';
import { Public } from '../auth/roles.decorator';
import { MetricsAccessGuard } from './metrics-access.guard';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: PqrMetrics) {}

  /** The global guard lets it through (`@Public`); its own guard takes the scraper's token or an admin's JWT. */
  @Get()
  @Public()
  @UseGuards(MetricsAccessGuard)
  @ApiBearerAuth()
  @ApiProduces('text/plain')
  @Header('Cache-Control', 'no-store')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Prometheus metrics (text format). Roles: admin, or `Authorization: Bearer <METRICS_TOKEN>` (docs/operations.md)' })
  @ApiResponse({ status: 200, description: 'The metrics, in the Prometheus text exposition format' })
  @ApiResponse({ status: 401, description: 'No token, or an invalid one' })
  @ApiResponse({ status: 403, description: 'A JWT without the admin role' })
  scrape(): Promise<string> {
    return this.metrics.scrape();
  }
}
