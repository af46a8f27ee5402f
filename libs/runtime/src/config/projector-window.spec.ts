import { DEFAULT_MAX_CACHED_DOCUMENTS } from '@app/projector';
import { validateAppConfig } from './app-config';
import { projectorWindowOf } from './projector-window';

describe('projectorWindowOf', () => {
  it('given no settings, then the projectors read 1,000 events a batch and commit every 250,000 events or 25,000 changed documents', () => {
    expect(projectorWindowOf(validateAppConfig({}))).toEqual({ batchSize: 1000, commitEveryEvents: 250_000, maxCachedDocuments: DEFAULT_MAX_CACHED_DOCUMENTS });
    expect(DEFAULT_MAX_CACHED_DOCUMENTS).toBe(25_000);
  });

  it('given the three variables, then the projectors take them', () => {
    const config = validateAppConfig({ PROJECTOR_BATCH_SIZE: '2000', PROJECTOR_COMMIT_EVERY_EVENTS: '300000', PROJECTOR_MAX_CACHED_DOCUMENTS: '60000' });
    expect(projectorWindowOf(config)).toEqual({ batchSize: 2000, commitEveryEvents: 300_000, maxCachedDocuments: 60_000 });
  });

  it.each(['50', '1.5', 'many', '20000000'])('given PROJECTOR_MAX_CACHED_DOCUMENTS=%s, then the configuration is refused naming the variable', (value) => {
    expect(() => validateAppConfig({ PROJECTOR_MAX_CACHED_DOCUMENTS: value })).toThrow(/PROJECTOR_MAX_CACHED_DOCUMENTS: /);
  });
});
