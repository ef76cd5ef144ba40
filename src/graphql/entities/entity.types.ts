import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { ClaimStatusEnum, EntityKindEnum, EvidenceRoleEnum, RelationshipTypeEnum, SourceKindEnum } from "../enums.js";

@ObjectType({ description: "An identifier of an entity, from imported data." })
export class Identifier {
  @Field(() => String, {
    description:
      "What kind of identifier: the FollowTheMoney property it came from (innCode, ogrnCode, leiCode, registrationNumber, imoNumber, taxNumber, passportNumber, …).",
  })
  scheme!: string;

  @Field(() => String, { description: "The identifier as the source wrote it. `search` finds it exactly, ignoring case, spaces and punctuation." })
  value!: string;
}

@ObjectType({ description: "A FollowTheMoney property an import stored, with every value as written." })
export class Property {
  @Field(() => String, { description: "FtM property name (percentage, role, program, authority, purpose, sourceUrl, …)." })
  name!: string;

  @Field(() => [String], { description: "Its values, as written (FtM values are lists of strings)." })
  values!: string[];
}

@ObjectType({ description: "An actor, place, product, event or document named by a source." })
export class Entity {
  @Field(() => ID, { description: "Stable id, for example `dji` or `country-ru`." })
  id!: string;

  @Field(() => String, { description: "Usual English name." })
  name!: string;

  @Field(() => EntityKindEnum, { description: "What the entity is." })
  kind!: string;

  @Field(() => [String], { description: "Other names investigators search for: spellings, legal names, native script." })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: "One or two sentences on what the entity is." })
  description!: string | null;

  @Field(() => Boolean, { description: "True for a group the source mentions without naming its members." })
  unidentified!: boolean;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2 country code (for example CN)." })
  country!: string | null;

  @Field(() => String, { nullable: true, description: "ISO 8601 date (YYYY-MM-DD), for events." })
  date!: string | null;

  @Field(() => [String], { description: "FollowTheMoney topics from imported datasets, such as `sanction`; empty for the article's entities." })
  topics!: string[];

  @Field(() => [Identifier], {
    description:
      "Identifiers from imported data (INN, OGRN, LEI, registration and tax numbers, IMO, a passport's number, …); empty for the article's entities. addEntity takes them as `scheme:value`.",
  })
  identifiers!: Identifier[];

  @Field(() => Int, { description: "1 as stored by the seed, an import or addEntity; each change through the API adds 1." })
  version!: number;

  @Field(() => [ID], {
    description:
      "The other records judged to be this actor (POSITIVE judgements, docs/resolution.md): each of their ids resolves to this entity, whose aliases and relationships include theirs. Empty for an entity that is one record.",
  })
  mergedIds!: string[];

  @Field(() => [Property], { description: "Every FollowTheMoney property an import stored, by name; empty for entities no FtM import stated." })
  properties!: Property[];

  @Field(() => Boolean, {
    description:
      "True for a stub: an entity imported data only references so far, named by its id and typed by the referencing property's range. Search ranks stubs last.",
  })
  stub!: boolean;

  @Field(() => [String], { description: "OpenSanctions `referents`: older ids of this entity; a reference to one names this entity." })
  referents!: string[];

  @Field(() => [String], { description: "OpenSanctions `datasets` that name the entity." })
  datasets!: string[];

  @Field(() => String, { nullable: true, description: "OpenSanctions `first_seen`: ISO 8601 date-time the entity was first seen in its sources." })
  firstSeen!: string | null;

  @Field(() => String, { nullable: true, description: "OpenSanctions `last_seen`: ISO 8601 date-time the entity was last seen in its sources." })
  lastSeen!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "OpenSanctions `target`: true when the entity is itself a target (sanctioned, a PEP), not only linked to one; null when not stated.",
  })
  target!: boolean | null;
}

@ObjectType({ description: "A document that evidence comes from." })
export class Source {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "Title; see titleInferred." })
  title!: string;

  @Field(() => Boolean, { description: "True when the title is ours because the stored text carries none." })
  titleInferred!: boolean;

  @Field(() => String, { nullable: true, description: "Publisher, for example The Insider." })
  publisher!: string | null;

  @Field(() => String, { nullable: true, description: "Where the source is published, when known." })
  url!: string | null;

  @Field(() => String, { nullable: true, description: "ISO 8601 date or year-month (for example 2023-03)." })
  publishedAt!: string | null;

  @Field(() => [String], {
    description: "Reporting and data the source relies on. A source citing another's publisher is not independent of it (corroboration rule, docs/routes.md).",
  })
  cites!: string[];

  @Field(() => SourceKindEnum, {
    nullable: true,
    description: "ARTICLE, DOCUMENT or DATASET; PUBLICATION for an import's cited publication; null for the seed's article.",
  })
  kind!: string | null;

  @Field(() => Int, { description: "1: a source does not change once stored; addSource with the same text returns it as it is." })
  version!: number;
}

@ObjectType({ description: "A quote backing a relationship. Invariant: the source's text sliced at [start, end) equals quote." })
export class Evidence {
  @Field(() => String, { description: "Exact words of the source." })
  quote!: string;

  @Field(() => Int, { description: "Offset of the first character in the source text, in UTF-16 code units (JavaScript string index)." })
  start!: number;

  @Field(() => Int, { description: "Offset just past the last character, in UTF-16 code units." })
  end!: number;

  @Field(() => Source)
  source!: Source;

  @Field(() => EvidenceRoleEnum, { description: "CORROBORATING (supports the claim) or DISPUTING (contradicts it; disputeClaim)." })
  role!: string;

  @Field(() => String, { nullable: true, description: "The editor's note on a disputing quote." })
  note!: string | null;
}

@ObjectType({ description: "Who retracted a claim, when and why." })
export class Retraction {
  @Field(() => String, { description: "ISO 8601 date-time (UTC)." })
  at!: string;

  @Field(() => String, { description: "The editor's token subject." })
  actor!: string;

  @Field(() => String)
  reason!: string;
}

@ObjectType({ description: "A claim that links two entities, with its evidence." })
export class Relationship {
  @Field(() => ID, { description: "Stable id, unique per type." })
  id!: string;

  @Field(() => RelationshipTypeEnum)
  type!: string;

  @Field(() => Float, { description: "Confidence in [0, 1]; by default the status's (see ClaimStatus)." })
  confidence!: number;

  @Field(() => ClaimStatusEnum)
  status!: string;

  @Field(() => String, { nullable: true, description: "ISO 8601 date (YYYY-MM-DD) from which the claim holds." })
  validFrom!: string | null;

  @Field(() => String, { nullable: true, description: "ISO 8601 date (YYYY-MM-DD) until which the claim holds." })
  validTo!: string | null;

  @Field(() => Float, { nullable: true, description: "Value moved, in `currency` units (for example 12000000 with USD)." })
  amount!: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      "ISO 4217 currency code of amount. FtM money: the stated amount and currency first; with only `amountEur` (`amountUsd`) stated, that in EUR (USD).",
  })
  currency!: string | null;

  @Field(() => Float, { nullable: true, description: "The amount in EUR as the source converted it (FtM `amountEur`), or null." })
  amountEur!: number | null;

  @Field(() => Float, { nullable: true, description: "The amount in USD as the source converted it (FtM `amountUsd`), or null." })
  amountUsd!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Share held, in percent (FtM Ownership `percentage`), when the source wrote a number; `properties` keeps any other form (`25-50%`).",
  })
  percentage!: number | null;

  @Field(() => String, { nullable: true, description: 'Role in the link (FtM `role`: "General Director", "shareholder").' })
  role!: string | null;

  @Field(() => String, { nullable: true, description: "Sanctions program of a SUBJECT_TO hop (FtM Sanction `program`)." })
  program!: string | null;

  @Field(() => String, { nullable: true, description: "Authority imposing a sanction (FtM Sanction `authority`)." })
  authority!: string | null;

  @Field(() => String, { nullable: true, description: "Purpose of a payment (FtM Payment `purpose`)." })
  purpose!: string | null;

  @Field(() => [Property], {
    description: "Every FollowTheMoney property of the link, by name (references as entity ids); empty for links no FtM import stated.",
  })
  properties!: Property[];

  @Field(() => [String], { description: "What moved, for flows of goods." })
  goods!: string[];

  @Field(() => String, { nullable: true, description: 'The source\'s own words that set the status ("there is a possibility").' })
  hedge!: string | null;

  @Field(() => String, { nullable: true, description: "Why the claim was modelled this way, when not obvious (inferred dates, for example)." })
  note!: string | null;

  @Field(() => [Evidence], {
    description:
      "One or more quotes with offsets and source. An imported fact that many records restate keeps the first 20 (plus the first of each further source); statementCount counts them all.",
  })
  evidence!: Evidence[];

  @Field(() => Int, { description: "How many records or quotes state the claim (at least the number of evidence quotes)." })
  statementCount!: number;

  @Field(() => Entity, { description: "Start node (for flows: where goods or money come from)." })
  from!: Entity;

  @Field(() => Entity, { description: "End node." })
  to!: Entity;

  @Field(() => ID, {
    description:
      "The stored start record's id: from.id, unless that record was judged one actor with others and merged into from (then one of from.mergedIds).",
  })
  startRecord!: string;

  @Field(() => ID, { description: "The stored end record's id (see startRecord)." })
  endRecord!: string;

  @Field(() => Int, { description: "1 as the seed or an import stored it; each change through the API adds 1. Pass it as expectedVersion." })
  version!: number;

  @Field(() => ClaimStatusEnum, {
    description: "The status the source's wording or an editor's setClaimStatus gave, before disputes demoted it or a retraction replaced it.",
  })
  assertedStatus!: string;

  @Field(() => Boolean, {
    description: "True when an editor retracted the claim: status is RETRACTED; routes and neighbourhoods show it only with includeRetracted.",
  })
  retracted!: boolean;

  @Field(() => Retraction, { nullable: true, description: "Who retracted the claim, when and why; null unless retracted." })
  retraction!: Retraction | null;

  @Field(() => Boolean, { description: "True when some evidence disputes the claim (Evidence.role DISPUTING)." })
  disputed!: boolean;

  @Field(() => [String], {
    description:
      'Hedge words in the supporting quotes that contradict the status ("possibility" behind a REPORTED claim), found when the evidence was written.',
  })
  warnings!: string[];
}

@ObjectType({ description: "Nodes and edges ready for a visualization client." })
export class Subgraph {
  @Field(() => [Entity])
  nodes!: Entity[];

  @Field(() => [Relationship])
  edges!: Relationship[];

  @Field(() => Boolean, { description: "True when a cap cut the subgraph." })
  truncated!: boolean;
}
