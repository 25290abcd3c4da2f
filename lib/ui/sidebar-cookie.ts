/** The cookie that remembers a collapsed sidebar ("collapsed" or "open"), read by the console layout. */
export const SIDEBAR_COOKIE = "sidebar";
