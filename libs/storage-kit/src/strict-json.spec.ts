import { serializeJsonObject } from './strict-json';

describe('serializeJsonObject', () => {
  it('gives what JSON.stringify gives for JSON values, nulls and Dates included', () => {
    const value = { a: 1, b: null, c: [1, null, { d: 'null', e: -0.5 }], at: new Date('2026-12-03T12:00:00Z'), skipped: undefined };
    expect(serializeJsonObject(value, 'doc')).toBe(JSON.stringify(value));
  });

  it.each([
    ['top level', { ratio: Number.NaN }, 'property "ratio" is NaN'],
    ['nested in an array', { list: [1, { x: Number.POSITIVE_INFINITY }] }, 'property "x" is Infinity'],
    ['an array item', { list: [1, Number.NEGATIVE_INFINITY] }, 'property "1" is -Infinity'],
    ['returned by toJSON', { when: { toJSON: () => Number.NaN } }, 'property "when" is NaN'],
  ])('rejects a non-finite number (%s) instead of storing null', (_case, value, message) => {
    expect(() => serializeJsonObject(value, 'doc')).toThrow(`doc cannot be serialized to JSON: ${message}, which JSON cannot represent`);
  });

  it('rejects a cycle and a value that is not a plain object', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => serializeJsonObject(cyclic, 'doc')).toThrow('doc cannot be serialized to JSON');
    expect(() => serializeJsonObject([1], 'doc')).toThrow('doc must be a plain JSON object');
  });
});
