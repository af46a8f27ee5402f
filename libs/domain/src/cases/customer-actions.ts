import type { Actor } from '../shared/actor';
import { DomainError } from '../shared/domain-error';
import type { CaseCommand } from './case.commands';
import type { CaseDecider } from './case.decider';
import type { CaseState } from './case.state';

/** What the customer may do on the web about their case now. */
export interface CustomerActions {
  answerInformation: boolean;
  counterReply: boolean;
  answerSurvey: boolean;
}

/**
 * Whether the decider would accept each of the customer's web commands from `actor` at `at`: its own
 * rules (status, counter-reply window, survey answered), asked rather than copied. The texts are
 * placeholders: no rule looks at what the customer writes.
 */
export function customerActions(decider: CaseDecider, state: CaseState, actor: Actor, at: string): CustomerActions {
  const accepts = (command: CaseCommand): boolean => {
    try {
      decider.decide(command, state);
      return true;
    } catch (error) {
      if (error instanceof DomainError) return false;
      throw error;
    }
  };
  return {
    answerInformation: accepts({ type: 'ReceiveInformation', data: { summary: '-', channel: 'web' }, actor, at }),
    counterReply: accepts({ type: 'ReceiveCounterReply', data: { summary: '-', channel: 'web' }, actor, at }),
    answerSurvey: accepts({ type: 'AnswerSurvey', data: { score: 5, comment: null, via: 'public' }, actor, at }),
  };
}
