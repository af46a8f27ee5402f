import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MetricsModule } from '@app/metrics';
import { CalendarModule } from '../../api/src/calendar/calendar.module';
import { CaseCommandService } from '../../api/src/command-handling/case-command.service';
import { caseDeciderProvider } from '../../api/src/command-handling/case-decider.provider';
import { ChangeCaseHandler } from '../../api/src/command-handling/change-case.command';
import { AppConfigModule } from '../../api/src/config/config.module';
import { ReadSideModule } from '../../api/src/read-side/read-side.module';
import { SlaProcess } from '../../api/src/sla/sla-process';
import { MailOutbox } from '../../api/src/mail/mail-outbox';
import { Clock, SystemClock } from '../../api/src/storage/clock';
import { StorageModule } from '../../api/src/storage/storage.module';
import { ProjectionGauges } from '../../api/src/metrics/projection-gauges';
import { ProjectorMetricsServer } from './projector-metrics-server';

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
        CaseCommandService,
        ChangeCaseHandler,
        SlaProcess,
        MailOutbox,
        ...(options.run ? [ProjectionGauges, ProjectorMetricsServer] : []),
      ],
    };
  }
}
