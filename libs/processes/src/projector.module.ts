import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MetricsModule } from '@app/metrics';
import { AppConfigModule, Assignees, CalendarModule, Catalog, CaseCommandService, caseDeciderProvider, ChangeCaseHandler, Clock, DirectoryUsers, FilingNumbers, ReadSideModule, StorageModule, SystemClock } from '@app/runtime';
import { MailOutbox } from './mail-outbox/mail-outbox';
import { SlaProcess } from './sla/sla-process';
import { ProjectionGauges } from './metrics/projection-gauges';
import { ProjectorMetricsServer } from './metrics/projector-metrics-server';

/**
 * The projector alone, without HTTP: the same stores and projections as the API's in-process one,
 * the SLA process manager and the email outbox, which send their commands through the same command path as the API.
 * `run: false` prepares without starting the loops (for the rebuild script).
 */
@Module({})
export class ProjectorModule {
  static register(options: { run: boolean }): DynamicModule {
    return {
      module: ProjectorModule,
      imports: [
        AppConfigModule.forRoot({ PROJECTOR: options.run ? 'in-process' : 'external' }),
        CqrsModule.forRoot(),
        StorageModule,
        ReadSideModule,
        CalendarModule,
        // Running: its own metrics on METRICS_PORT (the rebuild script serves none).
        ...(options.run ? [MetricsModule] : []),
      ],
      providers: [
        { provide: Clock, useClass: SystemClock },
        caseDeciderProvider,
        FilingNumbers,
        CaseCommandService,
        Assignees,
        DirectoryUsers,
        ChangeCaseHandler,
        SlaProcess,
        MailOutbox,
        // Running: the catalog's targets into the SLA process's policies, read at start (ADR 44); a rebuild writes nothing.
        ...(options.run ? [Catalog, ProjectionGauges, ProjectorMetricsServer] : []),
      ],
    };
  }
}
