import { Field, InputType, ObjectType } from "type-graphql";
import { EntityKindEnum } from "../enums.js";
import { Entity } from "./entity.types.js";

@InputType({ description: "A new entity. Its id is made from the name (a slug; a random suffix when taken)." })
export class EntityInput {
  @Field(() => String, { description: "Usual name, 1–200 characters." })
  name!: string;

  @Field(() => EntityKindEnum)
  kind!: string;

  @Field(() => [String], { nullable: true, description: "Other names: spellings, legal names, native script; at most 50." })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2 code (CN)." })
  country?: string | null;

  @Field(() => String, { nullable: true, description: "One or two sentences; at most 2000 characters." })
  description?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: "Identifiers as scheme:value, scheme in lower case (lei:5493001KJTIIGC8Y1R12, inn:7707083893); at most 20.",
  })
  identifiers?: string[] | null;
}

@ObjectType({ description: "The entity addEntity created, and the existing entities it may duplicate." })
export class AddEntityResult {
  @Field(() => Entity)
  entity!: Entity;

  @Field(() => [Entity], {
    description:
      "Existing entities whose name or an alias equals one of the new entity's after transliteration to ASCII, lower-casing and dropping punctuation (any-ascii), or that share an identifier; at most 20. Check them before adding claims.",
  })
  possibleDuplicates!: Entity[];
}
