import type { OpenAPIObject } from '@nestjs/swagger';

/**
 * The web filing's `consent.policyVersion` must be the configured one: the document states it as a
 * pattern, so that a generator (Schemathesis) sends it, and not as an enum, so that a client typed
 * against the document takes the string the form serves (`privacyPolicy.version`).
 */
export function documentPolicyVersion(document: OpenAPIObject, version: string): OpenAPIObject {
  const consent = document.components?.schemas?.WebConsentDto as { properties?: Record<string, Record<string, unknown>> } | undefined;
  const property = consent?.properties?.policyVersion;
  if (property) property.pattern = `^${version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
  return document;
}
