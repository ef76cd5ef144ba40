import type cytoscape from "cytoscape";
import type { ClaimStatus } from "./types";

/** How one entity kind is drawn: fill colour and Cytoscape.js node shape. */
export interface KindStyle {
  readonly color: string;
  readonly shape: cytoscape.Css.NodeShape;
}

/**
 * Node style per entity kind (schema.graphql `EntityKind`): colours from the Okabe–Ito
 * colour-blind-safe palette where they suffice, and a distinct shape per family, so kinds stay
 * apart in greyscale prints too. Kinds not listed use {@link DEFAULT_KIND_STYLE}.
 */
export const KIND_STYLES: Readonly<Record<string, KindStyle>> = Object.freeze({
  Company: { color: "#0072B2", shape: "round-rectangle" },
  LegalEntity: { color: "#3D8BD1", shape: "round-rectangle" },
  Organization: { color: "#56B4E9", shape: "round-rectangle" },
  EconomicActivity: { color: "#2A9DAF", shape: "round-rectangle" },
  PublicBody: { color: "#CC79A7", shape: "barrel" },
  Person: { color: "#E69F00", shape: "ellipse" },
  Country: { color: "#009E73", shape: "round-hexagon" },
  Place: { color: "#6E9A2F", shape: "ellipse" },
  Address: { color: "#8AA85A", shape: "ellipse" },
  Product: { color: "#D55E00", shape: "round-pentagon" },
  Event: { color: "#E0B000", shape: "round-diamond" },
  Document: { color: "#6B7280", shape: "rectangle" },
  Regulation: { color: "#7C5CC4", shape: "round-tag" },
  Sanction: { color: "#C62828", shape: "round-octagon" },
  Vessel: { color: "#475569", shape: "round-triangle" },
  Airplane: { color: "#475569", shape: "round-triangle" },
  Vehicle: { color: "#475569", shape: "round-triangle" },
});

/** Style of a kind the table does not know (a kind added to the API later). */
export const DEFAULT_KIND_STYLE: KindStyle = { color: "#94A3B8", shape: "ellipse" };

/** How one claim status is drawn: line style, colour and a short legend text. */
export interface StatusStyle {
  readonly line: "solid" | "dashed" | "dotted";
  readonly color: string;
  readonly label: string;
}

/**
 * Edge style per claim status: REPORTED solid and dark, LIKELY solid and lighter, POSSIBLE
 * dashed, UNCONFIRMED dotted. Edge width follows confidence on top of this (see {@link edgeWidth}).
 */
export const STATUS_STYLES: Readonly<Record<ClaimStatus, StatusStyle>> = Object.freeze({
  REPORTED: { line: "solid", color: "#1F2F43", label: "reported (stated as fact)" },
  LIKELY: { line: "solid", color: "#5C7A9C", label: "likely" },
  POSSIBLE: { line: "dashed", color: "#6B7A8C", label: "possible" },
  UNCONFIRMED: { line: "dotted", color: "#7D8896", label: "unconfirmed" },
});

/** Edge width in **pixels** (at zoom 1) for a confidence in [0, 1]: 1 px at 0, 5 px at 1. */
export function edgeWidth(confidence: number): number {
  return 1 + 4 * Math.min(1, Math.max(0, confidence));
}

/** Colour of the highlighted route's nodes and hops (the route list uses the same, in CSS `--route`). */
export const ROUTE_COLOR = "#C2410C";

/** Colour of the selected node or edge (the one the side panel shows). */
export const SELECTED_COLOR = "#1D4ED8";
