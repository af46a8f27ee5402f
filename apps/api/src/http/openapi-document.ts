import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ApiErrorDto } from './api-error.dto';
import { operationFacts } from './openapi-operations';
import { documentCommonParameters, documentErrorResponses, documentRoles } from './openapi-responses';
import { documentClosedBodies, documentSchemaRules } from './schema-rules';
import { AppConfig } from '@app/runtime';
import { documentPolicyVersion } from '../cases/web-filing/policy-version.openapi';

/** The one security scheme (`bearer`): whichever issuer signed the JWT, Swagger UI's Authorize takes it as is. */
export const BEARER_DESCRIPTION =
  'A JWT carrying `sub` and roles: HS256, signed with JWT_SECRET (`npm run token`); or RS256/ES256, an access token from the ' +
  'OpenID Connect issuer OIDC_ISSUER names (audience OIDC_AUDIENCE, roles from OIDC_ROLES_CLAIM through OIDC_ROLE_MAP), checked against its JWKS.' +
  ' Then the user directory, on every request: a deactivated user is 401 USER.DEACTIVATED; a directory user acts with the token\'s roles the directory grants;' +
  ' an OIDC token\'s subject becomes a user on first use.';

/** Swagger UI's OAuth2 password flow posts a form and reads `access_token`: our sign-in takes JSON, so Authorize takes the token pasted (ADR 39). */
export const SIGN_IN_TAG_DESCRIPTION =
  'Sign-in for the users of the directory: POST /auth/sign-in with { email, password } answers an accessToken (an HS256 JWT for ACCESS_TOKEN_MINUTES) ' +
  'and a refreshToken; in Swagger UI, press Authorize and paste the accessToken. POST /auth/refresh rotates the refresh token (each works once; a reused one ends ' +
  'the session), POST /auth/sign-out ends the session. The first admin: npm run users:create-admin.';

/**
 * The OpenAPI document served at /docs-json: the routes as Swagger reads them, one tag each (no
 * automatic tag per controller), then completed from the same metadata the guards read: the roles
 * in each description, every error answer with its codes, the shared parameter checks, the body
 * rules a property alone cannot state, request bodies closed to unknown fields, and the policy version
 * a web filing must accept.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('PQR case management')
      .setDescription(
        'Event-sourced PQR / PQRSD cases (Colombia). Contract: docs/http-api.md in the repository. Errors: { statusCode, code, message, details? }; ' +
          'each operation lists, per status, the codes it can answer with (one example each).',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: BEARER_DESCRIPTION })
      .addTag('auth', SIGN_IN_TAG_DESCRIPTION)
      .build(),
    { extraModels: [ApiErrorDto], autoTagControllers: false },
  );
  const facts = operationFacts(app);
  documentPolicyVersion(document, app.get(AppConfig).PRIVACY_POLICY_VERSION);
  return documentClosedBodies(documentSchemaRules(documentCommonParameters(documentErrorResponses(documentRoles(document, facts), facts))));
}
