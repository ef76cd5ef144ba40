import type { RouteParams } from "./api";
import { byId, h } from "./dom";
import { statusSample } from "./legend";
import { EntityPicker } from "./picker";
import { CLAIM_STATUSES, type ClaimStatus, type Entity } from "./types";

/** A route question read from the form, or why it cannot be sent (`problem`, shown like an API error). */
export type FormReading = { params: RouteParams; from: Entity; to: Entity } | { problem: string };

/**
 * The route form: "From" and "To" search pickers, a swap button, max hops, min confidence, the
 * direction (FLOW by default, as the API's) and the statuses to follow (all by default). Max hops
 * and min confidence must be numbers (a whole one for max hops), checked here with a message
 * naming the field; their ranges are left to the API, whose message is shown, so the page never
 * contradicts it.
 */
export class RouteForm {
  /** Start entity picker. */
  readonly from: EntityPicker;
  /** End entity picker. */
  readonly to: EntityPicker;
  private readonly submit = byId<HTMLButtonElement>("find-routes");

  /** @param onSubmit called on "Find routes" (or Enter) with the form's reading. */
  constructor(onSubmit: (reading: FormReading) => void) {
    this.from = new EntityPicker(byId("from-picker"), "From", () => undefined);
    this.to = new EntityPicker(byId("to-picker"), "To", () => undefined);
    const statuses = byId<HTMLFieldSetElement>("statuses");
    for (const status of CLAIM_STATUSES) {
      statuses.append(
        h(
          "label",
          { class: "status-choice" },
          h("input", { type: "checkbox", name: "status", value: status, checked: true }),
          statusSample(status),
          status.toLowerCase(),
        ),
      );
    }
    byId("swap").addEventListener("click", () => {
      const [a, b] = [this.from.value, this.to.value];
      this.from.set(b);
      this.to.set(a);
    });
    byId<HTMLFormElement>("route-form").addEventListener("submit", (e) => {
      e.preventDefault();
      onSubmit(this.read());
    });
  }

  /** Disables "Find routes" and says so while a search runs. */
  setBusy(busy: boolean): void {
    this.submit.disabled = busy;
    this.submit.textContent = busy ? "Searching…" : "Find routes";
  }

  /** The form's current question. */
  read(): FormReading {
    const from = this.from.value;
    const to = this.to.value;
    if (!from) return { problem: "Pick a start entity: type in From and choose a match." };
    if (!to) return { problem: "Pick an end entity: type in To and choose a match." };
    const statuses = [...document.querySelectorAll<HTMLInputElement>('#statuses input[name="status"]:checked')].map((i) => i.value as ClaimStatus);
    if (statuses.length === 0) return { problem: "Tick at least one status to follow." };
    const maxHops = numberField("max-hops", "Max hops", "a whole number from 1 to 10", true);
    if (typeof maxHops === "string") return { problem: maxHops };
    const minConfidence = numberField("min-confidence", "Min confidence", "a number from 0 to 1, such as 0.3", false);
    if (typeof minConfidence === "string") return { problem: minConfidence };
    const direction: RouteParams["direction"] = byId<HTMLSelectElement>("direction").value === "ANY" ? "ANY" : "FLOW";
    return { params: { from: from.id, to: to.id, maxHops, minConfidence, statuses, direction }, from, to };
  }
}

/**
 * The number in a numeric field, or what is wrong with it, naming the field (`label`) and what
 * it takes (`takes`): empty, not a number (the browser reports text it cannot read, such as `abc`
 * or `0x1`, as `validity.badInput` with an empty value), or, for `integer` fields, a fraction.
 * Ranges are left to the API, whose message the page shows, so the two never disagree. The
 * field is marked `aria-invalid` while it is wrong.
 */
function numberField(id: string, label: string, takes: string, integer: boolean): number | string {
  const input = byId<HTMLInputElement>(id);
  const value = input.value.trim();
  const n = Number(value);
  const problem =
    input.validity.badInput || (value !== "" && !Number.isFinite(n))
      ? `${label} is not a number: enter ${takes}.`
      : value === ""
        ? `${label} is empty: enter ${takes}.`
        : integer && !Number.isInteger(n)
          ? `${label} must be a whole number; got ${value}.`
          : null;
  input.setAttribute("aria-invalid", problem ? "true" : "false");
  return problem ?? n;
}
