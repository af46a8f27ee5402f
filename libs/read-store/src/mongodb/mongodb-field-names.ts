/**
 * Keys of document data that MongoDB cannot take as field names (FerretDB refuses any key with a
 * dot or a leading `$`; MongoDB refuses them in parts of its update language), such as user ids
 * with a dot used as keys of a count map, are stored percent-escaped and read back as written.
 * Only `%`, `.` and a leading `$` are escaped, so keys that filters and sorts can name (identifiers)
 * are stored unchanged.
 */

const UNSAFE = /%|\.|^\$/g;
const ESCAPED = /%(25|2E|24)/g;
const ESCAPES: Record<string, string> = { '%': '%25', '.': '%2E', $: '%24' };
const UNESCAPES: Record<string, string> = { '25': '%', '2E': '.', '24': '$' };

export function escapeFieldNames<T>(value: T): T {
  return mapKeys(value, (key) => key.replace(UNSAFE, (character) => ESCAPES[character]));
}

export function unescapeFieldNames<T>(value: T): T {
  return mapKeys(value, (key) => key.replace(ESCAPED, (_, code: string) => UNESCAPES[code]));
}

function mapKeys<T>(value: T, rename: (key: string) => string): T {
  if (Array.isArray(value)) return value.map((item: unknown) => mapKeys(item, rename)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const renamed: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) renamed[rename(key)] = mapKeys(item, rename);
  return renamed as T;
}
