/**
 * The customer portal's pages (apps/portal): the site root, the filing form and every page of a
 * case (the paths the customer emails link to). The API's own routes are English (/cases,
 * /public, /docs, /health…), so these never shadow one.
 */
export function isPortalPage(path: string): boolean {
  return path === '/' || path === '/radicar' || path.startsWith('/casos/');
}
