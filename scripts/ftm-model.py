"""Writes actorgraph's FollowTheMoney model file from the installed `followthemoney` package.

Usage: python scripts/ftm-model.py OUT.json   (run by scripts/ftm-model.sh in .venv-ftm/)

The package's model is its `followthemoney/schema/*.yaml` files, read by the package's own loader
(`followthemoney.model`), which resolves `extends`, reverse properties and the property types. Out
comes what the importer and the FtM export need, one schema per key, sorted, so that an upgrade is
one reviewable diff: for each schema its label, whether it is abstract, the schemata it extends
(directly, sorted: the package keeps them as a set) and all it is (`schemata`), its caption and edge properties, its temporal extent, and
its OWN properties (name, label, type, range of an entity property, stub for reverse ones); then
the country and topic vocabularies. Inherited properties are resolved by src/import/ftm-model.ts
in FtM's order (own first, then the parents in `extends` order).
"""

import json
import sys

import followthemoney
from followthemoney import model
from followthemoney.types import registry


def schema_entry(schema):
    own = {}
    for name, prop in sorted(schema.properties.items()):
        if prop.schema is not schema:
            continue
        entry = {"label": prop.label, "type": prop.type.name}
        if prop.range is not None:
            entry["range"] = prop.range.name
        if prop.stub:
            entry["stub"] = True
        if getattr(prop, "deprecated", False):
            entry["deprecated"] = True
        own[name] = entry
    return {
        "label": schema.label,
        "abstract": schema.abstract,
        "extends": sorted(s.name for s in schema.extends),
        "schemata": sorted(s.name for s in schema.schemata),
        "caption": list(schema.caption),
        "edge": {"source": schema.edge_source, "target": schema.edge_target} if schema.edge else None,
        "temporalStart": list(schema.temporal_start),
        "temporalEnd": list(schema.temporal_end),
        "properties": own,
    }


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: ftm-model.py OUT.json")
    out = {
        "ftmVersion": followthemoney.__version__,
        "generatedBy": "scripts/ftm-model.sh (scripts/ftm-model.py); do not edit by hand",
        "schemata": {name: schema_entry(model.schemata[name]) for name in sorted(model.schemata)},
        "countries": dict(sorted(registry.country.names.items())),
        "topics": dict(sorted(registry.topic.names.items())),
    }
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1, sort_keys=False)
        f.write("\n")


if __name__ == "__main__":
    main()
