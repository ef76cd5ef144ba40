import { formatConfidence, h, replaceChildren, safeHttpUrl, type Child } from "./dom";
import { kindBadge, statusSample } from "./legend";
import type { Entity, Evidence, Relationship } from "./types";

/** Actions the entity panel offers. */
export interface EntityActions {
  routeFrom(entity: Entity): void;
  routeTo(entity: Entity): void;
  expand(entity: Entity): void;
  /** Routes from the entity to the nearest sanctioned parties. */
  exposure(entity: Entity): void;
}

function row(term: string, ...value: Child[]): HTMLElement[] {
  return [h("dt", {}, term), h("dd", {}, ...value)];
}

/** Shows the panel's placeholder: what to click to see evidence. */
export function renderDetailsPlaceholder(root: HTMLElement): void {
  replaceChildren(
    root,
    h("h2", {}, "Evidence"),
    h(
      "p",
      { class: "muted" },
      "Click an edge in the graph, or a hop under the selected route, to see the claim and every quote it rests on. Click a node for the entity; double-click it to add its neighbourhood.",
    ),
  );
}

/**
 * Shows one relationship: type, endpoints, status (with its line style), confidence, validity
 * dates (a missing bound is open), the source's hedging words, warnings, and every evidence quote
 * in a `<mark>` with its source's title, publisher, date, URL (a link only for http/https) and
 * offsets: the corroborating sources first, then the disputing ones with the editor's note.
 * `extra` (the history and the retract form, claim-panel.ts) goes at the end.
 */
export function renderRelationship(root: HTMLElement, rel: Relationship, names: (id: string) => string, ...extra: Child[]): void {
  const money = rel.amount === null ? null : `${rel.amount.toLocaleString("en")} ${rel.currency ?? ""}`.trim();
  const supporting = rel.evidence.filter((e) => e.role !== "DISPUTING");
  const disputing = rel.evidence.filter((e) => e.role === "DISPUTING");
  replaceChildren(
    root,
    h("h2", {}, "Evidence"),
    h(
      "div",
      { class: "claim", "data-edge": `${rel.type}:${rel.id}` },
      h("div", { class: "claim-type" }, rel.type),
      h("div", { class: "claim-ends" }, names(rel.from.id), " → ", names(rel.to.id)),
    ),
    h(
      "dl",
      { class: "facts" },
      ...row("Status", rel.status === "RETRACTED" ? null : statusSample(rel.status, rel.confidence), " ", rel.status),
      ...(rel.retraction ? row("Retracted", `by ${rel.retraction.actor} on ${rel.retraction.at.slice(0, 10)}: ${rel.retraction.reason}`) : []),
      ...row("Confidence", formatConfidence(rel.confidence)),
      ...row("Valid from", rel.validFrom ?? "open (no date)"),
      ...row("Valid to", rel.validTo ?? "open (no date)"),
      ...(rel.hedge ? row("Hedge", `“${rel.hedge}”`) : []),
    ),
    rel.warnings.length > 0 ? h("ul", { class: "warnings" }, ...rel.warnings.map((w) => h("li", {}, w))) : null,
    h("h3", {}, `${supporting.length} corroborating quote${supporting.length === 1 ? "" : "s"}`),
    supporting.length === 0
      ? h("p", { class: "muted" }, "No evidence recorded for this claim.")
      : h("ol", { class: "quotes corroborating" }, ...supporting.map(quoteItem)),
    disputing.length > 0 ? h("h3", {}, `${disputing.length} disputing quote${disputing.length === 1 ? "" : "s"}`) : null,
    disputing.length > 0 ? h("ol", { class: "quotes disputing" }, ...disputing.map(quoteItem)) : null,
    h(
      "dl",
      { class: "facts more" },
      ...(rel.goods.length > 0 ? row("Goods", rel.goods.join(", ")) : []),
      ...(money ? row("Amount", money) : []),
      ...(rel.note ? row("Note", rel.note) : []),
      ...row("Id", h("code", {}, rel.id)),
      ...row("Version", String(rel.version)),
    ),
    ...extra,
  );
}

function quoteItem(e: Evidence): HTMLElement {
  const s = e.source;
  const url = safeHttpUrl(s.url);
  return h(
    "li",
    { class: "quote" },
    h("blockquote", {}, h("mark", {}, e.quote)),
    e.note ? h("p", { class: "dispute-note" }, `Note: ${e.note}`) : null,
    h(
      "div",
      { class: "source" },
      h("cite", {}, s.title),
      h("div", { class: "muted" }, [s.publisher, s.publishedAt ? `published ${s.publishedAt}` : "publication date unknown"].filter(Boolean).join(" · ")),
      url
        ? h("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, url)
        : h("div", { class: "muted" }, s.url ? `URL (not a web link): ${s.url}` : "No URL recorded"),
      h("div", { class: "muted offsets" }, `characters ${e.start}–${e.end} of the source text`),
    ),
  );
}

/**
 * Shows one entity (kind, id, aliases, description, FtM topics, the records merged into it) with
 * buttons to route from or to it, to expand it, and to ask how close it is to a sanctioned party;
 * `extra` (the possible duplicates, duplicates-panel.ts) goes at the end.
 */
export function renderEntity(root: HTMLElement, e: Entity, actions: EntityActions, ...extra: Child[]): void {
  const button = (label: string, run: () => void, cls = "") => {
    const b = h("button", { type: "button", class: cls }, label);
    b.addEventListener("click", run);
    return b;
  };
  replaceChildren(
    root,
    h("h2", {}, "Entity"),
    h(
      "div",
      { class: "claim" },
      h("div", { class: "claim-type" }, e.name),
      h("div", { class: "card-head" }, kindBadge(e.kind), h("code", { class: "entity-id" }, e.id)),
    ),
    h(
      "dl",
      { class: "facts" },
      ...row("Aliases", e.aliases.length > 0 ? e.aliases.join(" · ") : "none recorded"),
      ...(e.description ? row("About", e.description) : []),
      ...(e.country ? row("Country", e.country) : []),
      ...(e.topics.length > 0 ? row("Topics", e.topics.join(" · ")) : []),
      ...(e.unidentified ? row("Members", "a group the source does not name") : []),
      ...(e.mergedIds.length > 0
        ? row(
            "Same actor as",
            h("span", { class: "merged-ids" }, e.mergedIds.join(" · ")),
            h("div", { class: "muted" }, "records judged one actor with this one"),
          )
        : []),
    ),
    h(
      "div",
      { class: "actions" },
      button("Expand neighbourhood", () => actions.expand(e), "primary"),
      button("Route from here", () => actions.routeFrom(e)),
      button("Route to here", () => actions.routeTo(e)),
      button("How close to a sanctioned party?", () => actions.exposure(e), "exposure"),
    ),
    ...extra,
  );
}
