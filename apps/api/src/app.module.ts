import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AccessAuditController } from './access-audit/access-audit.controller';
import { AccessAuditLog } from './access-audit/access-audit.log';
import { AccessAuditInterceptor } from './access-audit/audits-personal-data.decorator';
import { AuthModule } from './auth/auth.module';
import { CatalogController } from './catalog/catalog.controller';
import { LoggingModule, LogOptions } from './logging/logging.module';
import { ThrottlingModule } from './security/throttling.module';
import { CalendarHttpModule } from './calendar/calendar-http.module';
import { AppConfig, AppConfigModule, Assignees, CalendarModule, Catalog, CaseCommandService, caseDeciderProvider, ChangeCaseHandler, Clock, FilingNumbers, ReadSideModule, StorageModule, SystemClock } from '@app/runtime';
import { DirectoryController } from './directory/directory.controller';
import { DirectoryReads } from './directory/directory.reads';
import { SIGN_IN_CONTROLLERS, SIGN_IN_PROVIDERS } from './auth/sign-in';
import { ActorNames } from './read-side/actor-names';
import { CaseHistoryController } from './cases/case-history/case-history.controller';
import { ConversationController } from './cases/case-conversation/conversation.controller';
import { GetConversationHandler } from './cases/case-conversation/conversation.query';
import { GetCaseHistoryHandler } from './cases/case-history/case-history.query';
import { ChangeCaseController } from './cases/change-case/change-case.controller';
import { PublicSurveyController } from './cases/public-survey/public-survey.controller';
import { WebFilingController } from './cases/web-filing/web-filing.controller';
import { AnswerSurveyPubliclyHandler } from './cases/public-survey/public-survey.handler';
import { PublicAnswersController } from './cases/public-commands/public-answers.controller';
import { CustomerCommands } from './cases/public-commands/customer-commands';
import { CustomerReadYourWrites } from './cases/public-commands/customer-read-your-writes';
import { FileCaseController } from './cases/file-case/file-case.controller';
import { FileCaseHandler } from './cases/file-case/file-case.handler';
import { RelatedCases } from './cases/file-case/related-case';
import { OpenCases } from './cases/file-case/open-cases';
import { CaseCommandsGateway } from './command-handling/case-commands.gateway';
import { HealthController } from './health/health.controller';
import { ApiMetricsModule } from './metrics/api-metrics.module';
import { CaseViewController } from './queries/case-view/case-view.controller';
import { GetCaseHandler } from './queries/case-view/case-view.queries';
import { SearchCasesHandler } from './queries/case-search/case-search.query';
import { TimelineController } from './queries/timeline/timeline.controller';
import { GetCustomerTimelineHandler, GetTimelineHandler } from './queries/timeline/timeline.queries';
import { QueuesController } from './queries/queues/queues.controller';
import { GetQueueSummaryHandler, ListQueueHandler } from './queries/queues/queues.queries';
import { ReportsController } from './queries/reports/reports.controller';
import { GetReportHandler } from './queries/reports/reports.queries';
import { DistributeCasesController } from './cases/distribute-cases/distribute-cases.controller';
import { DistributeCasesHandler } from './cases/distribute-cases/distribute-cases.handler';
import { RoundRobinPointer } from './cases/distribute-cases/round-robin-pointer';
import { CaseDeadlineController } from './cases/case-deadline/case-deadline.controller';
import { GetCaseDeadlineHandler } from './cases/case-deadline/case-deadline.query';
import { MailOutbox, SlaProcess } from '@app/processes';
import { InboundEmailController } from './inbound/inbound-email.controller';
import { UnmatchedMailController } from './inbound/unmatched-mail.controller';
import { InboundMailService } from './inbound/inbound-mail.service';
import { AttachmentStore } from './inbound/attachment-store';
import { UnmatchedMailLog } from './inbound/unmatched-mail.log';
import { UnmatchedMailErasure } from './inbound/unmatched-mail-erasure';
import { ListAtRiskHandler } from './queries/queues/at-risk.query';
import { ToRedistribute } from './queries/queues/to-redistribute';
import { ListToRedistributeHandler } from './queries/queues/to-redistribute.query';
import { TeamMembers } from './cases/distribute-cases/team-members';
import { PetitionerErasureController } from './personal-data/petitioner-erasure.controller';
import { PetitionerErasure } from './personal-data/petitioner-erasure.service';

export interface AppModuleOptions {
  /** Environment overrides (tests give each app its own DATA_DIR). */
  config?: Partial<Record<keyof AppConfig, string>>;
  clock?: Clock;
  /** Log level and destination (tests read the JSON lines back). */
  log?: LogOptions;
}

@Module({})
export class AppModule {
  static register(options: AppModuleOptions = {}): DynamicModule {
    const clock = options.clock ?? new SystemClock();
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(options.config),
        LoggingModule.forRoot(options.log),
        CqrsModule.forRoot(),
        StorageModule,
        ReadSideModule,
        AuthModule.register(clock),
        ThrottlingModule,
        CalendarModule,
        CalendarHttpModule,
        ApiMetricsModule,
      ],
      controllers: [
        FileCaseController,
        DistributeCasesController,
        ChangeCaseController,
        PublicSurveyController,
        WebFilingController,
        PublicAnswersController,
        CaseHistoryController,
        ConversationController,
        CaseDeadlineController,
        CaseViewController,
        TimelineController,
        QueuesController,
        ReportsController,
        HealthController,
        AccessAuditController,
        InboundEmailController,
        UnmatchedMailController,
        PetitionerErasureController,
        DirectoryController,
        CatalogController,
        ...SIGN_IN_CONTROLLERS,
      ],
      providers: [
        { provide: Clock, useValue: clock },
        Catalog,
        caseDeciderProvider,
        CaseCommandService,
        FilingNumbers,
        CaseCommandsGateway,
        FileCaseHandler,
        RelatedCases,
        OpenCases,
        ChangeCaseHandler,
        AnswerSurveyPubliclyHandler,
        CustomerCommands,
        CustomerReadYourWrites,
        GetCaseHistoryHandler,
        GetConversationHandler,
        GetCaseDeadlineHandler,
        DistributeCasesHandler,
        RoundRobinPointer,
        GetCaseHandler,
        SearchCasesHandler,
        GetTimelineHandler,
        GetCustomerTimelineHandler,
        ListQueueHandler,
        GetQueueSummaryHandler,
        GetReportHandler,
        SlaProcess,
        MailOutbox,
        InboundMailService,
        AttachmentStore,
        UnmatchedMailLog,
        UnmatchedMailErasure,
        ListAtRiskHandler,
        ToRedistribute,
        ListToRedistributeHandler,
        TeamMembers,
        AccessAuditLog,
        AccessAuditInterceptor,
        PetitionerErasure,
        Assignees,
        DirectoryReads,
        ...SIGN_IN_PROVIDERS,
        ActorNames,
      ],
    };
  }
}
