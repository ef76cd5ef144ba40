/**
 * The bearer token an investigator pastes in Settings (printed by `npx actorgraph token --subject
 * <name> --role editor`). Kept in this tab's sessionStorage only, so it goes when the tab closes,
 * and sent only to this server (api.ts adds it to every same-origin request).
 */
const KEY = "actorgraph.token";

/** The pasted token, or null. */
export function editorToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** Stores the token for this tab (an empty value forgets it). */
export function setEditorToken(token: string): void {
  const value = token.trim();
  if (value) sessionStorage.setItem(KEY, value);
  else sessionStorage.removeItem(KEY);
}
