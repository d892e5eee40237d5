/** One stylesheet for the pack: built-in Helvetica, A4, quiet colours. */
import { StyleSheet } from '@react-pdf/renderer';

export const COLOR = {
  ink: '#1f2937',
  muted: '#6b7280',
  line: '#d1d5db',
  soft: '#f3f4f6',
  accent: '#1d4ed8',
  ok: '#15803d',
  warn: '#b45309',
  bad: '#b91c1c',
};

/** A4 width (595.28 pt) less the page's side padding. */
export const CONTENT_WIDTH = 595.28 - 2 * 44;

export const s = StyleSheet.create({
  page: { fontFamily: 'Helvetica', fontSize: 9.5, color: COLOR.ink, paddingTop: 44, paddingBottom: 54, paddingHorizontal: 44 },
  // No lineHeight on the page: inherited by text drawn with `render`, it blanks that text (react-pdf 4.9).
  footer: { position: 'absolute', bottom: 22, left: 44, fontSize: 8, color: COLOR.muted },
  pageNumber: { position: 'absolute', bottom: 22, right: 44, fontSize: 8, color: COLOR.muted },
  h1: { fontFamily: 'Helvetica-Bold', fontSize: 26, marginBottom: 6 },
  h2: { fontFamily: 'Helvetica-Bold', fontSize: 15, marginTop: 14, marginBottom: 6, color: COLOR.ink },
  h3: { fontFamily: 'Helvetica-Bold', fontSize: 11, marginTop: 10, marginBottom: 4 },
  p: { marginBottom: 5 },
  small: { fontSize: 8, color: COLOR.muted },
  bold: { fontFamily: 'Helvetica-Bold' },
  note: { backgroundColor: COLOR.soft, borderLeftWidth: 2, borderLeftColor: COLOR.warn, padding: 6, marginVertical: 4, color: COLOR.ink },
  table: { borderTopWidth: 0.5, borderTopColor: COLOR.line, marginVertical: 4 },
  headRow: { flexDirection: 'row', backgroundColor: COLOR.soft, borderBottomWidth: 0.5, borderBottomColor: COLOR.line },
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: COLOR.line },
  headCell: { fontFamily: 'Helvetica-Bold', fontSize: 8, paddingVertical: 3, paddingHorizontal: 4, color: COLOR.muted },
  cell: { fontSize: 8.5, paddingVertical: 3, paddingHorizontal: 4, lineHeight: 1.3 },
  tocRow: { flexDirection: 'row', marginBottom: 5, fontSize: 11 },
  tocDots: { flexGrow: 1, borderBottomWidth: 0.5, borderBottomColor: COLOR.line, borderBottomStyle: 'dotted', marginHorizontal: 4, marginBottom: 3 },
  fact: { flexDirection: 'row', paddingVertical: 4, borderBottomWidth: 0.5, borderBottomColor: COLOR.line },
  factLabel: { width: 120, color: COLOR.muted },
  badge: { fontFamily: 'Helvetica-Bold', fontSize: 22, marginTop: 18 },
  bullet: { flexDirection: 'row', marginBottom: 3 },
});
