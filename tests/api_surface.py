"""The public API surface as data: names, signatures, dataclass fields.

``python tests/api_surface.py > tests/api_snapshot.json`` rewrites the snapshot; a change
to it is a change of the public API and belongs in CHANGELOG.md (semantic versioning).
"""
import dataclasses
import inspect
import json


def surface() -> dict:
    import govextract
    out = {}
    for name in sorted(govextract.__all__):
        obj = getattr(govextract, name)
        if name == "__version__":
            continue
        if dataclasses.is_dataclass(obj):
            out[name] = {"fields": [[f.name, str(f.type)] for f in dataclasses.fields(obj)]}
        elif inspect.isclass(obj):
            methods = {m: str(inspect.signature(getattr(obj, m))) for m in sorted(vars(obj))
                       if not m.startswith("_") and callable(getattr(obj, m))}
            out[name] = {"class": [b.__name__ for b in obj.__mro__[1:3]],
                         "init": str(inspect.signature(obj.__init__)) if "__init__" in vars(obj) else None,
                         "methods": methods}
        elif callable(obj):
            out[name] = {"signature": str(inspect.signature(obj))}
        else:
            out[name] = {"value": repr(obj)}
    return out


if __name__ == "__main__":
    print(json.dumps(surface(), ensure_ascii=False, indent=1, sort_keys=True))
