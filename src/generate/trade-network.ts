import { oneOf, powerLawIndex, recordRand, type Rand } from "./random.js";

/**
 * A deterministic synthetic trade network of drones and drone parts (HS 8806 unmanned aircraft,
 * HS 8807 their parts) moving from manufacturers through intermediaries, shell companies and
 * transit countries to importers in Russia. Every company and declaration is drawn from its own
 * random stream (random.ts), so the network is never held in memory: record i is the same
 * whichever records are drawn before it. Counterparties are picked with a power law, so a few
 * intermediaries and importers are hubs; a share of companies is sanctioned.
 */

/** The roles of companies, in index order (roles are contiguous ranges of company indices). */
export const ROLES = ["manufacturer", "intermediary", "shell", "importer"] as const;
export type Role = (typeof ROLES)[number];
const ROLE_SHARE: Readonly<Record<Role, number>> = { manufacturer: 0.05, intermediary: 0.2, shell: 0.4, importer: 0.35 };

/** Transit countries (ISO 3166-1 alpha-2, lower case as FtM writes them), as in the reporting on re-exports to Russia. */
export const TRANSIT_COUNTRIES = ["kz", "kg", "am", "ae", "tr", "by", "uz", "ge"] as const;
/** HS subheadings drawn: 8806 unmanned aircraft, 8807 parts. */
export const HS_CODES = ["880621", "880622", "880623", "880624", "880629", "880691", "880692", "880699", "880730", "880790"] as const;
const GOODS: Readonly<Record<string, string>> = {
  "8806": "Unmanned aircraft (quadcopter), remote controlled",
  "8807": "Parts of unmanned aircraft: propellers, gimbals, flight controllers",
};
/** Share of non-importer companies on a sanctions list (importers: twice this). */
export const SANCTIONED_SHARE = 0.03;
const WORDS = [
  "Sky",
  "Falcon",
  "Steppe",
  "Golden",
  "Silk",
  "Vector",
  "Aero",
  "Orion",
  "Pioneer",
  "Delta",
  "Zenith",
  "Nova",
  "Polar",
  "Amber",
  "Harbor",
  "Crest",
];
const SUFFIX: Readonly<Record<Role, readonly string[]>> = {
  manufacturer: ["UAV Technology Co., Ltd.", "Intelligent Technology Co., Ltd.", "Electronics Co., Ltd."],
  intermediary: ["Trading Limited", "Import Export LLP", "General Trading FZE"],
  shell: ["Holdings Ltd", "Ventures LLC", "Consulting LLP"],
  importer: ["OOO", "LLC", "JSC"],
};
const ROLE_COUNTRIES: Readonly<Record<Role, readonly string[]>> = {
  manufacturer: ["cn"],
  intermediary: ["hk", "cn", ...TRANSIT_COUNTRIES],
  shell: ["hk", "ae", "tr", "kz", "am"],
  importer: ["ru"],
};
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2022, 2, 1);
const DAYS = 670;

/** Size of a network: `declarations` shipments among `companies` companies. */
export interface NetworkSize {
  readonly seed: number;
  readonly declarations: number;
  /** Default: a tenth of the declarations, at least 40. */
  readonly companies?: number;
}

/** A company of the network. */
export interface Company {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** ISO 3166-1 alpha-2, lower case. */
  readonly country: string;
  readonly sanctioned: boolean;
  readonly incorporationDate: string;
}

/** One customs declaration: a shipment from a manufacturer, via an exporter (intermediary or shell) and a transit country, to an importer. */
export interface Declaration {
  readonly index: number;
  readonly id: string;
  readonly date: string;
  readonly manufacturer: Company;
  readonly exporter: Company;
  readonly importer: Company;
  readonly transit: string;
  readonly hsCode: string;
  readonly goodsDescription: string;
  readonly quantity: number;
  /** Customs value in US dollars, rounded to cents. */
  readonly valueUsd: number;
}

/** A network, drawn lazily. */
export class TradeNetwork {
  readonly seed: number;
  readonly declarationCount: number;
  readonly companyCount: number;
  /** First company index of each role, plus the total at the end. */
  private readonly roleStart: readonly number[];

  constructor(size: NetworkSize) {
    this.seed = size.seed;
    this.declarationCount = size.declarations;
    this.companyCount = size.companies ?? Math.max(40, Math.round(size.declarations / 10));
    const starts = [0];
    for (const role of ROLES) starts.push(starts[starts.length - 1]! + Math.max(1, Math.round(ROLE_SHARE[role] * this.companyCount)));
    this.roleStart = starts;
    this.companyCount = starts[starts.length - 1]!;
  }

  /** Company `index` (0 ≤ index < companyCount). */
  company(index: number): Company {
    const rand = recordRand(this.seed, 1, index);
    const role = ROLES[this.roleStart.findIndex((start, r) => index >= start && index < this.roleStart[r + 1]!)]!;
    const words = `${oneOf(rand, WORDS)} ${oneOf(rand, WORDS)}`;
    const name = role === "importer" ? `${oneOf(rand, SUFFIX[role])} ${words} ${index}` : `${words} ${oneOf(rand, SUFFIX[role])} ${index}`;
    return {
      index,
      id: `gen-co-${index}`,
      name,
      role,
      country: oneOf(rand, ROLE_COUNTRIES[role]),
      // Importers are listed twice as often as the others, as in the EU and US lists of Russian buyers.
      sanctioned: rand() < SANCTIONED_SHARE * (role === "importer" ? 2 : 1),
      incorporationDate: isoDay(rand, -3650),
    };
  }

  /** A company of `role`, power-law skewed towards the role's first companies (the hubs). */
  pick(rand: Rand, role: Role): Company {
    const r = ROLES.indexOf(role);
    const start = this.roleStart[r]!;
    return this.company(start + powerLawIndex(rand, this.roleStart[r + 1]! - start));
  }

  /** The random stream that picks the owner of shell company `index`. */
  ownerRand(index: number): Rand {
    return recordRand(this.seed, 3, index);
  }

  /** Declaration `index` (0 ≤ index < declarationCount). */
  declaration(index: number): Declaration {
    const rand = recordRand(this.seed, 2, index);
    const hsCode = oneOf(rand, HS_CODES);
    const quantity = 1 + Math.floor(rand() ** 2 * 500);
    return {
      index,
      id: `gen-decl-${index}`,
      date: isoDay(rand, 0),
      manufacturer: this.pick(rand, "manufacturer"),
      exporter: this.pick(rand, rand() < 0.6 ? "intermediary" : "shell"),
      importer: this.pick(rand, "importer"),
      transit: oneOf(rand, TRANSIT_COUNTRIES),
      hsCode,
      goodsDescription: GOODS[hsCode.slice(0, 4)]!,
      quantity,
      valueUsd: Math.round(quantity * (hsCode.startsWith("8806") ? 800 + rand() * 4000 : 20 + rand() * 300) * 100) / 100,
    };
  }

  /** Companies in index order. */
  *companies(): Iterable<Company> {
    for (let i = 0; i < this.companyCount; i += 1) yield this.company(i);
  }

  /** Declarations in index order. */
  *declarations(): Iterable<Declaration> {
    for (let i = 0; i < this.declarationCount; i += 1) yield this.declaration(i);
  }
}

/** An ISO date `offsetDays` + a random day of the window (2022-03-01 plus up to 670 days). */
function isoDay(rand: Rand, offsetDays: number): string {
  return new Date(FIRST_DAY + (offsetDays + Math.floor(rand() * DAYS)) * DAY_MS).toISOString().slice(0, 10);
}
