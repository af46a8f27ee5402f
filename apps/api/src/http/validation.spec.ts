import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsObject, IsString, MaxLength, Validate, ValidateNested, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { MAX_ERROR_DETAILS, RequestValidationError } from '@app/runtime';
import { createValidationPipe, findStructuralProblems, MAX_BODY_VALUES } from './validation';

let checksRun = 0;

/** Counts how often class-validator looks at a value: a size limit broken must stop it before any look. */
@ValidatorConstraint({ name: 'counted' })
class Counted implements ValidatorConstraintInterface {
  validate(): boolean {
    checksRun++;
    return true;
  }
}

class ItemDto {
  @IsString() @MaxLength(10) @Validate(Counted) name: string;
}

class ListDto {
  @IsArray() @ArrayMaxSize(200) @ArrayUnique() @Validate(Counted) @IsString({ each: true }) ids: string[];
  @IsArray() @ArrayMaxSize(50) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => ItemDto) items: ItemDto[];
}

async function refusal(body: unknown): Promise<RequestValidationError> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: ListDto });
  } catch (error) {
    if (error instanceof RequestValidationError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('The validation pipe: size limits before every other check, bounded answers', () => {
  beforeEach(() => (checksRun = 0));

  it('refuses an array over its @ArrayMaxSize without running any other check of the request (100,000 ids: no quadratic @ArrayUnique)', async () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `id-${i}`);
    const error = await refusal({ ids, items: [{ name: 'a' }] });
    expect(error.details).toEqual([{ field: 'ids', reason: 'ids must contain no more than 200 elements (it has 100000)' }]);
    expect(checksRun).toBe(0);
  });

  it('refuses a string over its @MaxLength inside a nested array before any other check', async () => {
    const error = await refusal({ ids: ['a'], items: [{ name: 'ok' }, { name: 'x'.repeat(500_000) }] });
    expect(error.details).toEqual([{ field: 'items.1.name', reason: 'items.1.name must be shorter than or equal to 10 characters' }]);
    expect(checksRun).toBe(0);
  });

  it('refuses any array or object larger than every DTO allows, even where the DTO states no limit', async () => {
    const error = await refusal({ ids: ['a'], items: [], extra: Array.from({ length: 50_000 }, () => ({})) });
    expect(error.details).toEqual([{ field: 'extra', reason: 'extra has more than 1000 items' }]);
    expect(checksRun).toBe(0);
  });

  it(`lists at most ${MAX_ERROR_DETAILS} problems and says how many more there were`, async () => {
    const items = Array.from({ length: 50 }, () => ({ name: 42 }));
    const error = await refusal({ ids: ['a'], items });
    expect(error.details).toHaveLength(MAX_ERROR_DETAILS);
    expect(error.details.map((detail) => detail.field)).toEqual(items.slice(0, MAX_ERROR_DETAILS).map((_, i) => `items.${i}.name`));
    expect((error.getResponse() as { message: string }).message).toMatch(/\(and 30 more problems not listed\)$/);
  });

  it('still runs every check on a request within its limits', async () => {
    const error = await refusal({ ids: ['a', 'a'], items: [{ name: 'ok' }] });
    expect(error.details).toEqual([{ field: 'ids', reason: "All ids's elements must be unique" }]);
    expect(checksRun).toBeGreaterThan(0);
  });
});

describe('findStructuralProblems: a request larger than any DTO allows', () => {
  it(`refuses a request holding more than ${MAX_BODY_VALUES} values at any depth, without walking all of them`, () => {
    const body = { ids: ['a'], items: [], extra: Array.from({ length: 1000 }, () => Array.from({ length: 300 }, () => ({}))) };
    expect(findStructuralProblems(body)).toEqual([{ field: 'body', reason: `the request holds more than ${MAX_BODY_VALUES} values` }]);
  });

  it('accepts the largest requests the DTOs allow', () => {
    expect(findStructuralProblems({ rule: 'round-robin', backofficeIds: Array.from({ length: 200 }, (_, i) => `b${i}`) })).toEqual([]);
    expect(findStructuralProblems({ attachments: Array.from({ length: 50 }, () => ({ name: 'a', contentType: 'b', size: 1 })) })).toEqual([]);
  });
});
