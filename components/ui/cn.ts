/**
 * Joins class names, skipping falsy parts, so conditional classes read inline:
 * `cn('px-3', isActive && 'font-medium', className)`.
 *
 * There is deliberately no conflict resolution (no tailwind-merge): a caller's `className`
 * is for additions such as margins and widths. To override an internal utility, use
 * Tailwind's important modifier (`px-2!`).
 */
export type ClassValue = string | false | null | undefined | 0;

export function cn(...parts: ClassValue[]): string {
  let result = '';
  for (const part of parts) {
    if (part) result = result ? `${result} ${part}` : part;
  }
  return result;
}
