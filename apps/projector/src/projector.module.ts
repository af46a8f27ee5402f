import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CalendarModule } from '../../api/src/calendar/calendar.module';
import { CaseCommandService } from '../../api/src/command-handling/case-command.service';
import { caseDeciderProvider } from '../../api/src/command-handling/case-decider.provider';
import { FilingNumbers } from '../../api/src/command-handling/filing-numbers';
import { ChangeCaseHandler } from '../../api/src/command-handling/change-case.command';
import { AppConfigModule } from '../../api/src/config/config.module';
import { ReadSideModule } from '../../api/src/read-side/read-side.module';
import { SlaProcess } from '../../api/src/sla/sla-process';
import { MailOutbox } from '../../api/src/mail/mail-outbox';
import { Clock, SystemClock } from '../../api/src/storage/clock';
import { StorageModule } from '../../api/src/storage/storage.module';

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
      ],
      providers: [{ provide: Clock, useClass: SystemClock }, caseDeciderProvider, FilingNumbers, CaseCommandService, ChangeCaseHandler, SlaProcess, MailOutbox],
    };
  }
}
