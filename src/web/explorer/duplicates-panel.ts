import { candidatesOf, judge, toApiError, type JudgementValue } from "./api";
import { formatConfidence, h, replaceChildren } from "./dom";
import { editorToken } from "./token";
import type { Entity, MatchCandidate } from "./types";

/**
 * The entity panel's "Possible duplicates" (Query.candidates for the entity, best first, each with
 * its score and reasons) and, with an editor token pasted in Settings, a form per candidate to
 * judge the pair: same actor (POSITIVE), different (NEGATIVE) or unsure, with a reason the
 * judgement keeps (docs/resolution.md). After a judgement `onJudged` runs with the judged entity,
 * which re-renders the panel: a POSITIVE pair is then one entity, and a judged pair is no
 * longer a candidate.
 */
export function duplicatesSection(entity: Entity, onJudged: (entity: Entity, summary: string) => void): HTMLElement {
  const root = h(
    "section",
    { class: "duplicates", "aria-label": "Possible duplicates" },
    h("h3", {}, "Possible duplicates"),
    h("p", { class: "muted" }, "Looking for records that may be this actor…"),
  );
  void load(root, entity, onJudged);
  return root;
}

async function load(root: HTMLElement, entity: Entity, onJudged: (entity: Entity, summary: string) => void): Promise<void> {
  try {
    const candidates = await candidatesOf(entity.id);
    replaceChildren(
      root,
      h("h3", {}, "Possible duplicates"),
      candidates.length === 0
        ? h("p", { class: "muted" }, "No other record scores 0.5 or more against this one.")
        : h("ol", { class: "candidates" }, ...candidates.map((c) => candidateItem(entity, c, onJudged))),
    );
  } catch (err) {
    const e = toApiError(err);
    replaceChildren(root, h("h3", {}, "Possible duplicates"), h("p", { class: "error-text" }, `${e.code}: ${e.message}`));
  }
}

function candidateItem(entity: Entity, c: MatchCandidate, onJudged: (entity: Entity, summary: string) => void): HTMLElement {
  const other = c.left.id === entity.id ? c.right : c.left;
  return h(
    "li",
    { class: "candidate", "data-id": other.id },
    h(
      "div",
      { class: "candidate-head" },
      h("strong", {}, other.name),
      " ",
      h("code", {}, other.id),
      " ",
      h("span", { class: "score" }, `score ${formatConfidence(c.score)}`),
    ),
    h(
      "ul",
      { class: "reasons" },
      ...c.reasons.map((r) =>
        h("li", { "data-feature": r.feature }, r.detail, r.weight !== 0 ? h("span", { class: "muted" }, ` (${r.weight > 0 ? "+" : ""}${r.weight})`) : null),
      ),
    ),
    editorToken() ? judgeForm(entity, other, c, onJudged) : null,
  );
}

function judgeForm(entity: Entity, other: Entity, c: MatchCandidate, onJudged: (entity: Entity, summary: string) => void): HTMLElement {
  const reason = h("input", {
    type: "text",
    class: "judge-reason",
    placeholder: "Why? (kept with the judgement)",
    "aria-label": `Reason for judging ${other.name}`,
  });
  const status = h("p", { class: "form-status", role: "status" });
  const buttons = (
    [
      ["POSITIVE", "Same actor"],
      ["NEGATIVE", "Different"],
      ["UNSURE", "Unsure"],
    ] as const
  ).map(([value, label]) => {
    const b = h("button", { type: "button", "data-judgement": value }, label);
    b.addEventListener("click", () => send(value));
    return b;
  });
  const send = (value: JudgementValue) => {
    if (!reason.value.trim()) {
      status.textContent = "Say why, so the judgement records it.";
      return;
    }
    for (const b of buttons) b.disabled = true;
    judge(c.leftRecord, c.rightRecord, value, reason.value).then(
      (j) => onJudged(entity, `Judged ${j.judgement}: ${entity.name} and ${other.name} (${j.left} and ${j.right}) by ${j.actor}.`),
      (err: unknown) => {
        const e = toApiError(err);
        status.textContent = `${e.code}: ${e.message}`;
        for (const b of buttons) b.disabled = false;
      },
    );
  };
  return h("div", { class: "judge", role: "group", "aria-label": `Judge ${other.name}` }, reason, h("div", { class: "judge-buttons" }, ...buttons), status);
}
