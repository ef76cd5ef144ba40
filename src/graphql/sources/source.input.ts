import { Field, InputType } from "type-graphql";
import { MAX_SOURCE_TEXT_BYTES } from "../../services/source.service.js";
import { SourceKindEnum } from "../enums.js";

@InputType({ description: "A source to store: an article, a document or a dataset, with its full text." })
export class SourceInput {
  @Field(() => String, { description: "Title, 1–500 characters." })
  title!: string;

  @Field(() => String, { nullable: true, description: "Publisher, for example The Insider; decides independence in corroboration (docs/routes.md)." })
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: "http(s) URL where it is published." })
  url?: string | null;

  @Field(() => String, { nullable: true, description: "ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD or a date-time." })
  publishedAt?: string | null;

  @Field(() => String, {
    description: `The full text, at most ${MAX_SOURCE_TEXT_BYTES} bytes of UTF-8 (2 MiB; the /graphql body limit is 4 MiB). Stored with its sha256: the same text again returns the same Source.`,
  })
  text!: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Reporting the source relies on ("The New York Times"); at most 20. A relay is not independent of what it cites.',
  })
  cites?: string[] | null;

  @Field(() => SourceKindEnum, { nullable: true, description: "ARTICLE (default), DOCUMENT or DATASET." })
  kind?: SourceKindEnum | null;

  @Field(() => String, { nullable: true, description: "BCP 47 language tag, for example en." })
  language?: string | null;
}
