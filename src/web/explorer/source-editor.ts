import { addClaim, addSource, toApiError } from "./api";
import { byId, h, replaceChildren } from "./dom";
import { EntityPicker } from "./picker";
import { CLAIM_STATUSES, type ClaimStatus, type Relationship } from "./types";

/** Relationship types offered by the claim form (schema.graphql `RelationshipType`), flows first. */
const CLAIM_TYPES = ["SUPPLIED", "DEPLOYED_TO", "FINANCED", "PAID", "OWNS", "DIRECTS", "BASED_IN", "PART_OF", "SUPPORTS", "RELATED_TO"] as const;

/**
 * The "Add source" dialog: paste a source's text with its title and publisher and store it
 * (addSource); the stored text then shows, and selecting a passage in it and picking two
 * entities, a type and a status adds a claim quoting that passage (addClaim: the server checks
 * the quote and computes its offsets; a passage that occurs more than once is sent with its
 * occurrence, counted from the selection's position).
 */
export class SourceEditor {
  private readonly dialog = byId<HTMLDialogElement>("source-editor");
  private readonly text = byId<HTMLTextAreaElement>("source-text-input");
  private readonly stored = byId("source-text");
  private readonly quote = byId("claim-quote");
  private readonly status = byId("editor-status");
  private readonly from: EntityPicker;
  private readonly to: EntityPicker;
  private sourceId: string | null = null;
  private sourceText = "";
  private selection: { quote: string; occurrence: number } | null = null;

  /** @param onClaim called with each claim added, so the page can refresh its routes. */
  constructor(private readonly onClaim: (claim: Relationship) => void) {
    this.from = new EntityPicker(byId("claim-from-picker"), "Claim from", () => undefined);
    this.to = new EntityPicker(byId("claim-to-picker"), "Claim to", () => undefined);
    const type = byId<HTMLSelectElement>("claim-type");
    replaceChildren(type, ...CLAIM_TYPES.map((t) => h("option", { value: t }, t)));
    const status = byId<HTMLSelectElement>("claim-status");
    replaceChildren(status, ...CLAIM_STATUSES.map((s) => h("option", { value: s }, s)));
    byId("source-editor-open").addEventListener("click", () => this.dialog.showModal());
    byId("source-editor-close").addEventListener("click", () => this.dialog.close());
    byId<HTMLFormElement>("source-form").addEventListener("submit", (event) => {
      event.preventDefault();
      void this.storeSource();
    });
    // mousedown would move focus and clear the selection before the click reads it.
    byId("use-selection").addEventListener("mousedown", (event) => event.preventDefault());
    byId("use-selection").addEventListener("click", () => this.useSelection());
    byId<HTMLFormElement>("claim-form").addEventListener("submit", (event) => {
      event.preventDefault();
      void this.addClaim(type.value, status.value as ClaimStatus);
    });
  }

  private say(message: string): void {
    this.status.textContent = message;
  }

  private async storeSource(): Promise<void> {
    const field = (id: string) => byId<HTMLInputElement>(id).value.trim() || null;
    try {
      const source = await addSource({
        title: field("source-title") ?? "",
        publisher: field("source-publisher"),
        url: field("source-url"),
        publishedAt: field("source-published"),
        text: this.text.value,
      });
      this.sourceId = source.id;
      this.sourceText = this.text.value;
      this.stored.textContent = this.sourceText;
      this.stored.dataset.sourceId = source.id;
      byId("claim-section").hidden = false;
      this.say(`Stored source ${source.id} (${source.textLength} characters). Select a passage below to quote it in a claim.`);
    } catch (err) {
      const e = toApiError(err);
      this.say(`${e.code}: ${e.message}`);
    }
  }

  /** Takes the passage selected in the stored text, and which occurrence of it that is. */
  private useSelection(): void {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !this.stored.contains(sel.anchorNode)) {
      this.say("Select a passage in the stored text first.");
      return;
    }
    const range = sel.getRangeAt(0);
    const before = document.createRange();
    before.setStart(this.stored, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const start = before.toString().length;
    const quote = range.toString();
    let occurrence = 0;
    for (let at = this.sourceText.indexOf(quote); at >= 0 && at <= start; at = this.sourceText.indexOf(quote, at + 1)) occurrence += 1;
    this.selection = { quote, occurrence: Math.max(1, occurrence) };
    this.quote.textContent = quote;
  }

  private async addClaim(type: string, status: ClaimStatus): Promise<void> {
    if (!this.sourceId || !this.selection) return this.say("Store a source and select a passage first.");
    if (!this.from.value || !this.to.value) return this.say("Pick the entities the claim links.");
    const repeated = this.sourceText.indexOf(this.selection.quote) !== this.sourceText.lastIndexOf(this.selection.quote);
    try {
      const claim = await addClaim({
        from: this.from.value.id,
        to: this.to.value.id,
        type,
        status,
        evidence: [{ sourceId: this.sourceId, quote: this.selection.quote, occurrence: repeated ? this.selection.occurrence : null }],
      });
      const warned = claim.warnings.length > 0 ? ` Warning: ${claim.warnings.join(" ")}` : "";
      this.say(
        `Added claim ${claim.id}: ${this.from.value.name} ${type} ${this.to.value.name}, ${claim.status} (${claim.confidence}), quote at ${claim.evidence[0]?.start}–${claim.evidence[0]?.end}.${warned}`,
      );
      this.onClaim(claim);
    } catch (err) {
      const e = toApiError(err);
      this.say(`${e.code}: ${e.message}`);
    }
  }
}
