import { plainToInstance, Transform } from 'class-transformer';
import { DEFAULT_SLA_POLICIES, SlaPolicies, validateSlaPolicies } from '@app/domain';
import { oidcRoleMapProblems } from '../auth/oidc-settings';
import { DEFAULT_COMMIT_EVERY_EVENTS, DEFAULT_MAX_CACHED_DOCUMENTS } from '@app/projector';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateIf, validateSync } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) => (typeof value === 'string' ? ['1', 'true', 'yes'].includes(value.toLowerCase()) : value);
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((item) => item.trim()).filter(Boolean) : value;

/** The environment the API reads, validated at start-up: a bad value stops it with a clear message. */
export class AppConfig {
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(0) @Max(65535)
  PORT: number = 3000;

  @IsOptional() @IsString()
  DATA_DIR: string = './data';

  /** The customer portal's build (the `vite build` output) the API serves at the site root; unset: dist/portal of this installation. */
  @IsOptional() @IsString() @MinLength(1)
  PORTAL_DIR?: string;

  /**
   * EventStoreDB / KurrentDB connection string (`esdb://host:2113?tls=false`); unset: embedded SQLite in DATA_DIR.
   * Exactly the schemes our client (@eventstore/db-client) parses: it refuses `kurrentdb://` at start-up.
   */
  @IsOptional() @Matches(/^esdb(\+discover)?:\/\/\S+$/, {
    message: 'EVENTSTORE_URL must be an esdb:// or esdb+discover:// connection string (for KurrentDB too: the client, @eventstore/db-client, does not accept kurrentdb://)',
  })
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

  /**
   * While catching up, events a projection applies in memory before it commits its documents and
   * checkpoint together (at the head it commits every batch). Larger: fewer rewrites of the documents
   * of cases still open, more to replay after a crash. The documents held in memory stay bounded by
   * PROJECTOR_MAX_CACHED_DOCUMENTS (a cache full of changed documents commits sooner), which with the
   * default sets the pace of a rebuild (ADR 18).
   */
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(1000000)
  PROJECTOR_COMMIT_EVERY_EVENTS: number = DEFAULT_COMMIT_EVERY_EVENTS;

  /**
   * While catching up, documents a projection keeps in memory: a full cache drops the least recent of
   * those already committed, or commits when the changed ones alone fill it, and keeps its newer half.
   * Larger: fewer rewrites of the documents of cases still open, more memory (docs/operations.md has
   * measured pairs with PROJECTOR_COMMIT_EVERY_EVENTS).
   */
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(100) @Max(10000000)
  PROJECTOR_MAX_CACHED_DOCUMENTS: number = DEFAULT_MAX_CACHED_DOCUMENTS;

  /** SLA policies per typology as JSON (see libs/domain/src/sla/sla-policy.ts); unset: DOMAIN.md's examples. */
  @IsOptional() @IsString()
  SLA_POLICIES?: string;

  /** `on`: the SLA process manager sends its commands (overdue facts, automatic closing, tacit withdrawal); `off`: it only keeps its timers. */
  @IsOptional() @IsIn(['on', 'off'])
  SLA_PROCESS_MANAGER: 'on' | 'off' = 'on';

  /**
   * Company rule: a case waiting on the customer this many business days after an information request is
   * closed; 0 turns it off. It applies only to the kinds or typologies of SLA_OUTSIDE_LEY_1755: a case under
   * the law waits for its art. 17 date (DOMAIN.md, Deadlines).
   */
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(0) @Max(60)
  SLA_CUSTOMER_SILENCE_BUSINESS_DAYS: number = 2;

  /** Case kinds and/or typologies the company marks as outside Ley 1755 (comma list): only they are closed by the silence rule. None by default. */
  @IsOptional() @Transform(toList) @Matches(/^[A-Za-z0-9_.-]+$/, { each: true, message: 'SLA_OUTSIDE_LEY_1755 must be a comma list of case kinds or typologies' })
  SLA_OUTSIDE_LEY_1755: string[] = [];

  /** Real time between two looks of the SLA process manager at its timers and the clock. */
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(10) @Max(3600000)
  SLA_TICK_MS: number = 100;

  /** Cases a backoffice agent is expected to resolve per day (reports compare against it). */
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(10000)
  REPORT_DAILY_TARGET: number = 55;

  /** HS256 secret; when unset, one is generated into DATA_DIR on first start. */
  @IsOptional() @IsString() @MinLength(32)
  JWT_SECRET?: string;

  /** The longest a bearer token may live (exp − iat, and exp − now); a token without exp, or living longer, gets 401. */
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(720)
  JWT_MAX_LIFETIME_HOURS: number = 12;

  /** Minutes an access token minted by POST /auth/sign-in or /auth/refresh lives. */
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(60)
  ACCESS_TOKEN_MINUTES: number = 10;

  /** Hours a sign-in session lasts, however often its refresh token is rotated (then: sign in again). */
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(720)
  REFRESH_TOKEN_HOURS: number = 12;

  /** Failed sign-ins one account may have within SIGN_IN_FAILURE_WINDOW_MINUTES; then 429 until the oldest leaves the window. */
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(100000)
  SIGN_IN_FAILURES_PER_ACCOUNT: number = 5;

  /** Failed sign-ins one client address may have within SIGN_IN_FAILURE_WINDOW_MINUTES, whatever the accounts. */
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(100000)
  SIGN_IN_FAILURES_PER_ADDRESS: number = 20;

  /** The window the failed sign-ins are counted in. */
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(1440)
  SIGN_IN_FAILURE_WINDOW_MINUTES: number = 15;

  /**
   * OpenID Connect issuer (exactly its `iss`) whose RS256/ES256 access tokens the API accepts beside HS256 ones;
   * its keys come from the JWKS its discovery document names (or OIDC_JWKS_URL). Unset: HS256 tokens only.
   */
  @IsOptional() @Matches(/^https?:\/\/\S+$/, { message: 'OIDC_ISSUER must be an http(s) URL' })
  OIDC_ISSUER?: string;

  /** The `aud` the issuer's access tokens must carry for this API; required with OIDC_ISSUER. */
  @ValidateIf((config: AppConfig) => config.OIDC_ISSUER !== undefined || config.OIDC_AUDIENCE !== undefined)
  @IsString({ message: 'OIDC_AUDIENCE must be set when OIDC_ISSUER is' }) @MinLength(1)
  OIDC_AUDIENCE?: string;

  /** The issuer's JWKS; unset: the `jwks_uri` of `<OIDC_ISSUER>/.well-known/openid-configuration`. */
  @IsOptional() @Matches(/^https?:\/\/\S+$/, { message: 'OIDC_JWKS_URL must be an http(s) URL' })
  OIDC_JWKS_URL?: string;

  /** The claim carrying the provider's roles or groups, as a dotted path (`roles`, `groups`, `realm_access.roles`). */
  @IsOptional() @Matches(/^[^.\s]+(\.[^.\s]+)*$/, { message: 'OIDC_ROLES_CLAIM must be a claim name or a dotted path such as realm_access.roles' })
  OIDC_ROLES_CLAIM: string = 'roles';

  /**
   * Provider value → our role: JSON (`{"pqr-supervisors":"supervisor"}`, a list for several roles) or
   * `group=role,group=role`; unmapped values are ignored. Unset: the provider's values are our role names.
   */
  @IsOptional() @IsString()
  OIDC_ROLE_MAP?: string;

  /** The claim holding the display name of a user an OIDC token creates in the directory (then `preferred_username`, the email, the subject). */
  @IsOptional() @Matches(/^[^.\s]+(\.[^.\s]+)*$/, { message: 'OIDC_NAME_CLAIM must be a claim name or a dotted path' })
  OIDC_NAME_CLAIM: string = 'name';

  /** The claim holding the email of a user an OIDC token creates in the directory (then `upn`, Entra ID's; none: empty). */
  @IsOptional() @Matches(/^[^.\s]+(\.[^.\s]+)*$/, { message: 'OIDC_EMAIL_CLAIM must be a claim name or a dotted path' })
  OIDC_EMAIL_CLAIM: string = 'email';

  /**
   * Secret of the pseudonymous petitioner ids (HMAC of the document); when unset, one is generated into
   * DATA_DIR on first start. Every API and projector of a deployment must share it, and it must never change.
   */
  @IsOptional() @IsString() @MinLength(32)
  PETITIONER_ID_SECRET?: string;

  /** Requests per minute one client address may send to /public/* (and, apart, to /inbound/*); more get 429. */
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(100000000)
  PUBLIC_RATE_LIMIT: number = 30;

  /**
   * Requests per minute to the /public routes of one filing number, from any address; more get 429. Above
   * PUBLIC_RATE_LIMIT, so that one address alone cannot lock a customer out of their case.
   */
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(100000000)
  PUBLIC_CASE_RATE_LIMIT: number = 60;

  /** Express `trust proxy`: unset, the client address is the socket's; behind a proxy, e.g. `loopback` or `1` (hops). */
  @IsOptional() @IsString() @Matches(/^(true|false|loopback|linklocal|uniquelocal|\d{1,2}|[\d.:/a-fA-F, ]+)$/, { message: 'TRUST_PROXY must be true, false, loopback, a hop count or addresses' })
  TRUST_PROXY?: string;

  /** pino level of the JSON logs (stdout). */
  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /** SMTP server for the customer emails (`smtp://user:pass@host:587`, `smtps://…`); unset: each message is written as an .eml file under DATA_DIR/mail. */
  @IsOptional() @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The From of every customer email; its domain names the Message-IDs. */
  @IsOptional() @Matches(/^([^<>\r\n]*<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/, { message: 'MAIL_FROM must be an address, or "Name <address>"' })
  MAIL_FROM: string = 'PQR <pqr@localhost.localdomain>';

  /** `on`: the email outbox delivers; `off`: it keeps its read model and sends nothing. */
  @IsOptional() @IsIn(['on', 'off'])
  MAIL_OUTBOX: 'on' | 'off' = 'on';

  /** Real time between two looks of the email outbox at its pending messages. */
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(10) @Max(3600000)
  MAIL_TICK_MS: number = 1000;

  /** A message whose case event is older than this is not sent (a first start on an old history mails nobody; retries stop). */
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(8760)
  MAIL_MAX_AGE_HOURS: number = 168;

  /** How the company signs its emails. */
  @IsOptional() @IsString() @MinLength(1)
  MAIL_COMPANY_NAME: string = 'Servicio de Atención al Cliente';

  /**
   * The customer-facing site: the tracking page and the survey link hang off it. Unset: the portal this
   * API serves at its site root, `http://localhost:<PORT>` (mailSettingsOf).
   */
  @IsOptional() @Matches(/^https?:\/\/\S+$/, { message: 'MAIL_PUBLIC_BASE_URL must be an http(s) URL' })
  MAIL_PUBLIC_BASE_URL?: string;

  /** The service line the customer is told to call once the email window has closed. */
  @IsOptional() @IsString() @MinLength(1)
  MAIL_SERVICE_LINE: string = '01 8000 000 000';

  /** Shared secret the mail gateway sends in `X-Inbound-Secret` to POST /inbound/email; unset: the route answers 401 to everyone. */
  @IsOptional() @IsString() @MinLength(32)
  INBOUND_EMAIL_SECRET?: string;

  /**
   * Bearer token a Prometheus server sends to GET /metrics (besides an admin's JWT); unset: only admins
   * read the API's metrics. Required with METRICS_PORT.
   */
  @ValidateIf((config: AppConfig) => config.METRICS_TOKEN !== undefined || config.METRICS_PORT !== undefined)
  @IsString({ message: 'METRICS_TOKEN must be set (at least 32 characters) when METRICS_PORT is' }) @MinLength(32)
  METRICS_TOKEN?: string;

  /** The projector only (it serves no other HTTP): serve GET /metrics on this port, for METRICS_TOKEN; unset: no metrics server. */
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(0) @Max(65535)
  METRICS_PORT?: number;

  /** The version of the data-processing policy the web form shows; a filing must accept this one (Ley 1581 de 2012). */
  @IsOptional() @IsString() @Matches(/^[\x21-\x7e]{1,40}$/, { message: 'PRIVACY_POLICY_VERSION must be 1-40 visible ASCII characters' })
  PRIVACY_POLICY_VERSION: string = '2026-01';

  /** The policy's text (Spanish) the web form shows; unset: a short default naming MAIL_COMPANY_NAME. */
  @IsOptional() @IsString() @MinLength(1)
  PRIVACY_POLICY_TEXT?: string;

  @IsOptional() @Transform(toBoolean) @IsBoolean()
  CALENDAR_SATURDAY_IS_BUSINESS_DAY: boolean = false;

  @IsOptional() @Matches(/^([01]\d|2[0-3]):[0-5]\d$/)
  CALENDAR_BUSINESS_HOURS_START: string = '08:00';

  @IsOptional() @Matches(/^([01]\d|2[0-3]):[0-5]\d$/)
  CALENDAR_BUSINESS_HOURS_END: string = '17:00';

  /** Holidays added by law after this release, as `YYYY-MM-DD:Name` separated by commas. */
  @IsOptional() @Transform(toList) @Matches(/^\d{4}-\d{2}-\d{2}(:.+)?$/, { each: true })
  CALENDAR_HOLIDAYS_ADD: string[] = [];

  /**
   * When a filing on a non-business day or after business hours is received (DOMAIN.md, Deadlines, Receipt):
   * `filing_day` counts the terms from the day of filing (the safe side); `next_business_day`, from the next business day.
   */
  @IsOptional() @IsIn(['filing_day', 'next_business_day'])
  CALENDAR_RECEIPT_READING: 'filing_day' | 'next_business_day' = 'filing_day';

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
  const lines = errors.map((error) => `${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`);
  lines.push(...missingProductionSecrets(config), ...oidcRoleMapProblems(config));
  if (lines.length > 0) throw new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  return config;
}

/** The company's silence rule as the RequestInformation command carries it (the decider applies it to the case's kind and typology). */
export function customerSilenceRuleOf(config: AppConfig): { businessDays: number; outsideLey1755: string[] } {
  return { businessDays: config.SLA_CUSTOMER_SILENCE_BUSINESS_DAYS, outsideLey1755: [...config.SLA_OUTSIDE_LEY_1755] };
}

/**
 * Secrets a deployment on the server stores must set: generating them into DATA_DIR suits the
 * embedded default on one machine, not replicas and containers (each would sign and name
 * petitioners with a secret of its own, lost with its volume).
 */
export const PRODUCTION_SECRETS = ['JWT_SECRET', 'PETITIONER_ID_SECRET'] as const;

function missingProductionSecrets(config: AppConfig): string[] {
  if (!config.EVENTSTORE_URL && !config.MONGODB_URL) return [];
  const stores = [config.EVENTSTORE_URL && 'EVENTSTORE_URL', config.MONGODB_URL && 'MONGODB_URL'].filter(Boolean).join(' and ');
  return PRODUCTION_SECRETS.filter((name) => !config[name]).map(
    (name) => `${name}: required when ${stores} ${stores.includes(' and ') ? 'are' : 'is'} set (no secret is generated into DATA_DIR for the server stores); at least 32 characters`,
  );
}

/** What the templates need from the configuration. */
export function mailSettingsOf(config: AppConfig) {
  return { companyName: config.MAIL_COMPANY_NAME, publicBaseUrl: publicBaseUrlOf(config), serviceLine: config.MAIL_SERVICE_LINE };
}

/** MAIL_PUBLIC_BASE_URL, or by default the portal this API serves at its own site root. */
export function publicBaseUrlOf(config: Pick<AppConfig, 'MAIL_PUBLIC_BASE_URL' | 'PORT'>): string {
  return config.MAIL_PUBLIC_BASE_URL ?? `http://localhost:${config.PORT}`;
}

/** The domain of MAIL_FROM's address: it names the Message-IDs. */
export function mailDomainOf(config: AppConfig): string {
  const address = /<([^>]+)>/.exec(config.MAIL_FROM)?.[1] ?? config.MAIL_FROM;
  return address.slice(address.lastIndexOf('@') + 1).trim();
}
