/** Moved to lib/check-run-links.ts (db/ and components/ may import it there); this re-export keeps branches in flight compiling. Import from lib/. */
export * from '@/lib/check-run-links';
