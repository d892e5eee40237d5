import type { SeedSource } from '@/lib/vocabulary/roadmap-template';

/**
 * `cite(seed)('Stage 1: Quick audit > Checks#1-3', 'The Minimum Bar#5')` → SeedSource[].
 * Positions after '#': a number, a range 'a-b', or a comma list of those.
 */
export function citer(seed: string): (...refs: string[]) => SeedSource[] {
  return (...refs) =>
    refs.flatMap((ref) => {
      const at = ref.lastIndexOf('#');
      if (at < 0) throw new Error(`citation without position: ${ref}`);
      const section = ref.slice(0, at);
      return ref
        .slice(at + 1)
        .split(',')
        .flatMap((part): number[] => {
          const [from, to] = part.split('-').map(Number);
          if (from === undefined || !Number.isInteger(from)) throw new Error(`bad position in citation: ${ref}`);
          const last = to ?? from;
          return Array.from({ length: last - from + 1 }, (_, i) => from + i);
        })
        .map((position) => ({ seed, section, position }));
    });
}
