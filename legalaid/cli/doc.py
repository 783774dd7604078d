"""``legalaid doc``: list templates and generate case documents (.docx / .pdf)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from legalaid.documents.catalogue import TemplateCatalogue


def _open(args: argparse.Namespace) -> Any:
    from legalaid.cli.core import open_collection

    return open_collection(args)


def _extra(pairs: list[str] | None) -> dict[str, str]:
    """``--set court=南昌市中级人民法院`` → values for ``{{ doc.court }}``."""
    extra: dict[str, str] = {}
    for pair in pairs or []:
        key, sep, value = pair.partition("=")
        if not sep:
            raise SystemExit(f"--set expects KEY=VALUE, got {pair!r}")
        extra[key.removeprefix("doc.").strip()] = value
    return extra


def _print_warnings(result: Any) -> None:
    for w in result.warnings:
        print(f"警告 warning: {w.zh} / {w.en}", file=sys.stderr)


def cmd_templates(args: argparse.Namespace) -> int:
    user_dir = Path(args.templates_dir) if args.templates_dir else None
    for t in TemplateCatalogue(user_dir=user_dir):
        mark = " (本地修改 local)" if t.overridden else ""
        print(f"{t.id}\t{t.zh}\t{t.version}\t{t.en}{mark}")
    return 0


def _generator(col: Any, args: argparse.Namespace) -> Any:
    from legalaid.documents.catalogue import TemplateCatalogue
    from legalaid.documents.generator import DocumentGenerator
    from legalaid.documents.service import SETTING_FONTS, fonts_from_json, generator_for

    if not args.templates_dir:
        return generator_for(col)
    catalogue = TemplateCatalogue(user_dir=Path(args.templates_dir))
    return DocumentGenerator(catalogue, fonts_from_json(col.admin.get_setting(SETTING_FONTS)))


def cmd_generate(args: argparse.Namespace) -> int:
    from legalaid.documents.service import generate_for_case

    with _open(args) as col:
        result = generate_for_case(
            col, args.case, args.template, args.format, args.out,
            extra=_extra(args.set), generator=_generator(col, args),
        )
    _print_warnings(result)
    print(f"{result.path}\t{result.sha256}")
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    from legalaid.documents.service import generate_batch

    formats = ("docx", "pdf") if args.format == "both" else (args.format,)
    with _open(args) as col:
        done, skipped = generate_batch(
            col, args.case, args.out, formats, extra=_extra(args.set),
            generator=_generator(col, args),
        )
    for result in done:
        _print_warnings(result)
        print(f"{result.path}\t{result.sha256}")
    for template_id, exc in skipped:
        print(f"跳过 skipped {template_id}: {exc.zh} / {exc.en}", file=sys.stderr)
    return 0 if done or not skipped else 1


def register(commands: Any) -> None:
    from legalaid.cli import group

    doc = group(commands, "doc", "case documents (文书): templates, .docx and .pdf")
    tdir = {"help": "user templates folder overriding the shipped templates"}

    p = doc.add_parser("templates", help="list the document templates, one a line, id first")
    p.add_argument("--templates-dir", **tdir)
    p.set_defaults(handler=cmd_templates)

    p = doc.add_parser("generate", help="generate one document for a case")
    p.add_argument("--case", required=True, help="case number, e.g. 洪工援〔2026〕第0123号")
    p.add_argument("--template", required=True, help="template id (see `doc templates`)")
    p.add_argument("--format", choices=("docx", "pdf"), default="pdf")
    p.add_argument("--out", required=True, help="output file")
    p.add_argument("--set", action="append", metavar="KEY=VALUE",
                   help="a value for {{ doc.KEY }} in the template (repeatable)")
    p.add_argument("--templates-dir", **tdir)
    p.set_defaults(handler=cmd_generate)

    p = doc.add_parser("batch", help="generate the usual set of documents for a case")
    p.add_argument("--case", required=True, help="case number")
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--format", choices=("docx", "pdf", "both"), default="both")
    p.add_argument("--set", action="append", metavar="KEY=VALUE")
    p.add_argument("--templates-dir", **tdir)
    p.set_defaults(handler=cmd_batch)
