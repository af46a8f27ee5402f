/**
 * Which fields of which events hold personal data, whose key protects them, and what a reader gets
 * once that key is destroyed. The event store knows no event types: the domain gives the policy.
 */
export interface PersonalDataRule {
  /**
   * Fields of `data` encrypted one by one: a top-level field (`facts`), or a field of each element of
   * a list (`attachments[].name`). Null and absent values are left as they are.
   */
  fields: readonly string[];
  /**
   * `data.petitionerId`: the event names its petitioner. `stream`: the petitioner of the stream's
   * first event (which names it), e.g. an email the customer sent about their case.
   */
  petitionerFrom: 'data.petitionerId' | 'stream';
}

export interface PersonalDataPolicy {
  rules: Readonly<Record<string, PersonalDataRule>>;
  /** What a reader gets for a field whose key was destroyed. */
  erasedValue(eventType: string, field: string): unknown;
}
