"""Indexers (Newznab and Torznab) in the OpenAPI document.

Kept beside build.py and called from it (`indexers.add(namespace)`), like titles.py.
"""

from __future__ import annotations

INDEXER_KIND = ["newznab", "torznab"]  # IdkarrDomain.IndexerKind
SETTING_FIELD_KIND = ["text", "secret", "url", "number", "checkbox", "select", "multiSelect", "tags"]  # SettingField.Kind


def add(b) -> None:
    """Adds schemas and paths to build.py's SCHEMAS and PATHS (`b` is build.py's namespace)."""
    SCHEMAS, obj, enum, array, nullable, ref, path, operation, json_ok = (
        b.SCHEMAS, b.obj, b.enum, b.array, b.nullable, b.ref, b.path, b.operation, b.json_ok)
    STR, INT, BOOL, ID, DATE_TIME = b.STR, b.INT, b.BOOL, b.ID, b.DATE_TIME
    categories = array({"type": "integer", "format": "int64", "minimum": 1, "maximum": 999999}, maxItems=100)
    SCHEMAS["IndexerStatus"] = obj(
        {"consecutiveFailures": INT, "disabledUntil": DATE_TIME, "lastFailure": DATE_TIME, "lastFailureReason": STR,
         "queries": INT, "grabs": INT, "failures": INT, "averageResponseMilliseconds": INT},
        ["consecutiveFailures", "queries", "grabs", "failures"],
        description="Health (backoff after failures: 1 min, 5, 15, 30, 1 h, 3, 6, 12, 24 h) and statistics.")
    SCHEMAS["Indexer"] = obj(
        {
            "id": ID, "version": b.VERSION, "name": STR, "kind": enum(INDEXER_KIND), "baseURL": STR, "apiPath": STR,
            "apiKeySet": {**BOOL, "description": "The key is never returned, only whether one is set."},
            "movieCategories": array(INT), "tvCategories": array(INT), "animeCategories": array(INT),
            "enableRss": BOOL, "enableAutomaticSearch": BOOL, "enableInteractiveSearch": BOOL,
            "priority": INT, "tags": array(INT), "minimumSeeders": INT, "seedRatio": {"type": "number"},
            "seedTimeMinutes": INT, "additionalParameters": STR, "status": ref("IndexerStatus"),
        },
        ["id", "version", "name", "kind", "baseURL", "apiPath", "apiKeySet", "movieCategories", "tvCategories",
         "animeCategories", "enableRss", "enableAutomaticSearch", "enableInteractiveSearch", "priority", "tags", "status"],
    )
    SCHEMAS["IndexerList"] = obj({"records": array(ref("Indexer"))}, ["records"])
    props = {
        "name": nullable({"type": "string", "minLength": 1, "maxLength": 100}),
        "kind": nullable(enum(INDEXER_KIND)),
        "baseURL": nullable({"type": "string", "description": "http(s) address of the indexer."}),
        "apiPath": nullable({"type": "string", "description": "Default `/api`."}),
        "apiKey": nullable({"type": "string", "description": "Absent keeps the key; an empty string removes it."}),
        "movieCategories": nullable(categories), "tvCategories": nullable(categories), "animeCategories": nullable(categories),
        "enableRss": nullable(BOOL), "enableAutomaticSearch": nullable(BOOL), "enableInteractiveSearch": nullable(BOOL),
        "priority": nullable({"type": "integer", "format": "int64", "minimum": 1, "maximum": 50}),
        "tags": nullable(array(ID)),
        "minimumSeeders": nullable({"type": "integer", "format": "int64", "minimum": 0, "maximum": 10000}),
        "seedRatio": nullable({"type": "number", "minimum": 0, "maximum": 1000}),
        "seedTimeMinutes": nullable({"type": "integer", "format": "int64", "minimum": 0, "maximum": 525600}),
        "additionalParameters": nullable({"type": "string", "description": "Starts with `&`, such as `&extended=1`."}),
        "version": nullable(INT),
    }
    SCHEMAS["IndexerInput"] = obj(props, description="Create needs `name`, `kind` and `baseURL`; on update absent fields stay.")
    SCHEMAS["SettingField"] = obj(
        {"name": STR, "label": STR, "kind": enum(SETTING_FIELD_KIND), "required": BOOL, "help": STR, "defaultValue": STR,
         "options": array(obj({"value": STR, "label": STR}, ["value", "label"])), "advanced": BOOL},
        ["name", "label", "kind", "required", "advanced"])
    SCHEMAS["IndexerSchema"] = obj({"fields": array(ref("SettingField"))}, ["fields"])

    path("/indexers",
         get=operation("listIndexers", "indexers", "The indexers, with status and statistics",
                       {200: json_ok("IndexerList", "Every indexer.")}, errors=b.READ),
         post=operation("createIndexer", "indexers", "Add an indexer (admin)",
                        {201: json_ok("Indexer", "The new indexer.", etag=True)},
                        errors=b.WRITE + b.BODY + [409], body="IndexerInput",
                        description="Invalid fields are 400 naming them; a name in use is 409."))
    path("/indexers/schema", get=operation(
        "getIndexerSchema", "indexers", "The settings form of a Newznab or Torznab indexer",
        {200: json_ok("IndexerSchema", "The fields, in order.")}, errors=b.READ + [400],
        parameters=[{"name": "kind", "in": "query", "schema": {**enum(INDEXER_KIND), "default": "newznab"}}]))
    path("/indexers/{id}",
         get=operation("getIndexer", "indexers", "One indexer",
                       {200: json_ok("Indexer", "The indexer.", etag=True)}, errors=b.READ_ID, parameters=[b.ID_PARAM]),
         put=operation("updateIndexer", "indexers", "Change an indexer (admin)",
                       {200: json_ok("Indexer", "The indexer as saved.", etag=True)},
                       errors=b.WRITE + b.BODY + b.ID_WRITE, parameters=[b.ID_PARAM, b.IF_MATCH], body="IndexerInput"),
         delete=operation("deleteIndexer", "indexers", "Remove an indexer (admin)",
                          b.NO_CONTENT, errors=b.WRITE + b.ID_WRITE, parameters=[b.ID_PARAM, b.IF_MATCH]))
