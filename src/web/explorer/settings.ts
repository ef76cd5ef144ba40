import { me, toApiError } from "./api";
import { byId } from "./dom";
import { editorToken, setEditorToken } from "./token";

/**
 * The Settings dialog: paste a bearer token (`npx actorgraph token --subject <name> --role
 * editor`), kept for this tab. Saving asks the API who the token is (Query.me) and says so; the
 * "Add source" button and the retract form appear only with a token.
 */
export class Settings {
  private readonly dialog = byId<HTMLDialogElement>("settings");
  private readonly input = byId<HTMLTextAreaElement>("token-input");
  private readonly status = byId("token-status");

  /** @param onChange called after a token was saved or forgotten, with whether one is set. */
  constructor(private readonly onChange: (signedIn: boolean) => void) {
    byId("settings-open").addEventListener("click", () => {
      this.input.value = editorToken() ?? "";
      this.dialog.showModal();
    });
    byId("settings-close").addEventListener("click", () => this.dialog.close());
    byId<HTMLFormElement>("settings-form").addEventListener("submit", (event) => {
      event.preventDefault();
      void this.save();
    });
  }

  /** Shows who the stored token is, on load. */
  async refresh(): Promise<void> {
    if (!editorToken()) {
      this.status.textContent = "No token: the explorer only reads.";
      this.onChange(false);
      return;
    }
    try {
      const who = await me();
      this.status.textContent = who.subject ? `Signed in as ${who.subject} (${who.roles.join(", ") || "no role"}).` : "The token names no one.";
      this.onChange(who.roles.includes("editor") || who.roles.includes("admin"));
    } catch (err) {
      const e = toApiError(err);
      this.status.textContent = `${e.code}: ${e.message}`;
      this.onChange(false);
    }
  }

  private async save(): Promise<void> {
    setEditorToken(this.input.value);
    await this.refresh();
  }
}
