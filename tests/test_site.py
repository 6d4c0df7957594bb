"""The documentation site as a reader gets it: every page HTML, no Markdown left as text and no diagram left as
source. gen-doc wraps each reference page's body in ``<div markdown="1">``, which only ``md_in_html`` renders;
without it 135 of 161 pages showed ``URI: [gaischema:…](…)`` as text. Class diagrams are SVG drawn by
gaischema.build (``class_diagram_svg``): the site loads no script from a CDN to show them."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from conftest import ROOT

RAW = [
    ("a Markdown link left as text", re.compile(r"\]\((?:https?://|\.\./)[^)\s]*\)")),
    ("gen-doc's URI line left as Markdown", re.compile(r"URI: \[gaischema:")),
    ("mermaid source", re.compile(r"```mermaid|classDiagram|class=\"mermaid\"")),
    ("a Markdown table left as text", re.compile(r"^\|[ -]*---", re.M)),
]


class _Text(HTMLParser):
    """A page's visible text (not inside script, style or code)."""

    def __init__(self):
        super().__init__()
        self.skip, self.parts, self.scripts = 0, [], []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "code", "pre"):
            self.skip += 1
        if tag == "script":
            self.scripts.append(dict(attrs).get("src") or "")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "code", "pre") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def _pages(site):
    return sorted(site.rglob("*.html"))


def test_no_built_page_shows_raw_markdown_or_diagram_source(built_site):
    pages = _pages(built_site)
    reference = [p for p in pages if p.parent.parent.name == "reference"]
    assert len(reference) >= 150, len(reference)  # one page per schema element
    problems = []
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for what, pattern in RAW[2:3]:  # mermaid source anywhere in the file, code blocks too
            if pattern.search(html):
                problems.append(f"{page.relative_to(built_site)}: {what}")
        parser = _Text()
        parser.feed(html)
        text = "".join(parser.parts)
        for what, pattern in RAW[:2] + RAW[3:]:
            if pattern.search(text):
                problems.append(f"{page.relative_to(built_site)}: {what}: {pattern.search(text).group(0)!r}")
    assert problems == [], problems[:20]


def test_every_class_page_has_its_diagram_as_svg_linking_to_related_classes(built_site):
    page = (built_site / "reference" / "DenialReasons" / "index.html").read_text(encoding="utf-8")
    assert '<a href="https://w3id.org/gaischema/DenialReasons">gaischema:DenialReasons</a>' in page
    svg = re.search(r"<svg[^>]*gaischema-class-diagram.*?</svg>", page, re.S)
    assert svg, "the class diagram is inline SVG"
    assert 'href="../ApplicantCounts/"' in svg.group(0) and "state_secret : ApplicantCounts [0..1]" in svg.group(0)
    classes = [p.stem for p in (ROOT / "docs" / "reference").glob("*.md")
               if (ROOT / "docs" / "reference" / p.name).read_text(encoding="utf-8").startswith("---\nsearch:")
               and "# Class:" in (ROOT / "docs" / "reference" / p.name).read_text(encoding="utf-8")]
    assert len(classes) >= 20
    for name in classes:
        html = (built_site / "reference" / name / "index.html").read_text(encoding="utf-8")
        assert "gaischema-class-diagram" in html, name


def test_the_site_loads_no_script_from_another_host(built_site):
    for page in _pages(built_site):
        parser = _Text()
        parser.feed(page.read_text(encoding="utf-8"))
        assert not [s for s in parser.scripts if s.startswith(("http:", "https:", "//"))], page
