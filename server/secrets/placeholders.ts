/** Values that stand for a secret without being one: `$VAR`, `${{ secrets.X }}`, `<your key>`, `****`. */
export function isPlaceholder(value: string): boolean {
  if (/^(?:\$|%|<|\{\{|\[)/.test(value)) return true;
  if (/^(.)\1*$/.test(value)) return true; // "****", "xxxx"
  if (/^(?:x{3,}|\.{3,}|…|redacted|hidden|changeme|placeholder|example|none|null|undefined|true|false|yes|no|on|off)$/i.test(value)) return true;
  return false;
}
