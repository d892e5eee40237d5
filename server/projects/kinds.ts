/** Moved to lib/vocabulary/projects.ts (db/ and components/ may import it there); this re-export keeps branches in flight compiling. Import from lib/. */
export * from '@/lib/vocabulary/projects';
