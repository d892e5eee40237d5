/**
 * A table that breaks cleanly across pages: the header row repeats on every page the table
 * spans (`fixed`), rows never split (`wrap={false}`), and a table never starts with only its
 * header at the foot of a page (an empty `minPresenceAhead` marker before it).
 */
import { Text, View } from '@react-pdf/renderer';
import { COLOR, CONTENT_WIDTH, s } from './styles';
import { breakLongWords, charsThatFit } from './wrap';

export type Column = { header: string; width: number; bold?: boolean };
export type Cell = string | { text: string; color?: string };

export function Table({ columns, rows, empty = 'None recorded.' }: { columns: Column[]; rows: Cell[][]; empty?: string }) {
  if (rows.length === 0) return <Text style={[s.p, { color: COLOR.muted }]}>{empty}</Text>;
  const total = columns.reduce((n, c) => n + c.width, 0);
  // Absolute widths and one style object per column: layout cost grows with every cell.
  const widths = columns.map((c) => Math.floor((c.width / total) * CONTENT_WIDTH * 100) / 100);
  const headStyles = widths.map((width) => ({ ...s.headCell, width }));
  const cellStyles = columns.map((c, i) => ({ ...s.cell, ...(c.bold ? s.bold : {}), width: widths[i] }));
  // Long words (URLs) wrap inside their column instead of running past it and being clipped.
  const fits = widths.map((w) => charsThatFit(w - 2 * s.cell.paddingHorizontal, s.cell.fontSize));
  return (
    <>
      {/* A table never starts at the very foot of a page with only its header. */}
      <View minPresenceAhead={44} />
      <View style={s.table}>
      <View style={s.headRow} fixed>
        {columns.map((c, i) => (
          <Text key={c.header} style={headStyles[i]}>
            {c.header}
          </Text>
        ))}
      </View>
      {rows.map((row, r) => (
        <View key={r} style={s.row} wrap={false}>
          {row.map((cell, i) => {
            const text = breakLongWords(typeof cell === 'string' ? cell : cell.text, fits[i]!);
            const color = typeof cell === 'string' ? undefined : cell.color;
            return (
              <Text key={i} style={color ? { ...cellStyles[i], color } : cellStyles[i]}>
                {text || '—'}
              </Text>
            );
          })}
        </View>
      ))}
      </View>
    </>
  );
}
