import { BusinessCalendar } from '../calendar';
import { deciderSpec } from '../testing/given-when-then';
import { actors, caseFiled, caseTypified, command, march2026 } from '../testing/case-histories';
import type { CaseEvent } from './case.events';
import { createCaseDecider } from './case.decider';
import { upcastCaseEvent } from './case.upcasters';

const spec = deciderSpec(createCaseDecider(new BusinessCalendar()));
const filedBy = (channel: string): CaseEvent[] => [{ ...caseFiled, data: { ...caseFiled.data, channel } } as CaseEvent, caseTypified];
const transfer = command('TransferCase', { entity: 'Superintendencia de Industria y Comercio', entityEmail: 'radicacion@sic.gov.co', reason: 'Protección al consumidor' }, actors.supervisor, march2026(3));
const transferred = (toldAtOnce: boolean): CaseEvent => ({
  type: 'CaseTransferred',
  data: { entity: 'Superintendencia de Industria y Comercio', entityEmail: 'radicacion@sic.gov.co', reason: 'Protección al consumidor', toldAtOnce, transferredBy: actors.supervisor.id, transferredAt: march2026(3) },
});

describe('case decider: transfer to the competent entity (Ley 1755 de 2015, art. 21)', () => {
  it.each(['phone', 'in_person'])('given a petition made by voice (%s), when transferred, then CaseTransferred to the entity address, told at once', (channel) => {
    spec.given(filedBy(channel)).when(transfer).then([transferred(true)]);
  });

  it.each(['web', 'email', 'letter', 'chat', 'regulator'])('given a written petition (%s), when transferred, then CaseTransferred, told in writing only', (channel) => {
    spec.given(filedBy(channel)).when(transfer).then([transferred(false)]);
  });
});

describe('case event upcasters for the transfer (issue 22)', () => {
  it('reads a v1 CaseTransferred as sent to no address and not told at once', () => {
    const v1 = { entity: 'SIC', reason: 'Competencia', transferredBy: actors.supervisor.id, transferredAt: march2026(3) };
    expect(upcastCaseEvent('CaseTransferred', 1, v1).data).toEqual({ ...v1, entityEmail: null, toldAtOnce: false });
  });

  it.each(['EmailDelivered', 'EmailDeliveryFailed'] as const)('reads a v1 %s as the petitioner’s message', (type) => {
    const v1 = { sourceEventId: 'evt-1', sourceEventType: 'CaseFiled', messageId: '<m>', attempt: 1 };
    expect(upcastCaseEvent(type, 1, v1).data).toEqual({ ...v1, addressee: 'petitioner' });
  });
});
