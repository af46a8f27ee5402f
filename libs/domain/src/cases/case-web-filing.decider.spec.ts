import { BusinessCalendar } from '../calendar';
import { foldEvents } from '../shared/decider';
import { deciderSpec } from '../testing/given-when-then';
import { actors, command, consent, DUE_AT, FILED_AT, fileClaimCommand, HISTORIES, march2026, WEB_CUSTOMER, webCaseFiled } from '../testing/case-histories';
import type { CaseCommand } from './case.commands';
import { createCaseDecider } from './case.decider';
import { OPEN_STATUSES } from './case.state';

const decider = createCaseDecider(new BusinessCalendar());
const spec = deciderSpec(decider);

/** The customer's own filing on the web: the kind they chose, no typology or motive. */
function fileOnTheWeb(overrides: Partial<Extract<CaseCommand, { type: 'FileCase' }>['data']> = {}): CaseCommand {
  const filing = fileClaimCommand({ typology: undefined, motive: undefined, channel: 'web', consent: { ...consent, channel: 'web' }, ...overrides });
  return { ...filing, actor: WEB_CUSTOMER };
}

const typify = (kind: 'claim' | 'inquiry', actor = actors.otherAgent) =>
  command('RetypifyCase', { kind, typology: 'billing', motive: 'duplicate-charge' }, actor, march2026(10));

describe('case decider: a filing on the web arrives untypified', () => {
  it('given nothing, when the customer files without typology and motive, then CaseFiled only, due from the filing by the kind they chose', () => {
    spec.given([]).when(fileOnTheWeb()).then([webCaseFiled]);
  });

  it('given the web filing, then the case waits to be typified, open, its legal term running from the filing', () => {
    const state = foldEvents(decider, HISTORIES.to_typify);
    expect(state).toMatchObject({ status: 'to_typify', channel: 'web', dueAt: DUE_AT, filedAt: FILED_AT, typification: { kind: 'claim', typology: '', motive: '' } });
    expect(OPEN_STATUSES).toContain('to_typify');
  });

  it.each([
    ['a typology without a motive', { typology: 'billing' }],
    ['a motive without a typology', { motive: 'duplicate-charge' }],
    ['a resolution at first line', { kind: 'inquiry' as const, firstLineResolution: { resolution: 'Se explicó la tarifa' } }],
  ])('given nothing, when a filing comes with %s but no typification, then CASE.TYPIFICATION_INCOMPLETE', (_what, overrides) => {
    spec.given([]).when(fileOnTheWeb(overrides)).thenFails('CASE.TYPIFICATION_INCOMPLETE');
  });
});

describe('case decider: an agent typifies the web filing', () => {
  it('given a case to typify, when any agent typifies it days later, then CaseTypified with the due date still counted from the filing, and it waits for distribution', () => {
    const [event] = spec.given(HISTORIES.to_typify).when(typify('claim')).thenEmits();
    expect(event).toEqual({
      type: 'CaseTypified',
      data: { kind: 'claim', typology: 'billing', motive: 'duplicate-charge', typifiedBy: actors.otherAgent.id, legalTermDays: 15, dueAt: DUE_AT, distinctMatter: false },
    });
    const state = foldEvents(decider, [...HISTORIES.to_typify, event]);
    expect(state).toMatchObject({ status: 'filed', typifiedBy: actors.otherAgent.id, assigneeId: null, dueAt: DUE_AT });
  });

  it('given a case to typify, when the agent finds it is an inquiry, then the 30-day term of the kind given counts from the filing', () => {
    const [event] = spec.given(HISTORIES.to_typify).when(typify('inquiry')).thenEmits();
    expect(event.data).toMatchObject({ kind: 'inquiry', legalTermDays: 30, dueAt: '2026-04-16T23:59:59.999-05:00' });
  });

  it('given a case to typify, when a supervisor typifies it, then CaseTypified by the supervisor', () => {
    const [event] = spec.given(HISTORIES.to_typify).when(typify('claim', actors.supervisor)).thenEmits();
    expect(event.data).toMatchObject({ typifiedBy: actors.supervisor.id });
  });

  it('given a case already typified, when it is typified again, then CASE.WRONG_STATUS (only a returned case is re-typified)', () => {
    spec.given(HISTORIES.filed).when(typify('claim')).thenFails('CASE.WRONG_STATUS');
  });

  it('given a case to typify, when the supervisor assigns it, then CASE.WRONG_STATUS: it is typified first', () => {
    spec.given(HISTORIES.to_typify).when(command('AssignCase', { backofficeId: actors.backoffice.id }, actors.supervisor)).thenFails('CASE.WRONG_STATUS');
  });

  it('given a case to typify, when the customer writes an email, then it is kept on the case (noted)', () => {
    const email = command('ReceiveCustomerEmail', { messageId: '<m1@example.com>', subject: 'Re: radicado', body: 'Adjunto la factura', attachments: [], automatic: false }, actors.agent);
    const [event] = spec.given(HISTORIES.to_typify).when(email).thenEmits();
    expect(event).toMatchObject({ type: 'CustomerEmailReceived', data: { disposition: 'noted' } });
  });
});
