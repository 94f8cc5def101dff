"""Reader benchmark: time to read notices of growing size, per format, and hostile inputs.

Reading must grow linearly with a file's size (no backtracking on document text). For each
format the same fictional notice is repeated 1, 4 and 16 times; the table shows seconds and
seconds per MB, which should stay roughly flat. Hostile inputs (a 9 MB line, a long token with
an '@', thousands of bullets) must read in about the same time per MB.

    .venv/bin/python benchmarks/reader.py [--json-out FILE]
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import docx

from onboarding.reader import read_bytes

SECTION = """{n}. How we use information number {n}

We use pupils' information to teach them, to keep them safe and to meet our duties in law. We
keep it only as long as we need it, then destroy it securely. Write to office@example.org or
call 0113 496 0123 if you have a question about section {n}.

- names, addresses and contact details
- attendance and assessment records
- medical conditions and dietary needs
"""


def text(repeat: int) -> bytes:
    return "\n".join(SECTION.format(n=n) for n in range(1, 20 * repeat + 1)).encode()


def html(repeat: int) -> bytes:
    sections = []
    for n in range(1, 20 * repeat + 1):
        sections.append(
            f"<h2>{n}. How we use information number {n}</h2><p>We use pupils' information to "
            "teach them and keep them safe. Write to <a href='mailto:office@example.org'>the "
            "office</a>.</p><ul><li>names</li><li>attendance</li><li>medical needs</li></ul>"
        )
    nav = "<nav><ul>" + "<li><a href='/'>Home</a></li>" * 20 + "</ul></nav>"
    page = f"<!doctype html><html><body>{nav}<main>{''.join(sections)}</main></body></html>"
    return page.encode()


def word(repeat: int) -> bytes:
    document = docx.Document()
    for n in range(1, 20 * repeat + 1):
        document.add_paragraph(f"How we use information number {n}", style="Heading 1")
        document.add_paragraph(
            "We use pupils' information to teach them and keep them safe. Write to "
            "office@example.org or call 0113 496 0123."
        )
        for item in ("names", "attendance", "medical needs"):
            document.add_paragraph(item, style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf(repeat: int) -> bytes:
    import weasyprint  # noqa: TID251 - building benchmark input, not rendering a notice

    return weasyprint.HTML(string=html(repeat).decode()).write_pdf()


HOSTILE: dict[str, Callable[[], bytes]] = {
    "one 9 MB line": lambda: b"Heading\n\n" + b"word " * 1_800_000,
    "a 4 MB token with @": lambda: b"Heading\n\n" + b"a" * 4_000_000 + b"@" + b"b." * 100,
    "40,000 bullets": lambda: b"Heading\n\n" + b"- a list item\n" * 19_000,
    "8 MB of digits": lambda: b"Heading\n\n" + b"0123 456 " * 900_000,
}


def _time(data: bytes, name: str) -> float:
    start = time.perf_counter()
    read_bytes(data, name=name)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json-out", type=Path)
    args = parser.parse_args()
    results: list[dict] = []
    print(f"{'input':28} {'size':>9} {'seconds':>8} {'s/MB':>7}")
    builders = {"text": text, "html": html, "docx": word, "pdf": pdf}
    for label, build in builders.items():
        # 16 copies of the notice make a PDF longer than the reader takes (60 pages): 12 for it.
        for repeat in (1, 4, 12) if label == "pdf" else (1, 4, 16):
            data = build(repeat)
            seconds = _time(data, f"notice.{label}")
            results.append({"input": f"{label} x{repeat}", "bytes": len(data), "seconds": seconds})
    for label, build in HOSTILE.items():
        data = build()
        results.append({"input": label, "bytes": len(data), "seconds": _time(data, "x.txt")})
    for row in results:
        megabytes = row["bytes"] / 1_000_000
        print(
            f"{row['input']:28} {row['bytes']:>9} {row['seconds']:>8.3f} "
            f"{row['seconds'] / megabytes:>7.2f}"
        )
    print(json.dumps(results))
    if args.json_out:
        args.json_out.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
