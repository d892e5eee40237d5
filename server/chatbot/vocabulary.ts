/** Moved to lib/vocabulary/chatbot.ts (db/ and components/ may import it there); this re-export keeps branches in flight compiling. Import from lib/. */
export * from '@/lib/vocabulary/chatbot';
