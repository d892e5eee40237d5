import type { ReactNode } from 'react';

/** Renders a plain-text email with its http(s) addresses as links (text is never parsed as HTML). */
export function linkify(text: string): ReactNode[] {
  return text.split(/(https?:\/\/\S+)/g).map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part} className="break-all text-brand-700 underline">
        {part}
      </a>
    ) : (
      part
    ),
  );
}
