import { escapeFieldNames, unescapeFieldNames } from './mongodb-field-names';

describe('MongoDB field names', () => {
  const data = {
    status: 'open',
    byBackoffice: { 'maria.rojas': 1, $admin: 2, '50%': 3, 'a$b': 4, '%2E': 5, '': 6 },
    entries: [{ 'v.1': 'x' }, 'plain', null, ['nested', { $k: true }]],
  };

  it('escapes only %, dots and a leading $, at any depth', () => {
    expect(escapeFieldNames(data)).toEqual({
      status: 'open',
      byBackoffice: { 'maria%2Erojas': 1, '%24admin': 2, '50%25': 3, 'a$b': 4, '%252E': 5, '': 6 },
      entries: [{ 'v%2E1': 'x' }, 'plain', null, ['nested', { '%24k': true }]],
    });
  });

  it('reads back exactly what was escaped', () => {
    expect(unescapeFieldNames(escapeFieldNames(data))).toEqual(data);
  });

  it('leaves identifiers, which filters and sorts use, unchanged', () => {
    const plain = { filingNumber: 'R-1', owner: { team: 'north' }, dueAt: '2026-03-01T00:00:00.000Z' };
    expect(escapeFieldNames(plain)).toEqual(plain);
  });
});
