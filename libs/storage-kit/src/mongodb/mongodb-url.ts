/** What the adapter reads from a `mongodb://` or `mongodb+srv://` connection string, without parsing its options. */

const MONGODB_URL = /^mongodb(\+srv)?:\/\/([^/?#]*)(\/[^?#]*)?/;

export const DEFAULT_DATABASE = 'pqr';

/** The database named in the URL's path (`mongodb://host/pqr` → `pqr`), or `fallback` when it names none. */
export function databaseFromUrl(url: string, fallback = DEFAULT_DATABASE): string {
  const match = MONGODB_URL.exec(url);
  if (!match) throw new TypeError(`Not a MongoDB connection string: ${redactMongoUrl(url)}`);
  const path = decodeURIComponent((match[3] ?? '').slice(1));
  return path === '' ? fallback : path;
}

/**
 * The URL as messages may show it: credentials replaced by `***` and the options dropped, since
 * some of them (TLS key passwords, AWS session tokens) are secrets too.
 */
export function redactMongoUrl(url: string): string {
  const match = MONGODB_URL.exec(url);
  if (!match) return '<not a mongodb:// URL>';
  const [, srv = '', authority, path = ''] = match;
  const at = authority.lastIndexOf('@');
  const hosts = at === -1 ? authority : `***@${authority.slice(at + 1)}`;
  const options = url.length > match[0].length ? '?…' : '';
  return `mongodb${srv}://${hosts}${path}${options}`;
}
