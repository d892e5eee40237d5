/** Text of a PDF via poppler's `pdftotext` (tests and checks only). */
import { execFileSync } from 'node:child_process';

export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, maxBuffer: 32 * 1024 * 1024 }).toString('utf8');
}
