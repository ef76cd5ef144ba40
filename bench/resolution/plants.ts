import type { Company } from "../../src/generate/trade-network.js";
import { identifierKey, latinNamesOf, nameKey } from "../../src/model/name-keys.js";

/**
 * Duplicates planted in the generated network, one per chosen company, in five kinds that real
 * data shows (docs/resolution.md): the same name with another legal form and case; the words run
 * together; the name written in Cyrillic, as a Russian registry spells a foreign firm; a typo;
 * and another name sharing a registration number (a non-strong identifier, so nothing merges by
 * itself and the pair must come out as a candidate).
 */
export const PLANT_KINDS = ["legal-form", "spacing", "cyrillic", "typo", "registration"] as const;
export type PlantKind = (typeof PLANT_KINDS)[number];

/** A planted record and the company it duplicates. */
export interface Plant {
  readonly kind: PlantKind;
  readonly of: string;
  readonly record: {
    id: string;
    name: string;
    kind: string;
    country: string;
    aliases: string[];
    identifiers: string[];
    identifierKeys: string[];
    latinNames: string[];
    nameKey: string | null;
    unidentified: boolean;
  };
  /** Set on the original company too (registration plants). */
  readonly originalIdentifiers: string[];
}

const CYRILLIC: Readonly<Record<string, string>> = {
  Sky: "Скай",
  Falcon: "Фалкон",
  Steppe: "Степ",
  Golden: "Голден",
  Silk: "Силк",
  Vector: "Вектор",
  Aero: "Аэро",
  Orion: "Орион",
  Pioneer: "Пионер",
  Delta: "Дельта",
  Zenith: "Зенит",
  Nova: "Нова",
  Polar: "Полар",
  Amber: "Эмбер",
  Harbor: "Харбор",
  Crest: "Крест",
};

const LEGAL_FORM_SWAPS: readonly [RegExp, string][] = [
  [/Co\., Ltd\./, "Company Limited"],
  [/Limited/, "Ltd."],
  [/Ltd$|Ltd(?= )/, "Limited"],
  [/LLC/, "L.L.C."],
  [/LLP/, "Limited Liability Partnership"],
  [/FZE/, "F.Z.E."],
  [/OOO/, "LLC"],
  [/JSC/, "Joint Stock Company"],
];

/** The plant of `kind` for company `c`, with id `<ns>:plant-<index>`. */
export function plant(c: Company, kind: PlantKind, ns: string): Plant {
  const words = c.name.split(" ");
  let name: string;
  let identifiers: string[] = [];
  let originalIdentifiers: string[] = [];
  switch (kind) {
    case "legal-form": {
      const swap = LEGAL_FORM_SWAPS.find(([re]) => re.test(c.name));
      name = (swap ? c.name.replace(swap[0], swap[1]) : `${c.name} LLC`).toUpperCase();
      break;
    }
    case "spacing":
      name =
        words[0] === "OOO" || words[0] === "LLC" || words[0] === "JSC"
          ? `${words[0]} ${words[1]}${words[2]} ${words.slice(3).join(" ")}`
          : `${words[0]}${words[1]} ${words.slice(2).join(" ")}`;
      break;
    case "cyrillic":
      name = `ООО «${words
        .map((w) => CYRILLIC[w] ?? w)
        .filter((w) => !["OOO", "LLC", "JSC"].includes(w))
        .join(" ")}»`;
      break;
    case "typo": {
      const w = words.findIndex((x) => x.length >= 5);
      const t = words[w] ?? words[0]!;
      const typo = `${t.slice(0, 2)}${t[3] ?? ""}${t[2] ?? ""}${t.slice(4)}`;
      name = words.map((x, i) => (i === (w < 0 ? 0 : w) ? typo : x)).join(" ");
      break;
    }
    case "registration": {
      const number = `BR-${100000 + c.index}`;
      identifiers = [`registration:${number}`];
      originalIdentifiers = [`registrationNumber:${number}`];
      name = `${words.reverse().join(" ")} Group`;
      break;
    }
  }
  return {
    kind,
    of: `${ns}:${c.id}`,
    // With the keys an import writes (src/import/batch-prepare.ts), so the plant is found as an imported record is.
    record: {
      id: `${ns}:plant-${c.index}`,
      name,
      kind: "Company",
      country: c.country.toUpperCase(),
      aliases: [],
      identifiers,
      identifierKeys: identifiers.map((i) => identifierKey(i.slice(i.indexOf(":") + 1))!),
      latinNames: latinNamesOf([name]),
      nameKey: nameKey(name),
      unidentified: false,
    },
    originalIdentifiers,
  };
}
