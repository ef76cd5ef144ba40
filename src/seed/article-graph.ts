/**
 * The seed graph: one article from The Insider (March 2023) retelling a New York Times
 * report on Chinese drone supplies to Russia, and the Putin–Xi meeting of 21 March 2023.
 *
 * Every claim of the article is one relationship. Each quote is an exact substring of
 * /work/shared/seed/article.txt (odd spacing included); `hedge` is the article's own wording
 * that sets the status (mapping in src/model/vocabulary.ts). tests/unit/seed-data.test.ts
 * checks quotes, ids, dates and the flow topology below.
 *
 * Flow of goods (flow types only), manufacturer → intermediaries → [transit country] → Russia → front:
 *   dji, smaller-chinese-drone-companies ─SUPPLIED→ small-intermediaries-and-exporters
 *   small-intermediaries-and-exporters ─SUPPLIED→ country-ru                         (REPORTED)
 *   small-intermediaries-and-exporters ─SUPPLIED→ country-by|kz|pk ─SUPPLIED→ country-ru (POSSIBLE)
 *   country-ru ─DEPLOYED_TO→ russian-front-lines
 *   country-cn ─SUPPLIED→ country-ru ($12M aggregate), country-cn ─FINANCED→ war-in-ukraine
 * The flow subgraph is acyclic, so route counts are the same whether paths are node- or
 * relationship-unique. Do not add flow edges into DJI's routes without updating the tests.
 */
import type { SeedClaim, SeedEntity, SeedSource } from "./seed-types.js";

export const ARTICLE_SOURCE: SeedSource = {
  id: "insider-2023-03-china-drones-russia",
  title: "NYT: China supplied Russia with $12 million of drones and drone parts since the start of the war",
  titleInferred: true,
  publisher: "The Insider",
  url: null,
  publishedAt: "2023-03",
  publishedAtNote:
    "The text carries no date. It describes the Putin–Xi Kremlin meeting of 21 March 2023 (year from the public record " +
    'of Xi\'s state visit, 20–22 March 2023) in the past tense, dated only "On March 21", i.e. the current month, and ' +
    'calls the Biden administration\'s promise "last month" (February 2023). Hence March 2023, on or after the 21st; ' +
    "the exact day is unknown.",
  cites: ["The New York Times", "official Russian customs data received from a source"],
  language: "en",
};

// ---------------------------------------------------------------------------------------
// Quotes used by several claims (exact substrings of the article).
// ---------------------------------------------------------------------------------------

const Q_CHINA_SUPPLIED =
  "Since the beginning of the war in Ukraine, China, through a network of companies and intermediaries, has supplied Russia with unmanned aerial vehicles (UAVs) and spare parts for them worth $12 million, The New York Times writes , citing official Russian customs data received from a source.";
const Q_NYT_CITES = "The New York Times writes , citing official Russian customs data received from a source";
const Q_US_TECH_UNCONFIRMED =
  "it is difficult to confirm information about whether Chinese companies supply equipment with American technology, violating sanctions.";
const Q_TRANSIT_POSSIBLE =
  "Also, according to the NYT, there is a possibility that Chinese corporations are selling UAVs to the Russian Federation through supply chains in Belarus, Kazakhstan or Pakistan.";
const Q_SHIPMENTS =
  "The shipments, which were mostly products from DJI, the world's most famous drone manufacturer, and a number of smaller companies, were often carried out through small intermediaries and exporters.";
const Q_BIDEN_PROMISE =
  "In the article, the authors also say that last month, the administration of US President Joe Biden promised to punish companies that sell Russian technology that is used in the war against Ukraine.";
const Q_CONTINUED_SUPPLY = "However, the continued supply of Chinese drones all this time proves why this will be difficult to do.";
const Q_US_INGREDIENTS =
  "Complex sales channels and unclear product descriptions in export data also make it difficult to unambiguously identify the presence of US ingredients in Chinese products, which may constitute a violation of US export controls.";
const Q_LARGER_FLOW =
  "And official sales are likely only part of a larger flow of technology through informal channels and other Russian-friendly countries such as Kazakhstan, Pakistan and Belarus.";
const Q_FRONT = "As a result, Russia is constantly receiving new drones that end up on the front lines in the war with Ukraine.";
const Q_SHOT_DOWN =
  "They often make only a few flights before being shot down, so resupplying even the simplest UAVs has become just as important as supplying other weapons.";
const Q_BEIJING_SUPPORT =
  "The publication emphasizes that in military, diplomatic and economic terms, Beijing is becoming an increasingly important support for Russia.";
const Q_OIL_FINANCE = "China is one of the biggest buyers of Russian oil and is helping finance the invasion.";
const Q_MEETING =
  "On March 21, Putin and Xi Jinping met in the Kremlin and signed two documents: on economic cooperation and expanding the partnership of states.";
const Q_DOCS_COMMENT =
  'Putin concluded by saying that the documents "fully reflect the special nature of Russian-Chinese relations, which are at the highest level of development in history."';
const Q_PEACE_PLAN =
  'Separately, he noted that China\'s peace plan can be taken as the basis for ending the war ( Putin used the phrase "settlement in Ukraine", – approx. The Insider ), when the West and Kiev are "ready" for it.';
const Q_INSIDER_NOTE = '( Putin used the phrase "settlement in Ukraine", – approx. The Insider )';

/** "Since the beginning of the war": read as the full-scale invasion of 24 February 2022. */
const WAR_START = "2022-02-24";
const WAR_START_NOTE =
  'validFrom: "since the beginning of the war" read as the full-scale invasion of 24 February 2022 (the article ' +
  'elsewhere calls the war "the invasion"); the article gives no end date.';
const MEETING_DAY = "2023-03-21";
const MEETING_NOTE = 'Date: "On March 21"; year 2023 inferred from the publication date (see ARTICLE_SOURCE.publishedAtNote).';

// ---------------------------------------------------------------------------------------
// Entities
// ---------------------------------------------------------------------------------------

export const SEED_ENTITIES: readonly SeedEntity[] = [
  // Countries
  {
    id: "country-cn",
    name: "China",
    kind: "Country",
    aliases: ["People's Republic of China", "PRC", "中国", "中华人民共和国"],
    description: "The People's Republic of China; per the article, the origin of the drones and drone parts supplied to Russia.",
    country: "CN",
  },
  {
    id: "country-ru",
    name: "Russia",
    kind: "Country",
    aliases: ["Russian Federation", "RF", "Россия", "Российская Федерация"],
    description: "The Russian Federation; the recipient of the drone supplies and the state waging the war against Ukraine.",
    country: "RU",
  },
  {
    id: "country-ua",
    name: "Ukraine",
    kind: "Country",
    aliases: ["Україна"],
    description: "Ukraine, the country Russia is at war with.",
    country: "UA",
  },
  {
    id: "country-by",
    name: "Belarus",
    kind: "Country",
    aliases: ["Republic of Belarus", "Byelorussia", "Беларусь"],
    description: "Named by the article as a possible transit country for Chinese UAVs bound for Russia.",
    country: "BY",
  },
  {
    id: "country-kz",
    name: "Kazakhstan",
    kind: "Country",
    aliases: ["Republic of Kazakhstan", "Қазақстан", "Казахстан"],
    description: "Named by the article as a possible transit country for Chinese UAVs bound for Russia.",
    country: "KZ",
  },
  {
    id: "country-pk",
    name: "Pakistan",
    kind: "Country",
    aliases: ["Islamic Republic of Pakistan", "پاکستان"],
    description: "Named by the article as a possible transit country for Chinese UAVs bound for Russia.",
    country: "PK",
  },
  {
    id: "country-us",
    name: "United States",
    kind: "Country",
    aliases: ["United States of America", "USA", "US", "U.S.", "America"],
    description: "The United States, whose technology and export controls the article discusses.",
    country: "US",
  },

  // Governments and people
  {
    id: "beijing-government",
    name: "Government of China",
    kind: "PublicBody",
    aliases: ["Beijing", "Chinese government", "PRC government"],
    description: 'The government of the People\'s Republic of China, which the article calls "Beijing".',
    country: "CN",
  },
  // "Kiev" in the article is the party that must be "ready" for a settlement, i.e. Ukraine's
  // government (as "Beijing" is China's). A separate PublicBody keeps the city name off the country.
  {
    id: "ukraine-government",
    name: "Government of Ukraine",
    kind: "PublicBody",
    aliases: ["Kiev", "Kyiv", "Ukrainian government", "Київ"],
    description: 'The government of Ukraine, which the article (quoting Putin) calls "Kiev".',
    country: "UA",
  },
  {
    id: "biden-administration",
    name: "Biden administration",
    kind: "PublicBody",
    aliases: ["administration of US President Joe Biden", "US administration", "White House"],
    description: "The executive branch of the United States government under President Joe Biden.",
    country: "US",
  },
  {
    id: "joe-biden",
    name: "Joe Biden",
    kind: "Person",
    aliases: ["Joseph R. Biden Jr.", "Joseph Biden", "Biden", "US President Joe Biden"],
    description: "President of the United States at the time of the article.",
    country: "US",
  },
  {
    id: "vladimir-putin",
    name: "Vladimir Putin",
    kind: "Person",
    aliases: ["Putin", "Vladimir Vladimirovich Putin", "Владимир Путин", "Владимир Владимирович Путин"],
    description: "President of Russia.",
    country: "RU",
  },
  {
    id: "xi-jinping",
    name: "Xi Jinping",
    kind: "Person",
    aliases: ["Xi", "习近平"],
    description: "President of the People's Republic of China.",
    country: "CN",
  },
  {
    id: "the-west",
    name: "The West",
    kind: "Organization",
    aliases: ["the West", "Western countries", "Western governments"],
    description: 'Collective term, as used by Putin in the article, for the United States and its allies ("the West").',
  },

  // Companies and networks in the supply chain
  {
    id: "dji",
    name: "DJI",
    kind: "Company",
    aliases: ["SZ DJI Technology Co., Ltd.", "Shenzhen DJI Sciences and Technologies Ltd.", "大疆创新", "Da-Jiang Innovations", "DJI Technology"],
    description: 'Chinese drone maker, "the world\'s most famous drone manufacturer" per the article; most of the shipments to Russia were its products.',
    country: "CN",
  },
  {
    id: "smaller-chinese-drone-companies",
    name: "Smaller Chinese drone companies",
    kind: "Organization",
    aliases: ["a number of smaller companies", "smaller companies"],
    description: "Unnamed smaller companies whose products, with DJI's, made up the shipments to Russia. The article identifies none of them.",
    unidentified: true,
    country: "CN",
  },
  // The "network of companies and intermediaries" of the first sentence; where its members
  // are registered is not stated, so no country.
  {
    id: "small-intermediaries-and-exporters",
    name: "Small intermediaries and exporters",
    kind: "Organization",
    aliases: ["small intermediaries and exporters", "network of companies and intermediaries", "intermediaries"],
    description:
      "Unnamed small intermediaries and exporters through which the drone shipments to Russia were often carried out. The article identifies none of them.",
    unidentified: true,
  },

  // Publishers and sources
  {
    id: "nyt",
    name: "The New York Times",
    kind: "Organization",
    aliases: ["NYT", "New York Times", "the NYT"],
    description: "US newspaper whose report, based on Russian customs data, the article retells.",
    country: "US",
  },
  {
    id: "the-insider",
    name: "The Insider",
    kind: "Organization",
    aliases: ["The Insider Russia"],
    description: "Investigative news outlet that published the article.",
  },
  {
    id: "russian-customs-data",
    name: "Official Russian customs data",
    kind: "Document",
    aliases: ["Russian customs data", "customs data"],
    description: "Official Russian customs records, received by The New York Times from a source, on which the $12 million figure rests.",
    country: "RU",
  },

  // Goods and regulation
  {
    id: "uavs",
    name: "Unmanned aerial vehicles",
    kind: "Product",
    aliases: ["UAV", "UAVs", "drones", "drone", "unmanned aircraft", "unmanned aerial vehicle"],
    description: "Unmanned aerial vehicles (drones), the main goods supplied to Russia in the article.",
  },
  {
    id: "uav-spare-parts",
    name: "UAV spare parts",
    kind: "Product",
    aliases: ["spare parts for UAVs", "drone spare parts", "drone parts", "drone components"],
    description: "Spare parts for unmanned aerial vehicles, supplied to Russia together with the UAVs.",
  },
  {
    id: "us-technology",
    name: "US technology",
    kind: "Product",
    aliases: ["American technology", "US ingredients", "US components", "US-origin technology"],
    description: "US-origin technology or components that Chinese drones and parts may contain (unconfirmed in the article).",
    country: "US",
  },
  // The article says "violating sanctions" once and "US export controls" once; both are
  // modelled as this one regime. EAR is the main US export-control regulation (search aid).
  {
    id: "us-export-controls",
    name: "US export controls",
    kind: "Regulation",
    aliases: ["American export controls", "Export Administration Regulations", "EAR"],
    description: "United States export-control rules on US-origin technology; the article names no specific instrument.",
    country: "US",
  },
  {
    id: "russian-oil",
    name: "Russian oil",
    kind: "Product",
    aliases: ["Russian crude", "Russian crude oil"],
    description: "Oil of Russian origin; China is one of its biggest buyers per the article.",
    country: "RU",
  },

  // Events, places, documents
  {
    id: "war-in-ukraine",
    name: "Russia's war against Ukraine",
    kind: "Event",
    aliases: [
      "war in Ukraine",
      "war against Ukraine",
      "war with Ukraine",
      "invasion of Ukraine",
      "Russian invasion of Ukraine",
      "full-scale invasion",
      "Russo-Ukrainian war",
    ],
    description: 'Russia\'s full-scale war against Ukraine, begun on 24 February 2022 (the article\'s "beginning of the war" and "the invasion").',
    date: WAR_START,
  },
  {
    id: "russian-front-lines",
    name: "Front lines in the war with Ukraine",
    kind: "Place",
    aliases: ["Russian front", "front lines", "front line", "the front"],
    description: "The Russian front lines in the war with Ukraine, where the supplied drones end up.",
  },
  // A Place, not Russia's government: the article uses it only as the venue ("met in the Kremlin").
  {
    id: "kremlin",
    name: "The Kremlin",
    kind: "Place",
    aliases: ["Kremlin", "Moscow Kremlin", "Московский Кремль"],
    description: "The Moscow Kremlin, venue of the Putin–Xi meeting of 21 March 2023.",
    country: "RU",
  },
  {
    id: "meeting-2023-03-21",
    name: "Putin–Xi meeting in the Kremlin, 21 March 2023",
    kind: "Event",
    aliases: ["Putin-Xi meeting", "Putin–Xi summit", "Xi Jinping visit to Moscow", "March 21 meeting"],
    description: "Meeting of Vladimir Putin and Xi Jinping in the Kremlin at which two documents were signed. The article gives the day; the year is inferred.",
    date: MEETING_DAY,
  },
  {
    id: "doc-economic-cooperation",
    name: "Russia–China document on economic cooperation (21 March 2023)",
    kind: "Document",
    aliases: ["document on economic cooperation", "Russian-Chinese economic cooperation document"],
    description: "One of the two documents Putin and Xi signed on 21 March 2023; the article gives only its subject, not its title.",
    date: MEETING_DAY,
  },
  {
    id: "doc-expanding-partnership",
    name: "Russia–China document on expanding the partnership (21 March 2023)",
    kind: "Document",
    aliases: ["document on expanding the partnership of states", "Russian-Chinese partnership document"],
    description: "One of the two documents Putin and Xi signed on 21 March 2023; the article gives only its subject, not its title.",
    date: MEETING_DAY,
  },
  {
    id: "china-peace-plan",
    name: "China's peace plan",
    kind: "Document",
    aliases: ["Chinese peace plan", "China peace plan for Ukraine"],
    description: "China's proposal for ending the war in Ukraine, which Putin said could be the basis for a settlement.",
  },
];

// ---------------------------------------------------------------------------------------
// Claims
// ---------------------------------------------------------------------------------------

const TRANSIT_NOTE =
  'Status from the UAV-specific sentence ("there is a possibility"). The second quote ("likely") is about a broader ' +
  "flow of technology through these countries, not these UAV shipments, so it supports but does not raise the status. " +
  WAR_START_NOTE;

/** Why the first leg of each transit chain starts at the intermediaries. */
const TRANSIT_FIRST_LEG_NOTE = "The article names no transit company; this leg runs from the unidentified intermediaries. ";

function transitClaims(code: "by" | "kz" | "pk", name: string): SeedClaim[] {
  return [
    {
      id: `intermediaries-supplied-${code}-uavs`,
      type: "SUPPLIED",
      from: "small-intermediaries-and-exporters",
      to: `country-${code}`,
      status: "POSSIBLE",
      hedge: "there is a possibility",
      quotes: [Q_TRANSIT_POSSIBLE, Q_LARGER_FLOW],
      validFrom: WAR_START,
      goods: ["UAVs"],
      note: `Possible supply chain through ${name}. ${TRANSIT_FIRST_LEG_NOTE}${TRANSIT_NOTE}`,
    },
    {
      id: `${code}-supplied-russia-uavs`,
      type: "SUPPLIED",
      from: `country-${code}`,
      to: "country-ru",
      status: "POSSIBLE",
      hedge: "there is a possibility",
      quotes: [Q_TRANSIT_POSSIBLE, Q_LARGER_FLOW],
      validFrom: WAR_START,
      goods: ["UAVs"],
      note: `Possible onward supply from ${name} to Russia; the article names no company in ${name}, so the leg runs from the country. ${TRANSIT_NOTE}`,
    },
  ];
}

export const SEED_CLAIMS: readonly SeedClaim[] = [
  // --- Flows of goods (routes depend on these; see the header) ---
  {
    id: "dji-supplied-intermediaries-uavs",
    type: "SUPPLIED",
    from: "dji",
    to: "small-intermediaries-and-exporters",
    status: "REPORTED",
    hedge: "were often carried out through small intermediaries and exporters",
    quotes: [Q_SHIPMENTS, Q_CHINA_SUPPLIED],
    validFrom: WAR_START,
    goods: ["UAVs", "UAV spare parts"],
    note:
      'The shipments were "mostly" DJI products and went "often" (not always) through intermediaries; the article ' +
      "does not say DJI sold to them knowingly or directly. " +
      WAR_START_NOTE,
  },
  {
    id: "smaller-companies-supplied-intermediaries-uavs",
    type: "SUPPLIED",
    from: "smaller-chinese-drone-companies",
    to: "small-intermediaries-and-exporters",
    status: "REPORTED",
    hedge: "were often carried out through small intermediaries and exporters",
    quotes: [Q_SHIPMENTS, Q_CHINA_SUPPLIED],
    validFrom: WAR_START,
    goods: ["UAVs", "UAV spare parts"],
    note: 'Shipments went "often" (not always) through intermediaries. ' + WAR_START_NOTE,
  },
  {
    id: "intermediaries-supplied-russia-uavs",
    type: "SUPPLIED",
    from: "small-intermediaries-and-exporters",
    to: "country-ru",
    status: "REPORTED",
    hedge: "citing official Russian customs data",
    quotes: [Q_SHIPMENTS, Q_CHINA_SUPPLIED],
    validFrom: WAR_START,
    goods: ["UAVs", "UAV spare parts"],
    note:
      "The $12 million is China's total and stays on china-supplied-russia-uavs: the share that went through " +
      'intermediaries ("often") is not given. ' +
      WAR_START_NOTE,
  },
  // Aggregate country-level figure from the customs data. Nothing flows into China, so this
  // adds no route from DJI.
  {
    id: "china-supplied-russia-uavs",
    type: "SUPPLIED",
    from: "country-cn",
    to: "country-ru",
    status: "REPORTED",
    hedge: "citing official Russian customs data",
    quotes: [Q_CHINA_SUPPLIED, Q_CONTINUED_SUPPLY],
    validFrom: WAR_START,
    amount: 12_000_000,
    currency: "USD",
    goods: ["UAVs", "UAV spare parts"],
    note: "Cumulative value from the start of the war to the time of the report. " + WAR_START_NOTE,
  },
  ...transitClaims("by", "Belarus"),
  ...transitClaims("kz", "Kazakhstan"),
  ...transitClaims("pk", "Pakistan"),
  {
    id: "russia-deployed-uavs-to-front",
    type: "DEPLOYED_TO",
    from: "country-ru",
    to: "russian-front-lines",
    status: "REPORTED",
    hedge: "Russia is constantly receiving new drones that end up on the front lines",
    quotes: [Q_FRONT, Q_SHOT_DOWN],
    validFrom: WAR_START,
    goods: ["UAVs"],
    note: WAR_START_NOTE,
  },

  // --- Producers and places of the supply chain ---
  {
    id: "dji-produces-uavs",
    type: "PRODUCES",
    from: "dji",
    to: "uavs",
    status: "REPORTED",
    hedge: "the world's most famous drone manufacturer",
    quotes: [Q_SHIPMENTS],
  },
  {
    id: "smaller-companies-produce-uavs",
    type: "PRODUCES",
    from: "smaller-chinese-drone-companies",
    to: "uavs",
    status: "REPORTED",
    hedge: "products from DJI, the world's most famous drone manufacturer, and a number of smaller companies",
    quotes: [Q_SHIPMENTS],
    note: "The shipments (UAVs and spare parts) were partly their products; the article does not split UAVs from parts by maker.",
  },
  {
    id: "uav-spare-parts-part-of-uavs",
    type: "PART_OF",
    from: "uav-spare-parts",
    to: "uavs",
    status: "REPORTED",
    hedge: "spare parts for them",
    quotes: ["unmanned aerial vehicles (UAVs) and spare parts for them"],
  },
  // The article never says "DJI is Chinese" outright; it presents DJI and the smaller companies
  // as the products behind "China ... has supplied Russia" and "Chinese corporations".
  {
    id: "dji-based-in-china",
    type: "BASED_IN",
    from: "dji",
    to: "country-cn",
    status: "REPORTED",
    hedge: "China, through a network of companies and intermediaries, has supplied Russia",
    quotes: [Q_CHINA_SUPPLIED, Q_SHIPMENTS],
    note: "Read from context: DJI's products make up most of the Chinese shipments.",
  },
  {
    id: "smaller-companies-based-in-china",
    type: "BASED_IN",
    from: "smaller-chinese-drone-companies",
    to: "country-cn",
    status: "REPORTED",
    hedge: "China, through a network of companies and intermediaries, has supplied Russia",
    quotes: [Q_CHINA_SUPPLIED, Q_SHIPMENTS],
    note: "Read from context: their products are part of the Chinese shipments.",
  },
  {
    id: "front-lines-part-of-war",
    type: "PART_OF",
    from: "russian-front-lines",
    to: "war-in-ukraine",
    status: "REPORTED",
    hedge: "end up on the front lines in the war with Ukraine",
    quotes: [Q_FRONT],
  },
  // "Russian-friendly" has no closer type (SUPPORTS would overstate it).
  ...(
    [
      ["kz", "Kazakhstan"],
      ["pk", "Pakistan"],
      ["by", "Belarus"],
    ] as const
  ).map(([code, name]): SeedClaim => ({
    id: `${code}-russian-friendly`,
    type: "RELATED_TO",
    from: `country-${code}`,
    to: "country-ru",
    status: "REPORTED",
    hedge: "other Russian-friendly countries such as Kazakhstan, Pakistan and Belarus",
    quotes: [Q_LARGER_FLOW],
    note: `The article calls ${name} a "Russian-friendly" country (RELATED_TO: the vocabulary has no alignment type).`,
  })),

  // --- US technology and export controls ---
  {
    id: "uavs-may-contain-us-technology",
    type: "MAY_CONTAIN",
    from: "uavs",
    to: "us-technology",
    status: "UNCONFIRMED",
    hedge: "it is difficult to confirm",
    quotes: [Q_US_TECH_UNCONFIRMED, Q_US_INGREDIENTS],
    note: 'The article says "equipment" and "Chinese products", i.e. the supplied drones and parts.',
  },
  {
    id: "uav-spare-parts-may-contain-us-technology",
    type: "MAY_CONTAIN",
    from: "uav-spare-parts",
    to: "us-technology",
    status: "UNCONFIRMED",
    hedge: "it is difficult to confirm",
    quotes: [Q_US_TECH_UNCONFIRMED, Q_US_INGREDIENTS],
    note: 'The article says "equipment" and "Chinese products", i.e. the supplied drones and parts.',
  },
  {
    id: "us-technology-subject-to-export-controls",
    type: "SUBJECT_TO",
    from: "us-technology",
    to: "us-export-controls",
    status: "REPORTED",
    hedge: "a violation of US export controls",
    quotes: [Q_US_INGREDIENTS],
    note: "The article takes it as given that US-origin content falls under US export controls; only a violation is hedged.",
  },
  // UNCONFIRMED, not POSSIBLE: "may constitute a violation" rests on US content that is itself
  // "difficult to confirm" / "difficult to unambiguously identify"; the weaker premise sets the status.
  {
    id: "intermediaries-may-violate-us-export-controls",
    type: "MAY_VIOLATE",
    from: "small-intermediaries-and-exporters",
    to: "us-export-controls",
    status: "UNCONFIRMED",
    hedge: "it is difficult to confirm",
    quotes: [Q_US_TECH_UNCONFIRMED, Q_US_INGREDIENTS],
    note:
      'The article says only "Chinese companies" and names none; attached to the unidentified exporters that carried ' +
      'out the shipments, not to DJI, which the article does not accuse. It says "violating sanctions" and ' +
      '"US export controls"; both are modelled as us-export-controls.',
  },

  // --- US response ---
  {
    id: "biden-administration-threatened-suppliers",
    type: "THREATENED_ACTION_AGAINST",
    from: "biden-administration",
    to: "small-intermediaries-and-exporters",
    status: "REPORTED",
    hedge: "promised to punish companies",
    quotes: [Q_BIDEN_PROMISE, Q_CONTINUED_SUPPLY],
    note:
      'A general promise to punish "companies that sell" technology used in the war, naming none; linked to the ' +
      "unidentified exporters because the next sentence ties it to the continued supply of Chinese drones. " +
      'The article\'s "sell Russian technology" reads as a slip for selling technology to Russia. ' +
      'Dated "last month", i.e. February 2023 given publication in March 2023; the day is unknown, so validFrom is unset.',
  },
  {
    id: "biden-leads-administration",
    type: "LEADS",
    from: "joe-biden",
    to: "biden-administration",
    status: "REPORTED",
    hedge: "the administration of US President Joe Biden",
    quotes: [Q_BIDEN_PROMISE],
  },
  {
    id: "biden-administration-governs-us",
    type: "GOVERNS",
    from: "biden-administration",
    to: "country-us",
    status: "REPORTED",
    hedge: "the administration of US President Joe Biden",
    quotes: [Q_BIDEN_PROMISE],
  },

  // --- China's support for Russia ---
  {
    id: "beijing-governs-china",
    type: "GOVERNS",
    from: "beijing-government",
    to: "country-cn",
    status: "REPORTED",
    hedge: "Beijing is becoming an increasingly important support for Russia",
    quotes: [Q_BEIJING_SUPPORT],
    note: 'The article uses "Beijing" for the Chinese government.',
  },
  {
    id: "beijing-supports-russia",
    type: "SUPPORTS",
    from: "beijing-government",
    to: "country-ru",
    status: "REPORTED",
    hedge: "The publication emphasizes that",
    quotes: [Q_BEIJING_SUPPORT],
    note: 'Military, diplomatic and economic support, "increasingly important" (a trend, so no start date).',
  },
  {
    id: "china-buys-russian-oil",
    type: "BUYS",
    from: "country-cn",
    to: "russian-oil",
    status: "REPORTED",
    hedge: "China is one of the biggest buyers of Russian oil",
    quotes: [Q_OIL_FINANCE],
  },
  {
    id: "russia-produces-russian-oil",
    type: "PRODUCES",
    from: "country-ru",
    to: "russian-oil",
    status: "REPORTED",
    hedge: "China is one of the biggest buyers of Russian oil",
    quotes: [Q_OIL_FINANCE],
    note: 'Origin only, from "Russian oil". No Russia→China oil SUPPLIED edge: the flow would close a China↔Russia loop in FLOW routes.',
  },
  {
    id: "china-financed-war",
    type: "FINANCED",
    from: "country-cn",
    to: "war-in-ukraine",
    status: "REPORTED",
    hedge: "is helping finance the invasion",
    quotes: [Q_OIL_FINANCE],
    note:
      "The article puts the oil purchases and the financing in one sentence but states no mechanism or amount. " +
      'Funds the event, not Russia, as worded ("finance the invasion").',
  },

  // --- The war ---
  {
    id: "russia-party-to-war",
    type: "PARTY_TO",
    from: "country-ru",
    to: "war-in-ukraine",
    status: "REPORTED",
    hedge: "the war with Ukraine",
    quotes: [Q_FRONT],
  },
  {
    id: "ukraine-party-to-war",
    type: "PARTY_TO",
    from: "country-ua",
    to: "war-in-ukraine",
    status: "REPORTED",
    hedge: "the war with Ukraine",
    quotes: [Q_FRONT, "used in the war against Ukraine"],
  },
  {
    id: "war-located-in-ukraine",
    type: "LOCATED_IN",
    from: "war-in-ukraine",
    to: "country-ua",
    status: "REPORTED",
    hedge: "the war in Ukraine",
    quotes: ["Since the beginning of the war in Ukraine"],
  },

  // --- The Putin–Xi meeting of 21 March 2023 ---
  ...(["vladimir-putin", "xi-jinping"] as const).map((person): SeedClaim => ({
    id: `${person}-participated-in-meeting`,
    type: "PARTICIPATED_IN",
    from: person,
    to: "meeting-2023-03-21",
    status: "REPORTED",
    hedge: "Putin and Xi Jinping met in the Kremlin",
    quotes: [Q_MEETING],
    validFrom: MEETING_DAY,
    validTo: MEETING_DAY,
    note: MEETING_NOTE,
  })),
  {
    id: "meeting-located-in-kremlin",
    type: "LOCATED_IN",
    from: "meeting-2023-03-21",
    to: "kremlin",
    status: "REPORTED",
    hedge: "met in the Kremlin",
    quotes: [Q_MEETING],
    validFrom: MEETING_DAY,
    validTo: MEETING_DAY,
    note: MEETING_NOTE,
  },
  ...(["vladimir-putin", "xi-jinping"] as const).flatMap((person) =>
    (["doc-economic-cooperation", "doc-expanding-partnership"] as const).map((doc): SeedClaim => ({
      id: `${person}-signed-${doc}`,
      type: "SIGNED",
      from: person,
      to: doc,
      status: "REPORTED",
      hedge: "signed two documents",
      quotes: [Q_MEETING],
      validFrom: MEETING_DAY,
      note: MEETING_NOTE,
    })),
  ),
  ...(["doc-economic-cooperation", "doc-expanding-partnership"] as const).map((doc): SeedClaim => ({
    id: `${doc}-adopted-at-meeting`,
    type: "ADOPTED_AT",
    from: doc,
    to: "meeting-2023-03-21",
    status: "REPORTED",
    hedge: "signed two documents",
    quotes: [Q_MEETING],
    validFrom: MEETING_DAY,
    note: MEETING_NOTE,
  })),
  // Both documents are about Russian–Chinese relations ("partnership of states", "Russian-Chinese relations").
  ...(["doc-economic-cooperation", "doc-expanding-partnership"] as const).flatMap((doc) =>
    (["country-ru", "country-cn"] as const).map((country): SeedClaim => ({
      id: `${doc}-concerns-${country}`,
      type: "CONCERNS",
      from: doc,
      to: country,
      status: "REPORTED",
      hedge: doc === "doc-economic-cooperation" ? "on economic cooperation" : "expanding the partnership of states",
      quotes: [Q_MEETING, Q_DOCS_COMMENT],
      note: doc === "doc-economic-cooperation" ? "Economic cooperation between Russia and China." : "Expanding the Russia–China partnership of states.",
    })),
  ),
  ...(["doc-economic-cooperation", "doc-expanding-partnership"] as const).map((doc): SeedClaim => ({
    id: `putin-commented-on-${doc}`,
    type: "COMMENTED_ON",
    from: "vladimir-putin",
    to: doc,
    status: "REPORTED",
    hedge: "Putin concluded by saying that",
    quotes: [Q_DOCS_COMMENT],
    note:
      'Putin: the documents "fully reflect the special nature of Russian-Chinese relations". The article does not ' +
      "say where or when he said it, so no date.",
  })),

  // --- China's peace plan ---
  {
    id: "china-proposed-peace-plan",
    type: "PROPOSED",
    from: "country-cn",
    to: "china-peace-plan",
    status: "REPORTED",
    hedge: "China's peace plan",
    quotes: [Q_PEACE_PLAN],
  },
  {
    id: "peace-plan-concerns-war",
    type: "CONCERNS",
    from: "china-peace-plan",
    to: "war-in-ukraine",
    status: "REPORTED",
    hedge: "the basis for ending the war",
    quotes: [Q_PEACE_PLAN],
  },
  {
    id: "putin-commented-on-peace-plan",
    type: "COMMENTED_ON",
    from: "vladimir-putin",
    to: "china-peace-plan",
    status: "REPORTED",
    hedge: "he noted that",
    quotes: [Q_PEACE_PLAN],
    note:
      'Putin: the plan "can be taken as the basis for ending the war" once the West and Kiev are "ready". ' +
      'His own words were "settlement in Ukraine" (The Insider\'s note).',
  },
  {
    id: "putin-commented-on-the-west",
    type: "COMMENTED_ON",
    from: "vladimir-putin",
    to: "the-west",
    status: "REPORTED",
    hedge: "he noted that",
    quotes: [Q_PEACE_PLAN],
    note: 'Putin made a settlement conditional on the West being "ready" for it.',
  },
  {
    id: "putin-commented-on-ukraine-government",
    type: "COMMENTED_ON",
    from: "vladimir-putin",
    to: "ukraine-government",
    status: "REPORTED",
    hedge: "he noted that",
    quotes: [Q_PEACE_PLAN],
    note: 'Putin made a settlement conditional on "Kiev" (Ukraine\'s government) being "ready" for it.',
  },
  {
    id: "ukraine-government-governs-ukraine",
    type: "GOVERNS",
    from: "ukraine-government",
    to: "country-ua",
    status: "REPORTED",
    hedge: "the West and Kiev",
    quotes: [Q_PEACE_PLAN],
    note: '"Kiev" here stands for Ukraine\'s government, the party that must be "ready" for a settlement.',
  },

  // --- Reporting ---
  {
    id: "nyt-reported-on-customs-data",
    type: "REPORTED_ON",
    from: "nyt",
    to: "russian-customs-data",
    status: "REPORTED",
    hedge: "The New York Times writes , citing official Russian customs data",
    quotes: [Q_NYT_CITES],
    note: "The NYT cites the data, which it received from an unnamed source (REPORTED_ON: the vocabulary has no CITES type).",
  },
  {
    id: "nyt-reported-on-china",
    type: "REPORTED_ON",
    from: "nyt",
    to: "country-cn",
    status: "REPORTED",
    hedge: "The New York Times writes",
    quotes: [Q_CHINA_SUPPLIED],
  },
  {
    id: "nyt-reported-on-dji",
    type: "REPORTED_ON",
    from: "nyt",
    to: "dji",
    status: "REPORTED",
    hedge: "according to the NYT",
    quotes: [Q_TRANSIT_POSSIBLE, Q_SHIPMENTS],
    note: "The DJI sentence follows the NYT attribution in the same paragraph.",
  },
  {
    id: "nyt-reported-on-biden-administration",
    type: "REPORTED_ON",
    from: "nyt",
    to: "biden-administration",
    status: "REPORTED",
    hedge: "In the article, the authors also say",
    quotes: [Q_BIDEN_PROMISE],
  },
  {
    id: "the-insider-reported-on-nyt",
    type: "REPORTED_ON",
    from: "the-insider",
    to: "nyt",
    status: "REPORTED",
    hedge: "The New York Times writes",
    quotes: [Q_NYT_CITES, "According to the publication"],
  },
  // The meeting paragraph carries no NYT attribution, so it is The Insider's own reporting.
  {
    id: "the-insider-reported-on-meeting",
    type: "REPORTED_ON",
    from: "the-insider",
    to: "meeting-2023-03-21",
    status: "REPORTED",
    hedge: "On March 21, Putin and Xi Jinping met in the Kremlin",
    quotes: [Q_MEETING, Q_INSIDER_NOTE],
  },
];
