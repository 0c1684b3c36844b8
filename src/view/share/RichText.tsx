import { Fragment } from 'react';

/**
 * Text with `code` spans (as the gallery's summaries write commands), rendered as React text
 * and <code> elements: never as HTML.
 */
export function RichText({ text }: { text: string }) {
  const parts = text.split(/`([^`\n]+)`/);
  return (
    <>
      {parts.map((p, i) => (i % 2 === 1 ? <code key={i}>{p}</code> : <Fragment key={i}>{p}</Fragment>))}
    </>
  );
}
