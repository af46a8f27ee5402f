/**
 * `GET /cases` latency, in process (ADR 42): the API's SearchCasesHandler constructed without Nest
 * over a SqliteReadStore file holding the case view at BENCH_SEARCH_CASES cases (1,000,000 unless
 * told), called as the controller calls it. HTTP adds its own overhead on top; not measured here.
 *
 * The documents are the case view's shape written straight into the store (no decider, no events):
 * the search reads only the case view's collection and its indexes, and this builds a million in
 * minutes where the full simulation takes hours. Petitioners, typologies, statuses, assignees and
 * dates are drawn from a seeded generator; the file is cached (bench/tmp) per size.
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { CASE_STATUSES, OPEN_STATUSES } from '@app/domain';
import type { CaseStatus } from '@app/domain';
import { CASES_COLLECTION, caseViewProjection, settingsFingerprint } from '@app/projections';
import { SqliteReadStore } from '@app/read-store/sqlite';
import { Clock, PetitionerIdentity } from '@app/runtime';
import type { ReadModelFreshness } from '@app/runtime';
import { SearchCasesHandler, SearchCasesQuery } from '@app/api';
import type { CaseSearchQueryDto } from '@app/api';
import { CACHE_DIR } from './seed/cache';
import { Random } from './seed/random';
import { Benchmark, BenchReport, log, percentile, round } from './support';

const CASES = Number(process.env.BENCH_SEARCH_CASES ?? 1_000_000);
const WARMUP_ITERATIONS = 200;
const ITERATIONS = 2000;
const TARGET_P95_MS = 20;
const BATCH = 5000;
const SECRET = 'bench-petitioner-secret';
const TYPOLOGIES = ['billing', 'general-information', 'urgent-technical-problem', 'feature-question', 'coverage', 'porting', 'roaming', 'equipment'];
const CHANNELS = ['phone', 'chat', 'email', 'web', 'in_person'];
const KINDS = ['claim', 'complaint', 'petition', 'inquiry'];
const ASSIGNEES = Array.from({ length: 60 }, (_, index) => `bo-${index}`);
const FILED_STATUSES = CASE_STATUSES.filter((status) => status !== 'none');
const PERIOD_START = Date.parse('2025-01-01T00:00:00-05:00');
const PERIOD_MS = 540 * 86_400_000;
const NOW = new Date(PERIOD_START + PERIOD_MS);
/** `ReadModelFreshness.waitFor(undefined, ...)`: no minPosition, nothing to wait for. */
const NO_WAIT = { waitFor: async () => undefined } as unknown as ReadModelFreshness;

export const caseSearch: Benchmark = {
  name: 'case-search',
  description: `In-process latency of GET /cases (SearchCasesHandler) over the case view in SqliteReadStore at ${CASES.toLocaleString('en-US')} cases`,
  run,
};

/** Each petitioner has 1 to 3 cases: their document number is the case number divided by 2 (so the same one recurs). */
const documentOf = (caseNumber: number) => String(1_000_000_000 + Math.floor(caseNumber / 2));
const emailOf = (caseNumber: number) => `p${documentOf(caseNumber)}@example.com`;

async function run(): Promise<BenchReport> {
  const file = await buildCaseView(CASES);
  const store = new SqliteReadStore({ filename: file });
  try {
    const clock: Clock = { now: () => NOW };
    const handler = new SearchCasesHandler(store, NO_WAIT, new PetitionerIdentity(SECRET), clock);
    const probe = CASES - 7;
    const queries: { name: string; query: Partial<CaseSearchQueryDto> }[] = [
      { name: 'petitioner by document (open first)', query: { petitionerDocumentType: 'CC', petitionerDocument: documentOf(probe) } },
      { name: 'petitioner by email (open first)', query: { petitionerEmail: emailOf(probe) } },
      { name: 'filing number', query: { filingNumber: filingNumberOf(probe) } },
      { name: 'status in_progress, newest first', query: { status: 'in_progress' } },
      { name: 'typology billing, newest first', query: { typology: 'billing' } },
      { name: 'assignee, newest first', query: { assigneeId: 'bo-7' } },
      { name: 'overdue, soonest due first', query: { overdue: true, sort: 'dueAt' } },
      { name: 'filed within one month', query: { filedFrom: '2026-03-01T00:00:00-05:00', filedTo: '2026-04-01T00:00:00-05:00' } },
      { name: 'status awaiting_information and typology roaming', query: { status: 'awaiting_information', typology: 'roaming' } },
      { name: 'status, typology, channel and assignee', query: { status: 'closed', typology: 'billing', channel: 'phone', assigneeId: 'bo-7' } },
      { name: 'everything, newest first', query: {} },
    ];
    const measured = [];
    for (const { name, query } of queries) {
      const execute = () => handler.execute(new SearchCasesQuery({ limit: 20, ...query } as CaseSearchQueryDto));
      const first = await execute();
      if (first.items.length === 0) throw new Error(`${name}: found nothing`);
      for (let i = 0; i < WARMUP_ITERATIONS; i++) await execute();
      const times = new Float64Array(ITERATIONS);
      for (let i = 0; i < ITERATIONS; i++) {
        const started = performance.now();
        await execute();
        times[i] = performance.now() - started;
      }
      times.sort();
      const latency = { p50: round(percentile(times, 0.5), 3), p95: round(percentile(times, 0.95), 3), p99: round(percentile(times, 0.99), 3), max: round(times[times.length - 1], 3), found: first.items.length };
      log(`case-search: ${name}: p95 ${latency.p95} ms`);
      measured.push({ name, query, ...latency });
    }
    return {
      settings: {
        mode: 'in process: SearchCasesHandler called directly (no HTTP, no Nest container), each call awaited alone',
        cases: CASES,
        pageLimit: 20,
        warmupIterations: WARMUP_ITERATIONS,
        iterations: ITERATIONS,
        dataset: 'case view documents written straight into SqliteReadStore (bench/case-search.ts): 1-3 cases per petitioner, 8 typologies, 60 assignees, 18 months of filings',
        indexes: caseViewProjection.collections[0].indexes,
      },
      results: { queries: measured },
      rows: measured.map(({ name, p95 }) => [`${name} p95`, p95, 'ms'] as [string, number, string]),
      targets: measured.map(({ name, p95 }) => ({ name: `${name}: p95 ≤ ${TARGET_P95_MS} ms`, met: p95 <= TARGET_P95_MS, detail: `${p95} ms at ${CASES.toLocaleString('en-US')} cases` })),
    };
  } finally {
    await store.close();
  }
}

function filingNumberOf(caseNumber: number): string {
  return `${2025 + Math.floor(caseNumber / 900_000)}-${String(caseNumber % 900_000).padStart(6, '0')}`;
}

async function buildCaseView(cases: number): Promise<string> {
  const directory = join(CACHE_DIR, 'case-search');
  // The indexes are part of the name: another set builds another file.
  const file = join(directory, `case-view-${cases}-v${caseViewProjection.version}-${settingsFingerprint(caseViewProjection.collections)}.sqlite`);
  if (existsSync(file)) {
    log(`case-search: reusing ${file}`);
    return file;
  }
  mkdirSync(directory, { recursive: true });
  const building = `${file}.building`;
  rmSync(building, { force: true });
  const store = new SqliteReadStore({ filename: building });
  const started = performance.now();
  try {
    await store.ensureCollections(caseViewProjection.collections);
    await store.deferIndexes([CASES_COLLECTION]);
    const identity = new PetitionerIdentity(SECRET);
    const random = new Random(42);
    for (let from = 0; from < cases; from += BATCH) {
      const writes = [];
      for (let n = from; n < Math.min(cases, from + BATCH); n++) {
        const caseId = random.uuid();
        writes.push({ collection: CASES_COLLECTION, id: caseId, position: n + 1, data: caseViewDocument(n, caseId, random, identity) });
      }
      await store.commit(caseViewProjection.name, writes, { version: caseViewProjection.version, position: from + writes.length });
      if (from % 100_000 === 0) log(`case-search: ${from.toLocaleString('en-US')} cases written`);
    }
    await store.ensureCollections(caseViewProjection.collections);
  } finally {
    await store.close();
  }
  renameSync(building, file);
  log(`case-search: built ${file} in ${round((performance.now() - started) / 1000, 0)} s`);
  return file;
}

function caseViewDocument(n: number, caseId: string, random: Random, identity: PetitionerIdentity) {
  const filedMs = PERIOD_START + Math.floor((n / CASES) * PERIOD_MS);
  const dueMs = filedMs + random.int(10, 30) * 86_400_000;
  // Older cases are mostly over; the last weeks' mostly open.
  const status: CaseStatus = filedMs > NOW.getTime() - 30 * 86_400_000 || random.chance(0.05) ? OPEN_STATUSES[random.int(0, OPEN_STATUSES.length - 1)] : random.chance(0.9) ? 'closed' : FILED_STATUSES[random.int(0, FILED_STATUSES.length - 1)];
  const documentNumber = documentOf(n);
  const filedAt = new Date(filedMs).toISOString();
  return {
    caseId,
    filingNumber: filingNumberOf(n),
    status,
    kind: KINDS[random.int(0, KINDS.length - 1)],
    typology: TYPOLOGIES[random.int(0, TYPOLOGIES.length - 1)],
    motive: 'other',
    channel: CHANNELS[random.int(0, CHANNELS.length - 1)],
    subject: 'Cobro duplicado en la factura',
    facts: 'El cliente reporta un cobro que no reconoce en su factura del mes anterior y pide revisarlo.',
    request: 'Revisar y reversar el cobro',
    petitionerId: identity.idOf({ documentType: 'CC', documentNumber }),
    petitioner: { fullName: 'Nombre Apellido', documentType: 'CC', documentNumber, email: emailOf(n), phone: '+57 300 000 0000' },
    filedAt,
    assigneeId: random.chance(0.8) ? ASSIGNEES[random.int(0, ASSIGNEES.length - 1)] : null,
    dueAt: new Date(dueMs).toISOString(),
    revision: 4,
    updatedAt: filedAt,
    search: { petitionerEmailId: identity.emailIdOf(emailOf(n)), open: OPEN_STATUSES.includes(status) ? 1 : 0, filedMs, dueMs },
  };
}
