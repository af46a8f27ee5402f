import createClient from 'openapi-fetch';
import type { PortalPaths } from './contract';

/** The API on the same origin that serves the portal (no CORS, no other server). */
export const api = createClient<PortalPaths>({ baseUrl: window.location.origin });
