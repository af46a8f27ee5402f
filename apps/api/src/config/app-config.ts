import { plainToInstance, Transform } from 'class-transformer';
import { DEFAULT_SLA_POLICIES, SlaPolicies, validateSlaPolicies } from '@app/domain';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) => (typeof value === 'string' ? ['1', 'true', 'yes'].includes(value.toLowerCase()) : value);
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((item) => item.trim()).filter(Boolean) : value;

/** The environment the API reads, validated at start-up: a bad value stops it with a clear message. */
export class AppConfig {
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(0) @Max(65535)
  PORT: number = 3000;

  @IsOptional() @IsString()
  DATA_DIR: string = './data';

  /** EventStoreDB / KurrentDB connection string (`esdb://host:2113?tls=false`); unset: embedded SQLite in DATA_DIR. */
  @IsOptional() @Matches(/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover):\/\/\S+$/, { message: 'EVENTSTORE_URL must be an esdb:// connection string' })
  EVENTSTORE_URL?: string;

  /** MongoDB connection string for the read models; unset: embedded SQLite in DATA_DIR. */
  @IsOptional() @Matches(/^mongodb(\+srv)?:\/\/\S+$/, { message: 'MONGODB_URL must be a mongodb:// connection string' })
  MONGODB_URL?: string;

  /** How long start-up waits for a configured server before giving up with a clear message. */
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(100) @Max(120000)
  STORE_CONNECT_TIMEOUT_MS: number = 10000;

  /** `in-process`: the API runs the projector (embedded default); `external`: `npm run start:projector` does. */
  @IsOptional() @IsIn(['in-process', 'external'])
  PROJECTOR: 'in-process' | 'external' = 'in-process';

  /** Events the projector reads and applies per batch (one transaction per projection on SQLite). */
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(100000)
  PROJECTOR_BATCH_SIZE: number = 1000;

  /** SLA policies per typology as JSON (see libs/domain/src/sla/sla-policy.ts); unset: DOMAIN.md's examples. */
  @IsOptional() @IsString()
  SLA_POLICIES?: string;

  /** Cases a backoffice agent is expected to resolve per day (reports compare against it). */
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(10000)
  REPORT_DAILY_TARGET: number = 55;

  /** HS256 secret; when unset, one is generated into DATA_DIR on first start. */
  @IsOptional() @IsString() @MinLength(32)
  JWT_SECRET?: string;

  @IsOptional() @Transform(toBoolean) @IsBoolean()
  CALENDAR_SATURDAY_IS_BUSINESS_DAY: boolean = false;

  @IsOptional() @Matches(/^([01]\d|2[0-3]):[0-5]\d$/)
  CALENDAR_BUSINESS_HOURS_START: string = '08:00';

  @IsOptional() @Matches(/^([01]\d|2[0-3]):[0-5]\d$/)
  CALENDAR_BUSINESS_HOURS_END: string = '17:00';

  /** Holidays added by law after this release, as `YYYY-MM-DD:Name` separated by commas. */
  @IsOptional() @Transform(toList) @Matches(/^\d{4}-\d{2}-\d{2}(:.+)?$/, { each: true })
  CALENDAR_HOLIDAYS_ADD: string[] = [];

  /** Holidays struck down, as `YYYY-MM-DD` separated by commas. */
  @IsOptional() @Transform(toList) @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true })
  CALENDAR_HOLIDAYS_REMOVE: string[] = [];
}

/** The SLA policies the configuration names, validated (every problem listed), or the defaults. */
export function slaPoliciesOf(config: AppConfig): SlaPolicies {
  if (!config.SLA_POLICIES) return DEFAULT_SLA_POLICIES;
  let parsed: unknown;
  try {
    parsed = JSON.parse(config.SLA_POLICIES);
  } catch (error) {
    throw new Error(`Invalid configuration:\n  SLA_POLICIES: not JSON (${(error as Error).message})`);
  }
  return validateSlaPolicies(parsed);
}

export function validateAppConfig(env: Record<string, unknown>): AppConfig {
  const config = plainToInstance(AppConfig, env, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((error) => `${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return config;
}
