import { upcast, UpcasterRegistry } from './upcasting';

describe('upcast', () => {
  const registry: UpcasterRegistry = {
    Renamed: {
      1: ({ name, ...rest }) => ({ ...rest, fullName: name }),
      2: (data) => ({ ...data, channel: data.channel ?? 'phone' }),
    },
  };

  it('given a v1 event and code at v3, when read, then both steps apply in order', () => {
    expect(upcast(registry, 'Renamed', 1, 3, { name: 'Ana' })).toEqual({ fullName: 'Ana', channel: 'phone' });
  });

  it('given an event already at the current version, when read, then it is returned as stored', () => {
    const data = { fullName: 'Ana', channel: 'chat' };
    expect(upcast(registry, 'Renamed', 3, 3, data)).toBe(data);
  });

  it('given a version gap with no upcaster, when read, then it fails loudly instead of guessing', () => {
    expect(() => upcast(registry, 'Other', 1, 2, {})).toThrow('No upcaster for Other from schema version 1 to 2');
  });
});
