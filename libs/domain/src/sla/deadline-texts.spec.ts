import { HISTORIES } from '../testing/case-histories';
import type { CaseEvent } from '../cases/case.events';
import { computeDeadlines } from './deadline-clock';
import { calendar, History } from './deadline-test-histories';
import { DEFAULT_SLA_POLICIES } from './sla-policy';
import type { DeadlineLanguage } from './deadline-texts';

const NOW = '2026-06-01T10:00:00-05:00';
const explain = (events: readonly CaseEvent[], language: DeadlineLanguage, now = NOW) =>
  computeDeadlines(events, { calendar, policies: DEFAULT_SLA_POLICIES, now, language });

/** Words only the English catalog writes: a Spanish step that holds one was left untranslated. */
const ENGLISH_WORDS = /\b(business days?|deadline|the clocks|no effect|filed|information (requested|received)|due|extension|counter-reply)\b/i;

const LIVES: Record<string, History> = {
  'filed on a holiday, extended, answered late': History.filed('2026-03-23T10:00:00-05:00')
    .inProgress('2026-03-24T09:00:00-05:00')
    .extended('2026-04-10T09:00:00-05:00', 5)
    .responded('2026-05-04T09:00:00-05:00', 'resolved'),
  'information requested and received, counter-reply, closed': History.filed('2026-03-02T10:00:00-05:00', { channel: 'web' })
    .inProgress('2026-03-03T09:00:00-05:00')
    .informationRequested('2026-03-04T09:00:00-05:00')
    .informationReceived('2026-03-09T09:00:00-05:00')
    .responded('2026-03-12T09:00:00-05:00', 'resolved')
    .counterReplied('2026-03-13T09:00:00-05:00')
    .closed('2026-03-20T09:00:00-05:00'),
  'asked after the 10 days (no suspension), one more month, answered': History.filed('2026-03-02T10:00:00-05:00')
    .inProgress('2026-03-03T09:00:00-05:00')
    .informationRequested('2026-03-18T09:00:00-05:00')
    .informationPeriodExtended('2026-03-20T09:00:00-05:00')
    .informationReceived('2026-04-20T09:00:00-05:00')
    .responded('2026-04-21T09:00:00-05:00', 'resolved'),
  'asked after the legal term expired, never revived': History.filed('2026-03-02T10:00:00-05:00')
    .inProgress('2026-03-03T09:00:00-05:00')
    .informationRequested('2026-03-26T09:00:00-05:00')
    .informationReceived('2026-03-30T09:00:00-05:00'),
  'returned, re-typified as an inquiry, transferred': History.filed('2026-03-02T10:00:00-05:00')
    .assigned('2026-03-03T09:00:00-05:00')
    .returned('2026-03-03T10:00:00-05:00')
    .retypified('2026-03-03T11:00:00-05:00', 'inquiry')
    .transferred('2026-03-05T09:00:00-05:00'),
};

describe('the deadline explanation in Spanish (es-CO) and English', () => {
  const histories: [string, readonly CaseEvent[]][] = [
    ...Object.entries(HISTORIES).filter(([, events]) => events.length > 0),
    ...Object.entries(LIVES).map(([name, life]): [string, readonly CaseEvent[]] => [name, life.events]),
  ];

  it.each(histories)('%s: the same steps, every one written in Spanish, none left in English', (_name, events) => {
    const spanish = explain(events, 'es');
    const english = explain(events, 'en');
    expect(spanish.steps.map((step) => [step.at, step.event])).toEqual(english.steps.map((step) => [step.at, step.event]));
    for (const [index, step] of spanish.steps.entries()) {
      expect(step.effect).not.toEqual(english.steps[index].effect);
      expect(step.effect).not.toMatch(ENGLISH_WORDS);
    }
    expect({ ...spanish, steps: [] }).toEqual({ ...english, steps: [] });
  });

  it('writes dates as people read them, names the article of each pause and gives the reasons of an extension', () => {
    const life = LIVES['filed on a holiday, extended, answered late'].events;
    const effects = explain(life, 'es').steps.map((step) => step.effect);
    // Filed on San José (Monday 2026-03-23, a holiday): 15 business days from Tuesday 03-24, skipping Holy Thursday and Good Friday (04-02, 04-03), end on 04-15.
    expect(effects[0]).toBe(
      'Radicada como reclamo por el canal de correo electrónico, en un día no hábil (lunes, 23 de marzo de 2026): el término legal es de 15 días hábiles ' +
        'contados a partir del día siguiente a la radicación (lectura del recibo: el día de la radicación, sea cual sea su día u hora) (Ley 1755 de 2015, art. 14); ' +
        'vence el miércoles, 15 de abril de 2026.',
    );
    expect(effects.find((effect) => effect.startsWith('Plazo prorrogado'))).toContain('Motivo informado: «Concepto técnico».');
    const paused = explain(LIVES['information requested and received, counter-reply, closed'].events, 'es').steps.map((step) => step.effect);
    expect(paused.find((effect) => effect.startsWith('Se solicitó información'))).toContain('(art. 17)');
  });

  it('defaults to English in the domain (the API asks for Spanish)', () => {
    expect(computeDeadlines(HISTORIES.filed, { calendar, policies: DEFAULT_SLA_POLICIES, now: NOW }).steps).toEqual(explain(HISTORIES.filed, 'en').steps);
  });

  it('lists the business days the legal term counted when given a day calendar', () => {
    const life = LIVES['filed on a holiday, extended, answered late'].events;
    const { legal } = computeDeadlines(life, { calendar, dayCalendar: calendar, policies: DEFAULT_SLA_POLICIES, now: NOW });
    // 15 + 5 extended = 20 business days from 2026-03-24: the last one is 2026-04-22.
    expect(legal.days?.counted).toHaveLength(20);
    expect(legal.days?.counted[0]).toBe('2026-03-24');
    expect(legal.days?.counted[19]).toBe('2026-04-22');
    expect(legal.days?.skipped.filter((day) => day.reason === 'holiday')).toEqual([
      { date: '2026-04-02', reason: 'holiday', holiday: 'Jueves Santo' },
      { date: '2026-04-03', reason: 'holiday', holiday: 'Viernes Santo' },
    ]);
    expect(explain(life, 'es').legal.days).toBeUndefined();
  });
});
