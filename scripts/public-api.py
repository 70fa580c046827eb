#!/usr/bin/env python3
"""Lists the public API of the publishable crates, one item a line, from rustdoc's
JSON output, into api/<crate>.txt; with --check, fails when a listing differs from
what the code gives, so that an API change is seen in review.

rustdoc's JSON output is unstable: RUSTC_BOOTSTRAP=1 lets the stable toolchain give
it. Items hidden from the docs (`#[doc(hidden)]`, such as `__private`) are not
listed, nor are trait impls the compiler derives for every type (auto traits,
blanket impls).

    python3 scripts/public-api.py          # write api/*.txt
    python3 scripts/public-api.py --check  # compare, and fail on a difference
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Package, and the crate name its JSON is written under.
CRATES = [
    ("seamapi-macros", "seamapi_macros"),
    ("seamapi-core", "seamapi_core"),
    ("seamapi", "seamapi"),
    ("seamapi-fake", "seamapi_fake"),
]
FEATURES = {"seamapi-core": ["webhooks", "blocking"], "seamapi": ["webhooks", "blocking"]}


def rustdoc_json(package, crate):
    command = ["cargo", "rustdoc", "-q", "--locked", "-p", package, "--lib"]
    for feature in FEATURES.get(package, []):
        command += ["--features", feature]
    command += ["--", "-Z", "unstable-options", "--output-format", "json"]
    env = dict(os.environ, RUSTC_BOOTSTRAP="1")
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return json.loads((target / "doc" / f"{crate}.json").read_text())


class Listing:
    def __init__(self, doc):
        self.index = doc["index"]
        self.paths = doc["paths"]
        self.lines = set()

    def item(self, id_):
        return self.index.get(str(id_))

    # Types, as Rust writes them.
    def ty(self, t):
        if t is None:
            return "()"
        (kind, value), = t.items()
        if kind == "resolved_path":
            return value["path"] + self.args(value.get("args"))
        if kind == "primitive":
            return value
        if kind == "generic":
            return value
        if kind == "tuple":
            return "(" + ", ".join(self.ty(x) for x in value) + ")"
        if kind == "slice":
            return "[" + self.ty(value) + "]"
        if kind == "array":
            return f"[{self.ty(value['type'])}; {value['len']}]"
        if kind == "borrowed_ref":
            lifetime = value["lifetime"] + " " if value.get("lifetime") else ""
            mutable = "mut " if value["is_mutable"] else ""
            return f"&{lifetime}{mutable}{self.ty(value['type'])}"
        if kind == "raw_pointer":
            return ("*mut " if value["is_mutable"] else "*const ") + self.ty(value["type"])
        if kind == "impl_trait":
            return "impl " + " + ".join(self.bound(b) for b in value)
        if kind == "dyn_trait":
            traits = [self.path(p["trait"]) for p in value["traits"]]
            if value.get("lifetime"):
                traits.append(value["lifetime"])
            return "dyn " + " + ".join(traits)
        if kind == "qualified_path":
            trait = self.path(value["trait"]) if value.get("trait") else ""
            if not trait:
                return f"{self.ty(value['self_type'])}::{value['name']}"
            return f"<{self.ty(value['self_type'])} as {trait}>::{value['name']}"
        if kind == "function_pointer":
            sig = value["sig"]
            inputs = ", ".join(self.ty(t) for _, t in sig["inputs"])
            return f"fn({inputs}) -> {self.ty(sig['output'])}"
        return kind

    def path(self, p):
        return p["path"] + self.args(p.get("args"))

    def args(self, args):
        if not args:
            return ""
        if "angle_bracketed" in args:
            parts = []
            for arg in args["angle_bracketed"]["args"]:
                (kind, value), = arg.items()
                parts.append(self.ty(value) if kind == "type" else str(value))
            for constraint in args["angle_bracketed"]["constraints"]:
                binding = constraint["binding"]
                if "equality" in binding:
                    parts.append(f"{constraint['name']} = {self.ty(binding['equality']['type'])}")
                else:
                    bounds = " + ".join(self.bound(b) for b in binding["constraint"])
                    parts.append(f"{constraint['name']}: {bounds}")
            return "<" + ", ".join(parts) + ">" if parts else ""
        if "parenthesized" in args:
            inputs = ", ".join(self.ty(t) for t in args["parenthesized"]["inputs"])
            output = args["parenthesized"].get("output")
            return f"({inputs})" + (f" -> {self.ty(output)}" if output else "")
        return ""

    def bound(self, b):
        if "trait_bound" in b:
            modifier = "?" if b["trait_bound"]["modifier"] == "maybe" else ""
            return modifier + self.path(b["trait_bound"]["trait"])
        if "outlives" in b:
            return b["outlives"]
        return "use<..>"

    def generics(self, generics):
        params = []
        for param in generics["params"]:
            kind = param["kind"]
            if "type" in kind:
                if kind["type"].get("is_synthetic"):
                    continue
                bounds = " + ".join(self.bound(b) for b in kind["type"]["bounds"])
                default = kind["type"].get("default")
                text = param["name"] + (f": {bounds}" if bounds else "")
                params.append(text + (f" = {self.ty(default)}" if default else ""))
            elif "const" in kind:
                params.append(f"const {param['name']}: {self.ty(kind['const']['type'])}")
            else:
                params.append(param["name"])
        return "<" + ", ".join(params) + ">" if params else ""

    def signature(self, name, function):
        sig = function["sig"]
        header = function["header"]
        prefix = ("const " if header["is_const"] else "") + ("async " if header["is_async"] else "")
        inputs = []
        for arg_name, t in sig["inputs"]:
            if arg_name == "self":
                text = self.ty(t)
                shorthand = {"Self": "self", "&Self": "&self", "&mut Self": "&mut self"}
                if text.startswith("&'") and text.endswith(" Self"):
                    shorthand[text] = text[:-4] + "self"
                inputs.append(shorthand.get(text, f"self: {text}"))
            else:
                inputs.append(f"{arg_name}: {self.ty(t)}")
        output = f" -> {self.ty(sig['output'])}" if sig["output"] else ""
        return f"{prefix}fn {name}{self.generics(function['generics'])}({', '.join(inputs)}){output}"

    def add(self, text):
        self.lines.add(text)

    def walk_module(self, id_, path):
        module = self.item(id_)
        for child_id in module["inner"]["module"]["items"]:
            child = self.item(child_id)
            if child is None or child["visibility"] != "public":
                continue
            self.walk(child, path)

    def walk(self, item, path):
        (kind, inner), = item["inner"].items()
        name = item.get("name")
        full = f"{path}::{name}" if name else path
        deprecated = "#[deprecated] " if item.get("deprecation") else ""
        if kind == "module":
            self.add(f"pub mod {full}")
            self.walk_module(item["id"], full)
        elif kind == "use":
            target = self.item(inner["id"]) if inner.get("id") is not None else None
            if (
                target is not None
                and target["crate_id"] == 0
                and inner["is_glob"]
                and "module" in target["inner"]
            ):
                # A glob re-export of this crate's own module: its items are reached here.
                self.walk_module(target["id"], path)
            elif target is not None and target["crate_id"] == 0 and not inner["is_glob"]:
                # A re-export of this crate's own item: list it where it is reached.
                renamed = dict(target, name=inner["name"])
                self.walk(renamed, path)
            else:
                glob = "::*" if inner["is_glob"] else ""
                alias = "" if inner["source"].endswith(inner["name"]) else f" as {inner['name']}"
                self.add(f"pub use {path}::{{{inner['source']}{glob}{alias}}}")
        elif kind == "struct":
            self.add(f"{deprecated}pub struct {full}{self.generics(inner['generics'])}")
            struct_kind = inner["kind"]
            if "plain" in struct_kind:
                for field_id in struct_kind["plain"]["fields"]:
                    field = self.item(field_id)
                    if field and field["visibility"] == "public":
                        self.add(f"pub {full}::{field['name']}: {self.ty(field['inner']['struct_field'])}")
            elif "tuple" in struct_kind:
                for position, field_id in enumerate(struct_kind["tuple"]):
                    field = self.item(field_id) if field_id is not None else None
                    if field and field["visibility"] == "public":
                        self.add(f"pub {full}::{position}: {self.ty(field['inner']['struct_field'])}")
            self.impls(inner["impls"], full)
        elif kind == "enum":
            self.add(f"{deprecated}pub enum {full}{self.generics(inner['generics'])}")
            for variant_id in inner["variants"]:
                variant = self.item(variant_id)
                variant_kind = variant["inner"]["variant"]["kind"]
                fields = ""
                if isinstance(variant_kind, dict) and "tuple" in variant_kind:
                    types = [self.ty(self.item(f)["inner"]["struct_field"]) for f in variant_kind["tuple"] if f is not None]
                    fields = "(" + ", ".join(types) + ")"
                elif isinstance(variant_kind, dict) and "struct" in variant_kind:
                    names = [f"{self.item(f)['name']}: {self.ty(self.item(f)['inner']['struct_field'])}" for f in variant_kind["struct"]["fields"]]
                    fields = " { " + ", ".join(names) + " }"
                self.add(f"pub {full}::{variant['name']}{fields}")
            self.impls(inner["impls"], full)
        elif kind == "union":
            self.add(f"pub union {full}")
        elif kind == "trait":
            self.add(f"{deprecated}pub trait {full}{self.generics(inner['generics'])}")
            for member_id in inner["items"]:
                self.member(self.item(member_id), full)
        elif kind == "function":
            self.add(f"{deprecated}pub {self.signature(full, inner)}")
        elif kind == "constant":
            self.add(f"pub const {full}: {self.ty(inner['type'])}")
        elif kind == "static":
            self.add(f"pub static {full}: {self.ty(inner['type'])}")
        elif kind == "type_alias":
            self.add(f"pub type {full}{self.generics(inner['generics'])} = {self.ty(inner['type'])}")
        elif kind in ("macro", "proc_macro"):
            self.add(f"pub macro {full}!")
        else:
            self.add(f"pub {kind} {full}")

    def member(self, member, owner):
        if member is None:
            return
        (kind, inner), = member["inner"].items()
        deprecated = "#[deprecated] " if member.get("deprecation") else ""
        full = f"{owner}::{member['name']}"
        if kind == "function":
            self.add(f"{deprecated}pub {self.signature(full, inner)}")
        elif kind == "assoc_const":
            self.add(f"pub const {full}: {self.ty(inner['type'])}")
        elif kind == "assoc_type":
            bounds = " + ".join(self.bound(b) for b in inner.get("bounds", []))
            self.add(f"pub type {full}" + (f": {bounds}" if bounds else ""))

    def impls(self, impl_ids, owner):
        for impl_id in impl_ids:
            impl = self.item(impl_id)
            if impl is None:
                continue
            inner = impl["inner"]["impl"]
            if inner["is_synthetic"] or inner.get("blanket_impl") is not None:
                continue
            generics = self.generics(inner["generics"])
            for_type = self.ty(inner["for"])
            if inner["trait"] is None:
                for member_id in inner["items"]:
                    member = self.item(member_id)
                    if member and member["visibility"] == "public":
                        self.member(member, f"{owner}")
            else:
                negative = "!" if inner["is_negative"] else ""
                self.add(f"impl{generics} {negative}{self.path(inner['trait'])} for {for_type}")


def listing(package, crate):
    doc = rustdoc_json(package, crate)
    lines = Listing(doc)
    lines.walk_module(doc["root"], crate)
    lines.add(f"pub mod {crate}")
    return "".join(line + "\n" for line in sorted(lines.lines))


def main():
    check = "--check" in sys.argv[1:]
    out = ROOT / "api"
    out.mkdir(exist_ok=True)
    changed = []
    for package, crate in CRATES:
        text = listing(package, crate)
        file = out / f"{package}.txt"
        if check:
            if not file.exists() or file.read_text() != text:
                changed.append(str(file.relative_to(ROOT)))
        else:
            file.write_text(text)
    if changed:
        print("The public API changed: " + ", ".join(changed))
        print("Review the change, then run `python3 scripts/public-api.py` and commit api/.")
        sys.exit(1)


if __name__ == "__main__":
    main()
