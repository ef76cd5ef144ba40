"""Loads an FtM JSONL file with the real followthemoney library and reports what it refused or dropped.

Usage: python scripts/ftm-check.py FILE.jsonl   (in .venv-ftm/, scripts/ftm-env.sh)

Prints one JSON object: {"ftmVersion", "entities", "errors": [...], "droppedReferences": [...]}.
An error is a line FtM cannot load (unknown or abstract schema, an id that is no FtM id), a
property the schema lacks (FtM drops it), or a value FtM's cleaning drops (an invalid date,
country, identifier or entity id). A dropped reference is an entity property value naming no
entity of the file. Exit 0 when both lists are empty, 1 otherwise. Used by
tests/integration/ftm-python.int.test.ts on our FtM export.
"""

import json
import sys

import followthemoney
from followthemoney import model
from followthemoney.types import registry


def main() -> None:
    errors, references, ids, count = [], [], set(), 0
    with open(sys.argv[1], encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            count += 1
            data = json.loads(line)
            schema = model.get(data.get("schema"))
            if schema is None or schema.abstract:
                errors.append(f"line {number}: schema {data.get('schema')!r} is no concrete FtM schema")
                continue
            if not registry.entity.validate(str(data.get("id", ""))):
                errors.append(f"line {number}: id {data.get('id')!r} is no FtM id")
            proxy = model.get_proxy(data, cleaned=False)
            ids.add(proxy.id)
            for name, values in data.get("properties", {}).items():
                prop = schema.get(name)
                if prop is None or prop.stub:
                    errors.append(f"line {number}: {schema.name} has no property {name}")
                    continue
                stated = {v.strip() for v in values if v.strip()}
                kept = proxy.get(prop)
                if len(kept) < len(stated):
                    errors.append(f"line {number}: {name}: FtM dropped {sorted(stated)} to {kept}")
                if prop.type == registry.entity:
                    references.extend((number, name, v) for v in kept)
    dropped = [f"line {n}: {name} names {v!r}, which is not in the file" for n, name, v in references if v not in ids]
    print(json.dumps({"ftmVersion": followthemoney.__version__, "entities": count, "errors": errors, "droppedReferences": dropped}, ensure_ascii=False, indent=1))
    sys.exit(1 if errors or dropped else 0)


if __name__ == "__main__":
    main()
