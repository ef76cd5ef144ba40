import { claimHistory, retractClaim, toApiError } from "./api";
import { h, replaceChildren } from "./dom";
import { editorToken } from "./token";
import type { Relationship } from "./types";

/**
 * The parts of the evidence panel that talk to the API about one claim: its history (loaded when
 * the claim is shown) and, with a token pasted in Settings, a form to retract it with a reason
 * (at the version shown: a claim changed meanwhile answers CONFLICT, shown as such).
 */
export function claimSections(rel: Relationship, onRetracted: (rel: Relationship) => void): HTMLElement[] {
  const history = h("section", { class: "history", "aria-label": "History" }, h("h3", {}, "History"), h("p", { class: "muted" }, "Loading…"));
  void loadHistory(history, rel.id);
  return editorToken() && !rel.retracted ? [retractForm(rel, onRetracted), history] : [history];
}

async function loadHistory(root: HTMLElement, id: string): Promise<void> {
  try {
    const revisions = await claimHistory(id);
    replaceChildren(
      root,
      h("h3", {}, "History"),
      revisions.length === 0
        ? h("p", { class: "muted" }, "No change since the claim was loaded (seed or import).")
        : h(
            "ol",
            { class: "revisions" },
            ...revisions.map((r) =>
              h(
                "li",
                { "data-operation": r.operation },
                `v${r.version} · ${r.at.slice(0, 19).replace("T", " ")} · ${r.actor} · ${r.operation}`,
                r.reason ? h("div", { class: "muted" }, r.reason) : null,
              ),
            ),
          ),
    );
  } catch (err) {
    const e = toApiError(err);
    replaceChildren(root, h("h3", {}, "History"), h("p", { class: "error-text" }, `${e.code}: ${e.message}`));
  }
}

function retractForm(rel: Relationship, onRetracted: (rel: Relationship) => void): HTMLElement {
  const reason = h("textarea", { id: "retract-reason", rows: 2, placeholder: "Why is this claim wrong?", "aria-label": "Reason for retracting" });
  const button = h("button", { type: "submit", class: "danger" }, "Retract claim");
  const status = h("p", { class: "form-status", role: "status" });
  const form = h("form", { class: "retract", "aria-label": "Retract this claim" }, h("h3", {}, "Retract"), reason, button, status);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!reason.value.trim()) {
      status.textContent = "Say why, so the history records it.";
      return;
    }
    button.disabled = true;
    retractClaim(rel.id, reason.value, rel.version).then(
      (retracted) => onRetracted(retracted),
      (err: unknown) => {
        const e = toApiError(err);
        status.textContent = `${e.code}: ${e.message}`;
        button.disabled = false;
      },
    );
  });
  return form;
}
