/**
 * Copies text to the clipboard: the async Clipboard API, else the selected text of `field`
 * with the older copy command. Returns whether it worked; on failure the field's text is
 * left selected so that Ctrl+C copies it.
 */
export async function copyText(text: string, field?: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // permission refused or no focus: try the selection below
  }
  if (!field) return false;
  field.focus();
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
