/**
 * Barrels export ports; drivers come only from the adapters' sub-entries (`@app/event-store/sqlite`,
 * `@app/read-store/mongodb`, `@app/mail/transport`, …). Each entry below is loaded with every
 * driver replaced by a stand-in that records its loading.
 */
const DRIVERS = ['better-sqlite3', 'mongodb', '@eventstore/db-client', 'nodemailer'];

const PURE_ENTRIES = [
  '@app/domain',
  '@app/event-store',
  '@app/read-store',
  '@app/key-store',
  '@app/mail',
  '@app/projections',
  '@app/processes/sla/sla-timers.projection',
  '@app/processes/mail-outbox/mail-outbox.projection',
];

function driversLoadedBy(entry: string): string[] {
  const loaded: string[] = [];
  jest.isolateModules(() => {
    for (const driver of DRIVERS) {
      jest.doMock(driver, () => {
        loaded.push(driver);
        return {};
      });
    }
    require(entry);
  });
  return loaded;
}

describe('pure entries load no driver', () => {
  afterEach(() => DRIVERS.forEach((driver) => jest.dontMock(driver)));

  it.each(PURE_ENTRIES)('%s', (entry) => {
    expect(driversLoadedBy(entry)).toEqual([]);
  });

  it('the adapters sub-entries do load theirs (the check can see a driver)', () => {
    expect(driversLoadedBy('@app/read-store/mongodb')).toContain('mongodb');
    expect(driversLoadedBy('@app/mail/transport')).toContain('nodemailer');
  });
});
