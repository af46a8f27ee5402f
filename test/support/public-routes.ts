/**
 * The customer's commands under `/public/*` (issue 22): no token, the verification code in the body;
 * not API.md commands on a case id, so the command suites leave them out; the authorization matrix
 * checks them, test/seed-rules.e2e-spec.ts and test/public-actions.e2e-spec.ts what they do.
 */
export const PUBLIC_COMMAND_ROUTES: { method: 'POST'; path: string; roles: 'public' }[] = [
  { method: 'POST', path: '/public/cases', roles: 'public' },
  { method: 'POST', path: '/public/cases/{filingNumber}/survey', roles: 'public' },
  { method: 'POST', path: '/public/cases/{filingNumber}/information', roles: 'public' },
  { method: 'POST', path: '/public/cases/{filingNumber}/counter-replies', roles: 'public' },
];

export const isPublicCommandRoute = (method: string, path: string) => PUBLIC_COMMAND_ROUTES.some((route) => route.method === method && route.path === path);
