import { createHash } from 'node:crypto';
import type { Actor } from '@app/domain';
import type { CommandContext } from './command-context';

/** What a command carries besides its payload, before the request hash: from the HTTP headers, or set by a system actor. */
export interface CommandHeaders {
  actor: Actor;
  expectedRevision?: number;
  idempotencyKey?: string;
  correlationId: string;
}

/** Adds the request hash that tells a retry (same request) from a reused key (another request). */
export function toCommandContext(headers: CommandHeaders, route: string, caseId: string | null, body: object): CommandContext {
  const requestHash = createHash('sha256')
    .update(canonicalJson({ route, caseId, actor: headers.actor.id, body }))
    .digest('base64url');
  return { ...headers, requestHash };
}

/** JSON with object keys sorted, so that the same body hashes the same whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
