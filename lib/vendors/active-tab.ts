// Client-safe on purpose: the tab links run in the browser, and lib/vendors/areas.ts imports the
// connection fields (zod), whose eval probe the Content-Security-Policy reports as a violation.

/**
 * Whether a tab is the current one at `path`: an overview (`exact`) only on
 * itself, any other tab on itself and on every page below it (a group's page is under Groups).
 */
export function isActiveTab(href: string, path: string, exact: boolean): boolean {
  return path === href || (!exact && path.startsWith(`${href}/`));
}
