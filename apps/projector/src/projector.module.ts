import { DynamicModule, Module } from '@nestjs/common';
import { AppConfigModule } from '../../api/src/config/config.module';
import { ReadSideModule } from '../../api/src/read-side/read-side.module';
import { StorageModule } from '../../api/src/storage/storage.module';

/**
 * The projector alone, without HTTP: the same stores and projections as the API's in-process one.
 * `run: false` prepares without starting the loop (for the rebuild script).
 */
@Module({})
export class ProjectorModule {
  static register(options: { run: boolean }): DynamicModule {
    return {
      module: ProjectorModule,
      imports: [AppConfigModule.forRoot({ PROJECTOR: options.run ? 'in-process' : 'external' }), StorageModule, ReadSideModule],
    };
  }
}
