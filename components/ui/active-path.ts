/** How a nav link decides it is the current page. */
export type PathMatch = 'exact' | 'prefix';

/**
 * True when `pathname` is `href` ('exact'), or `href` or one of its sub-paths ('prefix').
 * Prefix matching respects segment boundaries: /p/1 does not match /p/12.
 */
export function isActivePath(pathname: string, href: string, match: PathMatch = 'exact'): boolean {
  const path = stripTrailingSlash(pathname);
  const target = stripTrailingSlash(href.split(/[?#]/)[0] ?? href);
  if (path === target) return true;
  return match === 'prefix' && path.startsWith(`${target}/`);
}

function stripTrailingSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}
