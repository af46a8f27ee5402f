import { randomUUID } from 'node:crypto';
import { isUUID } from 'class-validator';
import { UUID_PATTERN } from './field.decorators';

describe('UUID_PATTERN, as the OpenAPI document states IsUUID', () => {
  it("matches exactly the UUIDs IsUUID('all') accepts", () => {
    const samples = [
      randomUUID(),
      randomUUID().toUpperCase(),
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      '12345678-1234-0234-8234-123456789abc', // version 0
      '12345678-1234-9234-8234-123456789abc', // version 9
      '12345678-1234-4234-c234-123456789abc', // not the RFC variant
      '12345678-1234-4234-8234-123456789ab', // one digit short
    ];
    const pattern = new RegExp(UUID_PATTERN);
    expect(samples.map((uuid) => ({ uuid, documented: pattern.test(uuid) }))).toEqual(samples.map((uuid) => ({ uuid, documented: isUUID(uuid, 'all') })));
    expect(samples.filter((uuid) => pattern.test(uuid))).toHaveLength(4);
  });
});
