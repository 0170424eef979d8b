"""Deterministic HTML -> prose-paragraph converter (Python 3 stdlib only).

Used by build_corpus.py.  Takes the main content block of a Sphinx page
(element with role="main") or, for plain HTML (PHYLIP), the whole <body>,
drops code, tables, math blocks, navigation, galleries, footnotes and
references, and returns a list of raw blocks:

    ("hN", text, 0)  a heading of level N (1-6; 9 for a <dt> term)
    ("p", text, math_chars)   a paragraph
    ("li", text, math_chars)  a list item / definition
    ("x", "", 0)              a dropped code block, table or display formula

Filtering (prose test, de-duplication) is done in build_corpus.py.
"""
import html
import re
from html.parser import HTMLParser

# Elements whose whole subtree is dropped.
SKIP_TAGS = {"pre", "table", "script", "style", "nav", "figure", "img", "svg",
             "head", "title", "form", "button", "select", "textarea", "math",
             "footer", "header", "iframe", "noscript", "map", "object"}
# Elements with any of these classes are dropped with their subtree.
SKIP_CLASSES = {"highlight", "headerlink", "math", "toctree-wrapper", "navheader",
                "navfooter", "topic", "footnote", "citation", "footnote-reference",
                "fn-bracket", "section-number", "doctest", "related", "sphinxsidebar",
                "footer", "copybutton", "sk-sidebar-toc-wrapper", "sk-sidebar-toc",
                "alert", "searchformwrapper", "sidebar", "rubric", "versionadded",
                "versionchanged", "deprecated", "linenos", "plot-output",
                "responsive-table__container", "contents", "admonition-example",
                "sig", "line-block"}
SKIP_CLASS_PREFIXES = ("highlight-", "sphx-glr", "sk-sidebar", "graphviz")

BLOCK_TAGS = {"p", "div", "section", "article", "blockquote", "ul", "ol", "dl",
              "br", "hr", "body", "center", "tr", "td", "th", "caption", "address", "aside"}
LIST_TAGS = {"li", "dd"}
HEAD_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
LIST_CONTAINERS = {"ul", "ol", "dl", "menu", "dir"}
VOID_TAGS = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col",
             "embed", "param", "source", "track", "wbr"}


def _skip_by_class(tag, attrs):
    cls = ""
    for k, v in attrs:
        if k == "class" and v:
            cls = v
    for c in cls.split():
        if c == "math" and tag == "span":
            continue  # inline math is kept as TeX (and measured)
        if c in SKIP_CLASSES or c.startswith(SKIP_CLASS_PREFIXES):
            return True
    return False


class ProseParser(HTMLParser):
    def __init__(self, main_mode):
        super().__init__(convert_charrefs=True)
        self.main_mode = main_mode  # "role-main" or "body"
        self.inside = main_mode == "body-all"
        self.main_tag = None
        self.main_depth = 0
        self.skip_tag = None
        self.skip_depth = 0
        self.buf = []
        self.kind = "p"
        self.blocks = []
        self.in_head = 0
        self.in_li = 0
        self.math_chars = 0
        self.in_inline_math = 0
        self.list_stack = []
        self.dt_open = False
        self.head_level = 9

    # -- helpers -----------------------------------------------------------
    def flush(self):
        text = "".join(self.buf)
        text = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()
        if text:
            if self.in_head:
                kind = "h%d" % self.head_level
            elif self.dt_open:
                kind = "h9"  # definition term: lowest heading level
            else:
                kind = "li" if self.in_li else "p"
            self.blocks.append((kind, text, self.math_chars))
        self.buf = []
        self.math_chars = 0

    # -- parser callbacks --------------------------------------------------
    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        if not self.inside:
            if self.main_mode == "role-main" and dict(attrs).get("role") == "main":
                self.inside = True
                self.main_tag = tag
                self.main_depth = 1
            elif self.main_mode == "body" and tag == "body":
                self.inside = True
                self.main_tag = tag
                self.main_depth = 1
            return
        if tag == self.main_tag and tag not in VOID_TAGS:
            self.main_depth += 1
        if self.skip_tag is not None:
            if tag == self.skip_tag:
                self.skip_depth += 1
            return
        if tag in SKIP_TAGS or _skip_by_class(tag, attrs):
            if tag in VOID_TAGS:
                return
            self.flush()
            if tag in ("pre", "table", "figure") or any(
                    c in ("highlight", "math", "doctest") or c.startswith("highlight-")
                    for c in (dict(attrs).get("class") or "").split()):
                # marker: non-prose content (code, table, display math) was here
                self.blocks.append(("x", "", 0))
            self.skip_tag = tag
            self.skip_depth = 1
            return
        if tag == "br" and self.in_head:
            self.buf.append(" ")
            return
        if tag in HEAD_TAGS:
            self.flush()
            self.in_head += 1
            self.head_level = int(tag[1])
        elif tag in LIST_CONTAINERS:
            self.flush()
            self.list_stack.append(self.in_li)
            self.dt_open = False
        elif tag == "dt":
            self.flush()
            self.dt_open = True
        elif tag in LIST_TAGS:
            # <LI>/<DD> may be left unclosed (HTML 3.2): the level is the
            # enclosing list's level plus one, not a running count.
            self.flush()
            self.dt_open = False
            base = self.list_stack[-1] if self.list_stack else 0
            self.in_li = base + 1
        elif tag in BLOCK_TAGS:
            self.flush()
        if tag == "span":
            cls = dict(attrs).get("class") or ""
            if "math" in cls.split():
                self.in_inline_math += 1

    def handle_endtag(self, tag):
        tag = tag.lower()
        if not self.inside:
            return
        if self.skip_tag is not None:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.skip_tag = None
            return
        if tag == self.main_tag:
            self.main_depth -= 1
            if self.main_depth == 0:
                self.flush()
                self.inside = False
                self.main_mode = "done"
                return
        if tag in HEAD_TAGS:
            self.flush()
            self.in_head = max(0, self.in_head - 1)
        elif tag in LIST_CONTAINERS:
            self.flush()
            self.dt_open = False
            self.in_li = self.list_stack.pop() if self.list_stack else 0
        elif tag == "dt":
            self.flush()
            self.dt_open = False
        elif tag in LIST_TAGS:
            self.flush()
            base = self.list_stack[-1] if self.list_stack else 0
            self.in_li = base
        elif tag in BLOCK_TAGS:
            self.flush()
        elif tag == "span" and self.in_inline_math:
            self.in_inline_math -= 1

    def handle_data(self, data):
        if not self.inside or self.skip_tag is not None:
            return
        if self.in_inline_math:
            self.math_chars += len(data)
        self.buf.append(data)


def read_html(path):
    raw = open(path, "rb").read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("iso-8859-1")


def html_blocks(path, mode):
    text = read_html(path)
    if mode == "body":
        # Old HTML 3.2 (PHYLIP): unclosed <P>/<LI> are fine for the streaming
        # parser; only closed containers (PRE, TABLE) are skipped.
        pass
    p = ProseParser(mode)
    p.feed(text)
    p.close()
    p.flush()
    return p.blocks
