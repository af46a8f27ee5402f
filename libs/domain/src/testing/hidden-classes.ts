import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--allow-natives-syntax');
// Compiled after the flag is set: V8's own test intrinsic, the only way to see an object's hidden class.
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

/**
 * What objects built alike may use: as V8 learns (a field's representation generalized, code
 * optimized), objects built earlier can keep an older class. A few, never one per object.
 */
export const HIDDEN_CLASSES_OF_ONE_SHAPE = 4;

/**
 * How many hidden classes (V8 maps) the objects use. Code on the catch-up path keeps this small:
 * on Node 20, `{ ...source, newKey }` gives every result a hidden class of its own, and every
 * property read of such objects then goes through V8's slowest (megamorphic) path.
 */
export function hiddenClassCount(objects: readonly object[]): number {
  const representatives: object[] = [];
  for (const object of objects) if (!representatives.some((seen) => haveSameMap(seen, object))) representatives.push(object);
  return representatives.length;
}
