import { displayMessage } from '../i18n/displayText.ts';

/**
 * Text that may carry a user's names (messages, errors): shortened in the middle where a run is
 * very long, with the whole text in the tooltip, and isolated for bidi (i18n/displayText.ts).
 */
export function ShownText({ text, className }: { text: string; className?: string }) {
  const m = displayMessage(text);
  return (
    <span className={className} title={m.full} data-shortened={m.full !== undefined ? '' : undefined}>
      {m.text}
    </span>
  );
}
