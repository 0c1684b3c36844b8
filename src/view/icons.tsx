/** Small inline icons (no icon font: every glyph renders on every system). */
const P = {
  first: 'M4 3h2v10H4zM13 3v10L6.5 8z',
  back: 'M3 3h2v10H3zM13 3v10L6 8z',
  play: 'M4 2.5v11L13.5 8z',
  pause: 'M4 3h3v10H4zM9 3h3v10H9z',
  forward: 'M11 3h2v10h-2zM3 3v10l7-5z',
  last: 'M10 3h2v10h-2zM3 3v10l6.5-5z',
  // A padlock: an emoji (🔒) renders as an empty box where no colour-emoji font is installed.
  lock: 'M3 7h10v7H3zM5 7V5a3 3 0 0 1 6 0v2H9.5V5a1.5 1.5 0 0 0-3 0v2z',
} as const;

export type IconName = keyof typeof P;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={P[name]} fill="currentColor" />
    </svg>
  );
}
