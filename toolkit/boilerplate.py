"""Boilerplate in article text: what an extractor lets through from a news page, found by its shape.

Pure functions over paragraphs (strings), titles, bylines and the raw HTML of a page:

- :func:`find_boilerplate` / :func:`remove_boilerplate`: the paragraphs that are an outlet's pitch
  (subscribe, newsletter, donate, app, paywall), a helpline box, a list of links to other stories
  (marker line such as "More from ..." and the headlines after it, "Read more: ..." lines, linked
  headlines, a river of cut-off story teasers), a photo caption or credit, an ad or affiliate
  disclosure, a share / follow / comment prompt, or page chrome (player and gallery controls,
  date-only lines, the headline or byline repeated, copyright lines).
- :func:`clean_title`: the site name cut from "Headline | Outlet" and "Headline - Outlet Name".
- :func:`clean_byline`: "By", dates, job titles, outlet names and placeholders ("No Author",
  "Staff") taken out of an author string.
- :func:`page_section`: the section a page declares (``article:section``, JSON-LD
  ``articleSection``, breadcrumbs).
- :func:`find_teaser` / :func:`is_teaser`: a page that holds only a paywall teaser or a caption.

Evidence over lists: a paragraph is boilerplate by its form -- addressed to the reader ("you",
an imperative, the outlet's "we/our") *and* about what an outlet sells; a phone number with "call"
or "text"; a credit line shaped "Name/Agency"; a line that is all links in the page; text cut off
mid-sentence, several times in a row; a short line repeated -- never by one site's wording. The
vocabularies these shapes use are data (``toolkit/data/wordlists/pitch_words.csv``,
``page_furniture.csv``, ``photo_credits.csv``, ``byline_words.csv``).

Limits: the cues are English, with a few common words of French, German, Spanish and Portuguese
pages; elsewhere only the language-free shapes work (links, credits with a slash, repetition,
cut-off teasers, numbers). A pitch worded as plain reporting ("The paper has 40,000 subscribers")
is kept, and so is a caption without a credit or caption markup. Paragraphs holding a quotation
or a reporting verb ("said", "told") are never taken for a pitch, helpline or prompt.
"""
from __future__ import annotations

import functools
import json
import re
import unicodedata
from urllib.parse import urlsplit

from . import wordlists
from .errors import InvalidOptionError

__all__ = ["KINDS", "find_boilerplate", "remove_boilerplate", "clean_title", "clean_byline", "page_section",
           "find_teaser", "is_teaser", "page_evidence", "page_byline", "agreement",
           "site_repeats", "text_key"]

KINDS = ("pitch", "helpline", "links", "caption", "disclosure", "prompt", "chrome", "outside")
# Below this many words a page's text is not a full article (a caption, a teaser, a stub).
MIN_ARTICLE_WORDS = 80
# With a paywall mark (markup or a removed paywall line), a text shorter than this is the teaser only.
PAYWALL_TEASER_WORDS = 300

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_TOKEN = re.compile(r"\S+")
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]]*\s*$")
_TRUNCATED_END = re.compile(r"(?:[^\W_]|,|…|\.\.\.)$")
_QUOTE = re.compile(r"[“”„«»]|\"[^\"]{8,}\"")
_REPORTING = re.compile(r"\b(?:said|says|told|tells|according to|wrote|asked|added|explained|argued|claimed)\b", re.I)
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|you['’](?:re|ll|ve|d))\b", re.I)
_OUTLET_VOICE = re.compile(r"\b(?:we|our|us|we['’](?:re|ll|ve|d))\b", re.I)
_PHONE = re.compile(
    r"(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?)?\b\d{2,4}[\s.-]\d{3}[\s.-]?\d{3,4}\b"  # 1-800-273-8255, 0800 123 456
    r"|\b1-8\d\d-[A-Z0-9-]{7,}\b"  # 1-800-THE-LOST
    r"|\b(?:call|text|dial|ring|phone)(?:\s+or\s+(?:call|text))?\s+(?:\w+\s+){0,2}?\d{3,6}\b"  # call or text 988
    r"|\b(?:freephone|toll[- ]free|hotline|helpline|lifeline)\b[^.]{0,40}\d{3}", re.I)
_HELP_WORDS = re.compile(r"\b(?:helpline|hotline|lifeline|crisis (?:line|text|centre|center)|samaritans|"
                         r"support (?:is|are) available|confidential(?:ly)? support|free(?:phone)?,? confidential|"
                         r"emotional support|(?:suicide|domestic (?:abuse|violence)|sexual assault) (?:prevention |crisis )?"
                         r"(?:hotline|helpline|line|services?))\b", re.I)
_IF_YOU = re.compile(r"\bif you(?: or (?:someone|anyone|a loved one)(?: you know)?)?(?: (?:are|is|have|has|feel|need|"
                     r"were|think|or))?\b[^.]{0,80}\b(?:affected|struggling|crisis|suicid\w*|abuse[d]?|distress|"
                     r"self-harm|harm|help|support|danger|thoughts)\b", re.I)
_HELP_VERBS = re.compile(r"\b(?:call|text|dial|contact|visit|reach|chat|ring|phone|email|go to)\b", re.I)
_DATE_WORDS = frozenset(
    "january february march april may june july august september october november december jan feb mar apr jun "
    "jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu "
    "thur thurs fri sat sun am pm a.m p.m gmt utc bst est edt cst cdt pst pdt cet cest ist eat wat sast aest aedt "
    "updated update published posted last modified on at ago min mins minute minutes hour hours hr hrs day days "
    "week weeks month months year years read reading time".split())
# words that end a byline's names: a date or time follows ("Jane Roe Updated 5 March")
_BYLINE_DATE_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday updated published posted "
                               "modified ago am pm a.m. p.m. gmt utc est edt pst pdt bst cet".split())
_MONTHS = frozenset("january february march april may june july august september october november december "
                    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
_LINK_MARKER = re.compile(
    r"^\W{0,4}(?:read\s+(?:more|also|next|this\s+next)|also\s+read|related(?:\s+(?:stories|articles|news|content|"
    r"coverage|links?|posts?|videos?|reading|topics))?|more\s+(?:stories|news|coverage|videos?|reading|from|on|in|"
    r"about|like\s+this|to\s+read)\b.*|recommended(?:\s+(?:for\s+you|stories|reading|articles|videos?))?|"
    r"see\s+also|further\s+reading|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)|"
    r"(?:don['’]t|do\s+not)\s+miss|trending(?:\s+(?:now|stories|news))?|most\s+(?:read|popular|viewed|shared|"
    r"watched)|popular(?:\s+(?:now|stories|on\s+.*))?|top\s+stories|latest(?:\s+(?:news|stories|videos?|"
    r"headlines))?|editor['’]?s['’]?\s+picks?|(?:other|recent|featured|more)\s+.{0,30}\b(?:stories|articles|"
    r"columns|posts|videos|slide\s*shows|galleries|podcasts|headlines|reads|news)|what\s+to\s+read\s+next|"
    r"in\s+(?:case\s+you\s+missed\s+it|other\s+news)|elsewhere\s+on\s+.*|around\s+the\s+web|"
    r"from\s+(?:our|the)\s+(?:partners|network|archives?))\W*$", re.I)
_INLINE_LINK = re.compile(
    r"^\W{0,2}(?:read\s+(?:more|also|next|the\s+full\s+\w+|our\s+\w+)?|also\s+read|related(?:\s+\w+)?|see\s+also|"
    r"watch(?:\s+now)?|listen|more|recommended|further\s+reading|don['’]t\s+miss|must\s+read|"
    r"(?:click|tap)\s+here)\s*[:|–—>»-]\s*\S|^\W{0,2}related\s+(?:article|story|content|video|link)s?\s+[A-Z\d\"'“‘]"
    r"|^\W{0,2}(?:click|tap)\s+here\b", re.I)
_BRACKET_LINK = re.compile(r"^\s*[\[(]\s*(?:read|related|see|watch|listen|more|also)\b[^\])]{3,}[\])]\s*$", re.I)
_AD_LINE = re.compile(
    r"^\W{0,4}(?:(?:story|article|content|text|post)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:ad|advert\w*))?|"
    r"continue\s+reading\s+(?:the\s+main\s+story|below)|skip\s+(?:ad|advert\w*)|scroll\s+(?:down\s+)?to\s+"
    r"(?:continue|read)\b.*|ad\s+feedback|report\s+(?:this\s+)?ad|remove\s+ads|(?:sponsored|promoted|presented|"
    r"brought\s+to\s+you)\s+by\s+.{1,40}|paid\s+(?:post|content|partner\s+content)(?:\s+(?:by|from)\s+.{1,40})?|"
    r"paid\s+for\s+by\s+.{1,40}|"
    r"partner\s+content|(?:this\s+is\s+)?(?:an?\s+)?(?:sponsored|promoted)\s+(?:content|posts?|articles?|stor(?:y|ies)|"
    r"links?)|supported\s+by|recommended\s+by(?:\s+\w+)?|(?:skip|close)\s+(?:this\s+)?ad)\W*$",
    re.I)
_AFFILIATE = re.compile(
    r"\baffiliate\s+(?:links?|commissions?|partners?(?:hips?)?|programs?)\b|\b(?:earn|receive|get|make|collect)s?\s+"
    r"(?:an?\s+)?(?:small\s+)?(?:commissions?|share\s+of\s+(?:the\s+)?(?:sales?|revenue))|\bindependently\s+"
    r"(?:select|selected|selects|choose|chosen|chooses|review|reviewed|reviews)\b|\bwe\s+may\s+be\s+compensated\b|"
    r"\bis\s+solely\s+responsible\s+for\s+all\s+content\b|\breceives?\s+(?:financial\s+)?support\s+from\b.{0,80}"
    r"\bresponsible\b|\b(?:buy|purchase|shop|click)\w*\s+.{0,40}"
    r"\b(?:through|via|using)\s+(?:our|the|these|links)\b.{0,60}\b(?:commission|compensat\w*|revenue|earn)", re.I)
_PROMPT = re.compile(
    r"^\W{0,4}(?:(?:click|tap)\s+to\s+(?:share|tweet|email|print|comment|copy|save|follow)\b.*|share\s+(?:this|on|via|with|the|your|article|story|page|post|link|"
    r"full)\b.*|follow\s+(?:us|me|@\w+)\b.*|follow\s+(?:[\w'’.-]+\s+){0,3}?(?:coverage|live\s+updates|updates|the\s+latest)\b.*|"
    r"(?:contact|email|e-mail|reach)\s+(?:the\s+(?:reporter|writer|author)|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+"
    r"(?:at|on|via)\s+\S+@\S+.*|follow\s+.{0,40}\bon\s+(?:twitter|x|facebook|instagram|threads|bluesky|"
    r"linkedin|tiktok|youtube|telegram|whatsapp|mastodon|google\s+news|apple\s+news)\b.*|like\s+us\s+on\b.*|"
    r"(?:\d[\d,.]*k?\s+)?comments?(?:\s+\(\d+\))?|(?:view|show|read|load|loading|post|leave|add|hide|see|open|"
    r"write|submit)(?:\s+(?:all|the|a|your|\d+))?\s+comments?\b.*|join\s+the\s+(?:conversation|discussion|debate)\b.*|"
    r"have\s+your\s+say\b.*|what\s+do\s+you\s+think\s*\?|let\s+us\s+know\s+(?:in\s+the\s+comments|what\s+you\s+think|"
    r"your\s+thoughts)\b.*|tell\s+us\s+(?:what\s+you\s+think|in\s+the\s+comments)\b.*|"
    r"comments?\s+(?:are|is)\s+(?:closed|open|now\s+closed)\b.*|(?:sign|log)\s+in\s+to\s+(?:comment|reply|join)\b.*|"
    r"be\s+the\s+first\s+to\s+comment\b.*|(?:got|have)\s+a\s+(?:news\s+)?(?:tip|story)\b.*|send\s+us\s+(?:a\s+)?(?:news\s+)?"
    r"tips?\b.*|(?:spotted|found|see|notice)\s+(?:an?\s+)?(?:error|typo|mistake)\b.*|report\s+(?:an?\s+)?"
    r"(?:error|typo|correction|mistake)\b.*|(?:tags?|topics?|filed\s+(?:under|in)|categories|keywords|"
    r"more\s+on|related\s+topics)\s*:.*|(?:copyright|©|\(c\))\s.*|.*\ball\s+rights\s+reserved\b.*|"
    r".*\b(?:copyright\s+(?:©\s*)?(?:\d{4}|by)|©\s*\d{4})\b.*|.{0,60}\bis\s+a\s+(?:registered\s+)?trademark\s+of\b.{0,60}|"
    r"this\s+(?:article|story|piece|post)\s+(?:was\s+|is\s+|has\s+been\s+|first\s+|originally\s+)+"
    r"(?:appeared|reprinted|republished|(?:first|originally)\s+published)\b.*)\W*$", re.I)
_CHROME = re.compile(
    r"\b(?:(?:is\s+)?not\s+available\s+in\s+your\s+(?:region|country|location)|your\s+browser\s+(?:does\s+not|"
    r"doesn['’]t)\s+support|(?:please\s+)?(?:enable|turn\s+on)\s+javascript|video\s+(?:is\s+)?unavailable|"
    r"media\s+playback\s+is\s+(?:not\s+|un)supported|next\s+video\s+starts|starts\s+in\s*:?\s*\d|now\s+(?:watching|"
    r"playing)|up\s+next|loading\s+(?:comments|video|player)|(?:\d+|one|two|three|four|five)\s*(?:-|\s)?"
    r"(?:min(?:ute)?s?)\s+read|reading\s+time\b|(?:image|photo|slide|picture)\s+\d+\s+of\s+\d+|^\d+\s+of\s+\d+$|"
    r"(?:view|see|open)\s+(?:photo|image|gallery|slideshow|video)s?\b|enlarge\s+this\s+image|"
    r"(?:hide|show|toggle)\s+caption|from\s+the\s+section\b|this\s+(?:image|video|photo)\s+(?:may|is)\b|"
    r"listen\s+to\s+this\s+(?:article|story)|voiced\s+by\s+artificial\s+intelligence|press\s+play\s+to\s+listen)", re.I)
_CREDIT_END = re.compile(
    r"[(\[|]\s*(?:(?:ap|afp|file|staff|reuters|getty)\s+)?(?:photos?|photograph|image|picture|pic|credit|illustration|"
    r"video|courtesy|via|source|getty|reuters|afp|ap|epa|shutterstock)\b[^()\[\]|]{0,80}[)\]]?\s*\.?$", re.I)
# "... on Tuesday. Photo: Jane Roe/Agency" -- a credit label and a name closing the caption
_CREDIT_TAIL = re.compile(r"(?:[.!?]\s+|\s[|–—-]\s*)(?:photos?|photograph|picture|image|credit|illustration|video)\s*:"
                          r"\s*[^.:]{2,60}$", re.I)
_SLASH_CREDIT = re.compile(r"^\W{0,4}[\w.'’&-]+(?:\s+[\w.'’&-]+){0,4}\s*/\s*[\w.'’&-]+(?:\s+[\w.'’&-]+){0,5}"
                           r"(?:\s*/\s*[\w.'’&-]+(?:\s+[\w.'’&-]+){0,5})*\W*$")
# "... on Monday. (Jane Roe/The Example Times via AP)": a name, a slash, an outlet, in closing brackets
_PAREN_SLASH_CREDIT = re.compile(r"[(\[][A-Z][^()\[\]/]{1,40}/[A-Z][^()\[\]]{1,60}[)\]]\s*\.?$")
# caption markup; not <figure> itself, which also wraps tables, pull quotes and embeds
_CAPTION_MARK = re.compile(r"caption|credit", re.I)
# what stands between a headline and the site name in <title>; a colon or slash is headline grammar
_SEPARATOR = re.compile(r"\s+(?:[|–—·•»]|-{1,2}|::)\s+|\s*\|\s*")
_BYLINE_SPLIT = re.compile(r"\s*(?:;|\||/|\band\b|&|,|\bund\b|\bet\b|\by\b|\be\b)\s*")
_DIGITS = re.compile(r"\d")


# --- vocabularies (data files) ---------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _cues(name: str, role: str) -> tuple[str, ...]:
    return tuple(sorted((r["cue"] for r in wordlists.rows(name) if r["role"] == role), key=len, reverse=True))


@functools.lru_cache(maxsize=None)
def _cue_re(name: str, role: str) -> re.Pattern:
    alts = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in _cues(name, role))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.I)


@functools.lru_cache(maxsize=None)
def _cue_set(name: str, *roles: str) -> frozenset[str]:
    return frozenset(c for role in roles for c in _cues(name, role))


# --- helpers ---------------------------------------------------------------------------------------

def _key(text) -> str:
    """Letters and digits only, NFKC, casefolded: what "the same text" compares."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text or "").casefold())


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _n_words(text: str) -> int:
    return len(_TOKEN.findall(text))


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def _headline_like(text: str, max_words: int = 20) -> bool:
    return not _ends_sentence(text) and _n_words(text) <= max_words


def _reported(text: str) -> bool:
    """Quoted or reported speech: article text, whatever its words."""
    return bool(_QUOTE.search(text) or _REPORTING.search(text))


def _imperative(text: str) -> bool:
    """A call to action opens the text ("Sign up ...", "Get the ...", "Don't miss ..."), or an
    unambiguous one ("subscribe", "download", "sign up") opens one of its sentences or clauses
    ("For more, download ..."). "Start", "support" or "like" inside a text are too often prose."""
    start = re.sub(r"^[\W\d_]+", "", text)
    for role in ("verb", "action"):
        m = _cue_re("pitch_words", role).match(start)
        if m:
            return True
    action = _cue_re("pitch_words", "action")
    return any(action.match(text, m.end()) for m in re.finditer(r"[.!?:;,(\[—–]\s*[\W\d_]*", text))


def _check_kinds(kinds) -> frozenset[str]:
    if kinds == "all":
        return frozenset(KINDS)
    if isinstance(kinds, str):
        kinds = (kinds,)
    try:
        chosen = frozenset(kinds)
    except TypeError:
        raise InvalidOptionError("kinds", kinds, ("all",) + KINDS) from None
    for k in chosen:
        if k not in KINDS:
            raise InvalidOptionError("kinds", k, ("all",) + KINDS)
    return chosen


# --- evidence from the page -----------------------------------------------------------------------

_EVIDENCE_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "blockquote", "td", "th", "dd", "dt",
                  "caption", "span", "a", "div", "section", "aside", "small", "em", "strong", "b", "i", "cite",
                  "header", "footer", "label", "button", "time")
_MAX_BLOCK = 2000  # characters; a longer element is a container, not a paragraph
_MAX_WIDGET = 600  # characters of text in a box that holds a form: a widget, not the article's body


def _parse(html):
    """The page as an lxml tree, or None when it does not parse (empty, binary, broken)."""
    import lxml.etree
    import lxml.html

    for attempt in (html, html.encode("utf-8", errors="replace") if isinstance(html, str) else None):
        if attempt is None:
            break
        try:
            # a str with an XML encoding declaration is refused by lxml: the bytes are tried next
            return lxml.html.document_fromstring(attempt)
        except (ValueError, TypeError, lxml.etree.ParserError):
            continue
    return None


class PageEvidence:
    """What the page's HTML says about a paragraph of its extracted text: the share of it that is
    link text, whether it sits in a caption, in a small box with a form (a sign-up widget), a
    heading or a list, and how often it occurs.

    Paragraphs are found in the page by their letters and digits (an element whose text, so
    reduced, equals the paragraph's); a paragraph not found has no evidence (``None``).
    """

    def __init__(self, html: str | bytes | None):
        self._index: dict[str, list] = {}
        self._count: dict[str, int] = {}
        if not html:
            return
        doc = _parse(html)
        if doc is None:
            return
        for bad in doc.xpath("//script|//style|//noscript|//template"):
            bad.drop_tree()
        keys = {}
        for el in doc.iter(*_EVIDENCE_TAGS):
            text = el.text_content()
            if len(text) > _MAX_BLOCK:
                continue
            k = _key(text)
            if not k:
                continue
            keys[el] = k
            self._index.setdefault(k, []).append(el)
            parent = el.getparent()
            # an element wrapping only this text (div > p) is the same occurrence, not a repeat;
            # iter() visits parents before children, so the parent's key is known here
            if parent is None or keys.get(parent) != k:
                self._count[k] = self._count.get(k, 0) + 1

    def count(self, paragraph: str) -> int:
        """How many separate elements of the page hold this text (0 when not found)."""
        return self._count.get(_key(paragraph), 0)

    def places(self, paragraph: str) -> list:
        """The outermost elements of the page that hold exactly this text (an <a> inside a <p>
        that holds only it is the <p>); [] when the text is not found."""
        k = _key(paragraph)
        els = self._index.get(k)
        if not els:
            return []
        return [e for e in els if e.getparent() is None or _key(e.getparent().text_content()) != k] or els[:1]

    def of(self, paragraph: str) -> dict | None:
        """{"link_share", "caption", "widget", "heading", "list_item", "count"} for the paragraph, or None.

        Where the text stands in several places of the page, the place that looks most like
        article text speaks (least link text; a caption or widget only if every place is one).
        """
        k = _key(paragraph)
        places = self.places(paragraph)
        if not places:
            return None
        # the outermost element of each place carries its context (an <a> inside a <p> is the <p>)
        found = [self._place(e, k) for e in places]
        return {"link_share": min(f["link_share"] for f in found),
                "caption": all(f["caption"] for f in found), "widget": all(f["widget"] for f in found),
                "heading": any(f["heading"] for f in found), "list_item": all(f["list_item"] for f in found),
                "count": self._count.get(k, 1)}

    @staticmethod
    def _place(el, k: str) -> dict:
        linked = "".join(_key(a.text_content()) for a in el.iter("a"))
        in_link = any(a.tag == "a" for a in el.iterancestors())
        chain = [el] + list(el.iterancestors())[:3]
        # caption markup on the element or a small box around it (not on a whole article body
        # whose class happens to say "has-captions")
        caption = any(e.tag == "figcaption" or (_CAPTION_MARK.search(
            f"{e.get('class') or ''} {e.get('id') or ''} {e.get('itemprop') or ''}") and
            len(e.text_content()) <= _MAX_WIDGET) for e in chain)
        # a small box holding a form (an e-mail field, a button): a sign-up or donation widget
        widget = any(len(e.text_content()) <= _MAX_WIDGET and e.xpath(".//form|.//input|.//button|.//select")
                     for e in chain[1:])
        return {"link_share": 1.0 if in_link else min(1.0, len(linked) / len(k)), "caption": caption,
                "widget": widget, "heading": any(e.tag in ("h1", "h2", "h3", "h4", "h5", "h6") for e in chain[:3]),
                "list_item": any(e.tag == "li" for e in chain[:3])}


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


@functools.lru_cache(maxsize=4096)
def _name_tokens(names: str) -> frozenset[str]:
    """The words of class, id and role values: "relatedStories share-bar" -> related, stories, share, bar."""
    return frozenset(t.lower() for t in re.split(r"[^A-Za-z]+", _CAMEL.sub(" ", names)) if t)


def _named_box(el) -> bool:
    """The element is a box beside the article by the page's own naming: its tag (aside, nav,
    footer), ARIA role (complementary, navigation, contentinfo) or a word of its class or id
    (``page_regions.csv``: related, newsletter, promo, share, ...)."""
    if not isinstance(el.tag, str):
        return False
    if el.tag in ("aside", "nav", "footer"):
        return True
    names = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('role') or ''}"
    return bool(names.strip()) and bool(_name_tokens(names) & _cue_set("page_regions", "box"))


def page_evidence(html: str | bytes | None) -> PageEvidence:
    """The page's evidence about its paragraphs (see :class:`PageEvidence`); empty without HTML."""
    return html if isinstance(html, PageEvidence) else PageEvidence(html)


# --- paragraph shapes ------------------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _action_call() -> re.Pattern:
    """An unambiguous call to action opening a sentence or clause, followed by what such calls take
    ("Sign up for", "Subscribe now", "Unlock this", "Don't miss out"): "Download speeds" is prose."""
    alts = _cue_re("pitch_words", "action").pattern
    return re.compile(rf"(?:^|[.!?:;,(\[—–]\s*)[\W\d_]*{alts}\s+(?:for|to|now|today|here|up|out|our|the|this|these|your|"
                      rf"free|and|a|an|unlimited|all|every|more|at|with|on|in|via|by)\b|(?:^|[.!?:;,(\[—–]\s*)[\W\d_]*"
                      rf"{alts}\W*$", re.I)


def _pitch(p: str, n: int) -> bool:
    if n > 60 or _reported(p):
        return False
    if (_cue_re("pitch_words", "paywall").search(p) or _cue_re("pitch_words", "phrase").search(p)) and n <= 40:
        return True
    imperative = _imperative(p)
    noun = _cue_re("pitch_words", "noun").search(p)
    if noun and (imperative or (_cue_re("pitch_words", "action").search(p) and
                                (_SECOND_PERSON.search(p) or _OUTLET_VOICE.search(p)))):
        return True  # "Sign up for our newsletter", "We'd love you to subscribe to our alerts"
    if imperative and _cue_re("pitch_words", "weak").search(p) and n <= 30:
        return True  # "Enter your email", "Download our app"
    if n <= 25 and _action_call().search(p):
        return True  # "Want more? Sign up for the Weekend Read", "Unlock this article today"
    if n <= 8 and not _ends_sentence(p):
        # "Newsletter", "SIGN UP", "Subscribe now": a line made only of pitch words and small words
        rest = p
        for role in ("noun", "action", "verb"):
            rest = _cue_re("pitch_words", role).sub(" ", rest)
        rest_words = [w for w in _words(rest) if w.lower() not in {"now", "today", "here", "free", "for", "to", "the",
                                                                   "our", "your", "a", "and", "up", "in", "more"}]
        return not rest_words and rest.strip() != p.strip() and bool(noun or _cue_re("pitch_words", "action").search(p))
    return False


_HELP_IMPERATIVE = re.compile(r"(?:^|[.!?:;,(—–]\s*)(?:please\s+)?(?:call|text|dial|contact|visit|reach out|ring|phone|"
                              r"chat|go to|help is available|support is available|for (?:confidential )?(?:help|support)|"
                              r"need (?:help|support|to talk))\b|\banyone\b[^.]{0,60}\bcan\s+(?:call|text|contact|ring|"
                              r"reach)\b", re.I)


_HELP_PASSIVE = re.compile(r"\b(?:can|may)\s+be\s+(?:contacted|reached|called|texted)\b|\b(?:is|are)\s+available\b|"
                           r"\b24/7\b|\b24\s+hours\b|\bfree(?:phone)?\b", re.I)


def _helpline(p: str, n: int) -> bool:
    """Addressed to the reader (if you / call / anyone ... can contact) and giving a number or a
    service; a service's own notice ("... can be contacted on freephone 116 123"); a short line
    naming a helpline and its number."""
    phones = len(_PHONE.findall(p))
    if n > (160 if phones >= 2 else 90) or _reported(p):
        return False
    phone = phones > 0
    help_words = bool(_HELP_WORDS.search(p))
    if n <= 15 and phone and help_words:
        return True  # "Domestic abuse helpline: 0800 123 4567"
    if _IF_YOU.search(p) and (phone or help_words or _HELP_VERBS.search(p)):
        return True
    addressed = bool(_SECOND_PERSON.search(p) or _HELP_IMPERATIVE.search(p))
    if addressed and (phone or help_words) and (help_words or _HELP_VERBS.search(p)):
        return True
    # the service's own notice: "Samaritans can be contacted on freephone 116 123"
    return help_words and (phone or "@" in p or bool(re.search(r"\b\d{3,}\b", p))) and bool(_HELP_PASSIVE.search(p))


def _caption(p: str, n: int, ev: dict | None) -> bool:
    if ev and ev["caption"] and n <= 80:
        return True
    label = _cue_re("photo_credits", "label")
    m = label.match(re.sub(r"^\W+", "", p))
    if m and n <= 25 and re.match(r"\s*(?:[:|,]|by\b|credits?\b|courtesy\b|source\b|\w+\s*:)", p[p.lower().find(m.group(0).lower()) + len(m.group(0)):], re.I):
        return True
    if n <= 90 and (_CREDIT_END.search(p) or _CREDIT_TAIL.search(p) or _PAREN_SLASH_CREDIT.search(p)):
        return True
    agency = _cue_re("photo_credits", "agency")
    if n <= 12 and not _ends_sentence(p.rstrip(")")):
        if _SLASH_CREDIT.match(p) and (agency.search(p) or p.count("/") >= 2):
            return True
        if re.match(r"^\W{0,4}(?:©|\(c\)|copyright\b)", p, re.I):
            return True
        if agency.search(p) and re.search(r"(?:/|\bvia\b|\bfor\b|\bby\b)", p, re.I):
            return True
        if re.fullmatch(r"\W*(?:" + agency.pattern + r")\W*", p, re.I):
            return True
    if n <= 40 and re.search(r"\s(?:/|\|)\s*(?:" + agency.pattern + r")(?:\s*/\s*[\w ]+)?\W*$", p, re.I):
        return True
    return False


def _disclosure(p: str, n: int) -> bool:
    if _AD_LINE.match(p) and n <= 12:
        return True
    if n <= 4 and not _ends_sentence(p):
        words = [w.lower() for w in _words(p)]
        if words and all(w in _cue_set("page_furniture", "ad") or w in {"content", "post", "by", "the", "a", "an",
                                                                         "feature", "story"} for w in words) \
                and any(w in _cue_set("page_furniture", "ad") for w in words):
            return True
    return n <= 80 and bool(_AFFILIATE.search(p)) and not _reported(p)


def _prompt(p: str, n: int) -> bool:
    if n <= 30 and _PROMPT.match(p) and not _reported(p):
        return True
    if n <= 8:
        words = [w.lower() for w in _words(p)]
        share = _cue_set("page_furniture", "share")
        if words and all(w in share or w in {"on", "this", "article", "story", "via", "the", "to", "us"} for w in words) \
                and any(w in share for w in words):
            return True
    return False


def _date_line(p: str, n: int) -> bool:
    if n > 10 or not _DIGITS.search(p):
        return False
    words = [w.lower().strip(".") for w in _words(p)]
    return all(w in _DATE_WORDS for w in words)


# "— Jane Roe (@janeroe) March 3, 2024": the signature line of an embedded post
_EMBED_SIGNATURE = re.compile(r"^\W{0,4}[—–-]\s*[^()]{1,60}\(@\w{1,30}\)\s+\w+\s+\d{1,2},\s+\d{4}\W*$")


def _nav_bar(p: str, n: int) -> bool:
    """Three or more short items between pipes: "| Home | World | Sport | Contact us |"."""
    items = [x.strip() for x in p.split("|") if x.strip()]
    return n <= 40 and p.count("|") >= 3 and len(items) >= 3 and all(_n_words(x) <= 4 for x in items)


def _chrome(p: str, n: int, ev: dict | None, title_key: str, author_key: str) -> bool:
    k = _key(p)
    if _EMBED_SIGNATURE.match(p) or _nav_bar(p, n):
        return True
    if title_key and k == title_key:
        return True
    if author_key and k in (author_key, "by" + author_key):
        return True
    if _date_line(p, n):
        return True
    if n <= 14 and _CHROME.search(p):
        return True
    if n <= 6 and not _ends_sentence(p):
        words = [w.lower() for w in _words(p)]
        ui = _cue_set("page_furniture", "ui")
        if words and all(w in ui for w in words) and len(words) <= 4:
            return True
    if ev and n <= 8 and ev["count"] >= 3 and not _ends_sentence(p):
        return True  # a short line the page repeats three times or more: navigation, labels, widgets
    return False


def _link_line(p: str, n: int, ev: dict | None) -> bool:
    """A single line that points elsewhere: "Read more: ...", "[Related: ...]", or a headline that is all link."""
    if n <= 30 and (_INLINE_LINK.match(p) or _BRACKET_LINK.match(p)) and not _reported(p):
        return True
    return bool(ev and ev["link_share"] >= 0.9 and not ev["heading"] and 2 <= n <= 20 and not _ends_sentence(p)
                and not _reported(p))


def _truncated(p: str, n: int) -> bool:
    """A story teaser cut off mid-sentence (or with an ellipsis)."""
    return n >= 15 and bool(_TRUNCATED_END.search(p.rstrip())) and not p.rstrip().endswith(":")


# --- the pass --------------------------------------------------------------------------------------

def find_boilerplate(paragraphs: list[str], *, html=None, title: str | None = None, author: str | None = None,
                     kinds="all", others: dict | None = None) -> list[str | None]:
    """The kind of boilerplate each paragraph is ("pitch", "helpline", "links", "caption",
    "disclosure", "prompt", "chrome", "outside"), or None for article text.

    html: the page the paragraphs were extracted from (str, bytes, or a :func:`page_evidence`),
        for link shares, caption markup and repetition; without it only the text shapes count.
    title, author: the article's headline and byline: a paragraph repeating either is chrome.
    kinds: "all" or some of :data:`KINDS`: only these kinds are looked for.
    others: {name: text} of other extractions of the same page (``toolkit.load.extractors``:
        trafilatura's precision mode, readability): where they agree on the article, what stands
        before or after it is "outside" (see :func:`_mark_outside`).

    >>> find_boilerplate(["The council met on Tuesday to vote on the budget.",
    ...                   "Sign up for our morning newsletter and never miss a story.",
    ...                   "Photo: Jane Roe/Example Agency",
    ...                   "If you or someone you know is struggling, call or text 988."])
    [None, 'pitch', 'caption', 'helpline']

    Raises InvalidOptionError for a kind not in :data:`KINDS`.
    """
    wanted = _check_kinds(kinds)
    evidence = page_evidence(html)
    paras = [p if isinstance(p, str) else "" for p in paragraphs]
    # size in words, or in twelfths of its characters when longer: a 10,000-character "word" is no
    # short line, and the short-line shapes must not be tried on it
    sizes = [max(_n_words(p), len(p) // 12) for p in paras]
    evs = [evidence.of(p) for p in paras]
    title_key, author_key = _key(title), _key(author)
    out: list[str | None] = [None] * len(paras)

    def mark(i, kind):
        if kind in wanted and out[i] is None:
            out[i] = kind

    for i, p in enumerate(paras):
        n, ev = sizes[i], evs[i]
        if not p.strip():
            continue
        for kind, hit in (("helpline", lambda: _helpline(p, n)),
                          ("pitch", lambda: _pitch(p, n) or bool(ev and ev["widget"] and n <= 40 and not _reported(p))),
                          ("caption", lambda: _caption(p, n, ev)), ("disclosure", lambda: _disclosure(p, n)),
                          ("prompt", lambda: _prompt(p, n)), ("links", lambda: _link_line(p, n, ev)),
                          ("chrome", lambda: _chrome(p, n, ev, title_key, author_key))):
            if kind in wanted and hit():
                out[i] = kind
                break
    if "links" in wanted:
        _mark_link_blocks(paras, sizes, evs, out)
        _mark_teaser_rivers(paras, sizes, out)
    if "chrome" in wanted:
        _mark_repeats(paras, sizes, out)
    if others and "outside" in wanted:
        _mark_outside(paras, sizes, agreement(paras, others), evidence, out, evs)
    return out


# --- agreement between extractions ----------------------------------------------------------------

# A paragraph of this many letters and digits or more can stand for the article's extent: a short
# line ("Share", "Photos") is found inside any long text by chance.
ANCHOR_KEY = 40
# One extraction alone marks the article's extent only when it holds this share of the text.
ALONE_SHARE = 0.5


def agreement(paragraphs: list[str], others: dict) -> list[frozenset]:
    """For each paragraph, the names of the other extractions (``others``: {name: text}) whose
    text holds it (compared on letters and digits, so line breaks and bullets do not count).

    >>> agreement(["Lead of the story.", "Sign up now"], {"precision": "Lead of the  story."})
    [frozenset({'precision'}), frozenset()]
    """
    keys = {name: _key(text) for name, text in (others or {}).items() if isinstance(text, str)}
    out = []
    for p in paragraphs:
        k = _key(p)
        out.append(frozenset(name for name, other in keys.items() if k and k in other))
    return out


def _anchors(paras, agree, out) -> list[int]:
    """The paragraphs that mark the article's extent: long enough, not boilerplate by their shape,
    and held by another extraction -- when the others agree on the article: two of them hold one
    same paragraph, or one alone holds at least :data:`ALONE_SHARE` of the text (one extraction
    that picked a wrong block has no say)."""
    strong = [i for i, p in enumerate(paras) if agree[i] and out[i] is None and len(_key(p)) >= ANCHOR_KEY]
    if not strong:
        return []
    names = {n for i in strong for n in agree[i]}
    if len(names) >= 2 and any(len(agree[i]) >= 2 for i in strong):
        return strong
    total = sum(len(p) for p in paras) or 1
    if sum(len(paras[i]) for i in strong) >= ALONE_SHARE * total:
        return strong
    return []


def _container(evidence, paras, anchors):
    """The page element that holds the article: the deepest one holding nine tenths of the
    anchors' text (one stray anchor elsewhere does not widen it to the whole page), or None."""
    weight: dict = {}
    depth: dict = {}
    total = 0
    for i in anchors:
        places = evidence.places(paras[i])
        if len(places) != 1:
            continue  # not found, or in several places: no say on where the article is
        total += len(paras[i])
        chain = [places[0]] + list(places[0].iterancestors())
        for d, el in enumerate(reversed(chain)):
            weight[el] = weight.get(el, 0) + len(paras[i])
            depth[el] = d
    if not total:
        return None
    held = [el for el, w in weight.items() if w >= 0.9 * total]
    return max(held, key=lambda el: depth[el]) if held else None


_FLOW_WRAPPERS = ("ul", "ol", "dl", "li", "blockquote", "table", "thead", "tbody", "tfoot", "tr")


def _in_flow(places, flow, ev) -> bool:
    """The paragraph stands among the article's own paragraphs: its element is a sibling of
    theirs (same parent), it names no box beside the article, and it is not mostly link text
    (unless a heading: a linked sub-heading is the article's own)."""
    if ev is not None and ev["link_share"] >= 0.5 and not ev["heading"]:
        return False
    for e in places:
        # an item of a list, quote or table that stands among the paragraphs counts as they do
        for _ in range(5):
            parent = e.getparent()
            if parent is None or _named_box(e):
                break
            if parent in flow:
                return True
            if parent.tag not in _FLOW_WRAPPERS:
                break
            e = parent
    return False


def _in_box(el, box) -> bool:
    """``el`` lies inside the element ``box`` with no box beside the article named in between."""
    for e in [el, *el.iterancestors()]:
        if e is box:
            return True
        if _named_box(e):
            return False
    return False


def _mark_outside(paras, sizes, agree, evidence, out, evs=None):
    """Blocks that trafilatura's default run took in and that are not the article, found by the
    other extractions of the page (``agree``: who holds each paragraph; see :func:`agreement`)
    where they agree on the article (:func:`_anchors`):

    - before the first or after the last paragraph they hold: a river of other stories under the
      article, a footer, a box of links above the headline. A paragraph of prose there that lies
      inside the page element holding the article (:func:`_container`), in no box named as beside
      it, is the article's own (a closing paragraph the others cut) and stays.
    - between them, a block neither holds: a sign-up box, a helpline box, a related-stories card,
      a caption. It stays only when it stands among the article's paragraphs (:func:`_in_flow`),
      or is a list item or sub-heading of text, not links, inside the article's element in no
      box named as beside it (a bullet list of a review's pros and cons).

    Made-up example: the others hold "Lead ..." to "Last paragraph ..."; the default run also
    kept, between them, "Get our briefing every morning." from ``<div class="newsletter-box">``,
    and after them three summaries of other stories: all four go. A sub-heading ``<h2>Costs</h2>``
    between two of the article's ``<p>`` that the others dropped stays.
    """
    anchors = _anchors(paras, agree, out)
    if not anchors:
        return
    lo, hi = anchors[0], anchors[-1]
    box = _container(evidence, paras, anchors)
    flow = {e.getparent() for i in anchors for e in evidence.places(paras[i]) if e.getparent() is not None}
    for i in range(lo + 1, hi):
        if out[i] is None and not agree[i] and paras[i].strip():
            places, ev = evidence.places(paras[i]), evs[i] if evs else None
            if _in_flow(places, flow, ev):
                continue
            if box is not None and ev and (ev["list_item"] or ev["heading"]) and ev["link_share"] < 0.5 and \
                    places and all(_in_box(e, box) for e in places):
                continue  # a list item or sub-heading of text (not of links) inside the article's element
            out[i] = "outside"
    for i in [*range(lo), *range(hi + 1, len(paras))]:
        if out[i] is not None or not paras[i].strip():
            continue
        if box is not None and _ends_sentence(paras[i]) and sizes[i] >= 8:
            places = evidence.places(paras[i])
            if places and all(_in_box(e, box) for e in places):
                continue
        out[i] = "outside"


def _mark_link_blocks(paras, sizes, evs, out):
    """A marker line ("More from ...", "Related", "You might also like") and the run of headlines
    after it; a run of two or more all-link headlines; a story summary right after a linked
    headline inside such a run. A marker followed by prose is a sub-heading and stays."""
    i = 0
    while i < len(paras):
        p, n = paras[i], sizes[i]
        is_marker = n <= 8 and not _ends_sentence(p) and _LINK_MARKER.match(p)
        linked = _is_linked(evs[i], n, p)
        if not is_marker and not linked:
            i += 1
            continue
        j, summaries = _link_run(paras, sizes, evs, out, i, is_marker, linked, allow_summaries=True)
        if summaries and not is_marker and not all(out[k] is not None for k in range(j, len(paras))):
            # summaries under linked headlines count only in a trailing block of cards: inside the
            # article the same shape is a list of linked items with their descriptions
            j, summaries = _link_run(paras, sizes, evs, out, i, is_marker, linked, allow_summaries=False)
        run = j - i
        if is_marker and (run >= 2 or j == len(paras)):
            for k in range(i, j):
                out[k] = out[k] or "links"
        elif not is_marker and sum(_is_linked(evs[k], sizes[k], paras[k]) for k in range(i, j)) >= 2:
            for k in range(i, j):
                out[k] = out[k] or "links"
        i = max(j, i + 1)


def _link_run(paras, sizes, evs, out, i, is_marker, linked, *, allow_summaries):
    """(end, number of summaries) of the run of links that starts at paragraph i."""
    j = i + 1
    prev_linked, summaries = linked, 0
    while j < len(paras):
        q, m = paras[j], sizes[j]
        q_linked = _is_linked(evs[j], m, q)
        if q_linked or (out[j] is not None) or (is_marker and _headline_like(q) and not _ends_sentence(q)):
            prev_linked = q_linked
            j += 1
            continue
        # the summary under a linked headline: only where the list goes on with another linked
        # headline after it (or ends the text after earlier summaries), so that the article's
        # next paragraph is never taken for one
        nxt = j + 1 < len(paras) and _is_linked(evs[j + 1], sizes[j + 1], paras[j + 1])
        if allow_summaries and prev_linked and m <= 45 and (nxt or (j + 1 == len(paras) and summaries)):
            prev_linked, summaries = False, summaries + 1
            j += 1
            continue
        break
    return j, summaries


def _is_linked(ev, n, p) -> bool:
    return bool(ev and ev["link_share"] >= 0.6 and n <= 25 and not _ends_sentence(p))


def _mark_teaser_rivers(paras, sizes, out):
    """Three or more story teasers cut off mid-sentence within a short stretch: a river of other
    stories. It runs from the first cut-off teaser; when it ends near the end of the text, the
    few paragraphs after it (teasers that happen to end on a full stop) go with it."""
    cut = [_truncated(p, n) and out[i] is None for i, (p, n) in enumerate(zip(paras, sizes))]
    i = 0
    while i < len(paras):
        if not cut[i]:
            i += 1
            continue
        j, last, hits = i, i, 0
        while j < len(paras) and j - last <= 2 and sizes[j] >= 10:
            if cut[j]:
                hits, last = hits + 1, j
            j += 1
        if hits >= 3 and hits * 2 >= (last - i + 1):
            end = last + 1
            tail = range(end, len(paras))
            if len(tail) <= 4 and all(10 <= sizes[k] <= 90 for k in tail):
                end = len(paras)
            for k in range(i, end):
                out[k] = out[k] or "links"
            i = end
        else:
            i = last + 1


def _mark_repeats(paras, sizes, out):
    """A paragraph met before in the same text is a copy (pull quotes, repeated player titles);
    a short line that repeats goes everywhere it stands."""
    seen: dict[str, int] = {}
    for i, p in enumerate(paras):
        k = _key(p)
        if not k:
            continue
        if k in seen:
            out[i] = out[i] or "chrome"
            first = seen[k]
            if sizes[i] <= 12 and not _ends_sentence(p):
                out[first] = out[first] or "chrome"
        else:
            seen[k] = i


def remove_boilerplate(paragraphs: list[str], *, html=None, title: str | None = None, author: str | None = None,
                       kinds="all", others: dict | None = None) -> tuple[list[str], list[str]]:
    """(kept paragraphs, removed paragraphs): :func:`find_boilerplate` applied. Same options.

    >>> remove_boilerplate(["Lead paragraph of the story.", "ADVERTISEMENT", "Second paragraph.",
    ...                     "Share this article", "Follow us on Facebook and X"])
    (['Lead paragraph of the story.', 'Second paragraph.'], ['ADVERTISEMENT', 'Share this article', 'Follow us on Facebook and X'])
    """
    found = find_boilerplate(paragraphs, html=html, title=title, author=author, kinds=kinds, others=others)
    kept = [p for p, k in zip(paragraphs, found) if k is None]
    removed = [p for p, k in zip(paragraphs, found) if k is not None]
    return kept, removed


# --- across the pages of a site --------------------------------------------------------------------

# A paragraph this long or longer is never taken for site boilerplate, however often it repeats.
SITE_REPEAT_MAX_WORDS = 80
# Two pages sharing this share of their paragraphs (of the shorter page) are versions of one story.
SAME_STORY_SHARE = 0.5


def text_key(text) -> str:
    """Letters and digits only, NFKC, casefolded: what "the same paragraph" compares."""
    return _key(text)


def site_repeats(pages: list[list[str]]) -> list[set[str]]:
    """For each page of one site (its paragraphs), the keys (:func:`text_key`) of its paragraphs
    that another page of the site holds too: the site's own boilerplate (a newsletter box, a
    helpline, a standing disclaimer), found by repetition, not by its words. Pages that share at least
    :data:`SAME_STORY_SHARE` of their paragraphs are versions of one story and do not count for
    each other; paragraphs of :data:`SITE_REPEAT_MAX_WORDS` words or more never count.

    >>> site_repeats([["Storm hits the coast.", "Roads are closed.", "Get our daily briefing."],
    ...               ["Council passes the budget.", "Taxes rise.", "Get our daily briefing."]])
    [{'getourdailybriefing'}, {'getourdailybriefing'}]

    Limits: a background paragraph that two different stories of one site share word for word
    goes from both.
    """
    keysets = []
    for paras in pages:
        keysets.append({_key(p) for p in paras if _key(p) and _n_words(p) < SITE_REPEAT_MAX_WORDS})
    where: dict[str, list[int]] = {}
    for i, keys in enumerate(keysets):
        for k in keys:
            where.setdefault(k, []).append(i)
    all_keys = [{_key(p) for p in paras if _key(p)} for paras in pages]
    same: dict[tuple[int, int], bool] = {}

    def same_story(i, j):
        a, b = min(i, j), max(i, j)
        if (a, b) not in same:
            shared = len(all_keys[a] & all_keys[b])
            same[a, b] = shared >= SAME_STORY_SHARE * max(1, min(len(all_keys[a]), len(all_keys[b])))
        return same[a, b]

    out = [set() for _ in pages]
    for k, found in where.items():
        if len(found) < 2:
            continue
        for i in found:
            if any(j != i and not same_story(i, j) for j in found):
                out[i].add(k)
    return out


# --- teasers ---------------------------------------------------------------------------------------

def _paywall_markup(html) -> str | None:
    """Why the page's markup says it is paywalled, or None."""
    if not html:
        return None
    text = html.decode("utf-8", errors="replace") if isinstance(html, bytes) else str(html)
    if re.search(r"[\"']isAccessibleForFree[\"']\s*:\s*(?:false|[\"']false[\"'])", text, re.I):
        return "its JSON-LD says isAccessibleForFree: false"
    if re.search(r"<meta[^>]+(?:property|name)=[\"']article:content_tier[\"'][^>]+content=[\"'](?:locked|metered)",
                 text, re.I):
        return "its article:content_tier is locked/metered"
    return None


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _text_words(p: str) -> int:
    """Words of a paragraph; in Chinese, Japanese and Korean, which do not space words, two
    characters count as one word."""
    cjk = len(_CJK.findall(p))
    return _n_words(_CJK.sub(" ", p)) + cjk // 2 if cjk else _n_words(p)


def find_teaser(paragraphs: list[str], *, html=None, removed: list[str] | tuple = ()) -> str | None:
    """Why the text is only a teaser, a caption or a stub and not a full article, or None.

    A text of fewer than :data:`MIN_ARTICLE_WORDS` words is a teaser; so is one of fewer than
    :data:`PAYWALL_TEASER_WORDS` words from a page marked paywalled (JSON-LD ``isAccessibleForFree:
    false``, ``article:content_tier`` locked or metered) or from which a paywall line ("Subscribe to
    continue reading") was removed (``removed``: the paragraphs :func:`remove_boilerplate` took out).

    >>> find_teaser(["A short caption about a parade on Sunday."])
    'only 8 words of text: a teaser, caption or stub, not a full article'

    Words are spaced words; in Chinese, Japanese and Korean two characters count as one.

    Limits: a full article hidden behind a script-drawn paywall, with a long teaser, is not found;
    a genuine news brief under 80 words is flagged too.
    """
    words = sum(_text_words(p) for p in paragraphs)
    if words < PAYWALL_TEASER_WORDS:
        why = _paywall_markup(html)
        if why is None and any(_cue_re("pitch_words", "paywall").search(p) for p in removed):
            why = "a paywall line was removed from it"
        if why:
            return f"only {words} words and the page is paywalled ({why}): the teaser of an article"
    if words < MIN_ARTICLE_WORDS:
        return f"only {words} words of text: a teaser, caption or stub, not a full article"
    return None


def is_teaser(paragraphs: list[str], html=None, *, removed: list[str] | tuple = ()) -> bool:
    """True when :func:`find_teaser` finds the text is only a teaser, caption or stub."""
    return find_teaser(paragraphs, html=html, removed=removed) is not None


# --- titles ----------------------------------------------------------------------------------------

def _site_keys(site, url) -> set[str]:
    keys = set()
    for s in ([site] if isinstance(site, str) or site is None else list(site)):
        k = _key(s)
        if k:
            keys.add(k)
            keys.add(_key(re.sub(r"^the\s+", "", s or "", flags=re.I)))
            keys.add(_key(re.sub(r"\.(?:com|net|org|co\.uk|co|news|info|[a-z]{2})$", "", s or "", flags=re.I)))
    if url:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
        parts = [p for p in host.split(".") if p not in ("www", "m", "amp", "edition", "mobile")]
        if len(parts) >= 2:
            keys.add(_key(parts[-2] if len(parts[-1]) > 2 or len(parts) < 3 or parts[-2] not in ("co", "com", "org", "net", "gov", "ac")
                          else parts[-3]))
            keys.add(_key(".".join(parts)))
    keys.discard("")
    return keys


def _is_site(segment: str, sites: set[str]) -> bool:
    """The segment names the site: the same letters as one of its names, with or without "The"
    and a domain ending ("Ledger.example.com" for "Ledger"). Only whole names: a looser match
    ("Ledger" inside "Ledger Times Weekly") cut real headline words in trials."""
    for form in (segment, re.sub(r"^the\s+", "", segment, flags=re.I),
                 re.sub(r"(?:\.[a-z]{2,12})+$", "", segment.strip(), flags=re.I)):
        k = _key(form)
        if k and k in sites:
            return True
    return False


def clean_title(title: str | None, *, site=None, url: str | None = None, section: str | None = None) -> str | None:
    """The headline without the site name around it.

    Cuts a segment after (or before) " | ", " - ", " – ", " — ", " · ", " :: ", " » " when it is
    the site (``site``: a name or a list of names, e.g. og:site_name; ``url``: its domain) or the
    page's ``section``; and a short last segment after " | " whatever it says (pipes in <title>
    separate site furniture; headlines rarely hold one). Nothing is cut when that would leave
    fewer than two words.

    >>> clean_title("Council approves water plan | The Daily Ledger")
    'Council approves water plan'
    >>> clean_title("Council approves water plan - The Daily Ledger", site="Daily Ledger")
    'Council approves water plan'
    >>> clean_title("Storm closes port - World - Ledger.example", url="https://ledger.example/x", section="World")
    'Storm closes port'
    >>> clean_title("Budget row: a minister - and a mayor - speak out")
    'Budget row: a minister - and a mayor - speak out'

    Limits: a site name that is not given and does not follow a pipe stays ("Headline - Outlet"
    with no ``site``/``url``); a bracketed name ("Headline [Outlet]") is cut only when it is the site.
    """
    if not isinstance(title, str):
        return title
    out = " ".join(title.split())
    if not out:
        return None
    sites = _site_keys(site, url)
    section_key = _key(section)
    for _ in range(3):
        m = re.match(r"^(.*\S)\s*[\[(]([^\[\]()]{2,40})[\])]$", out)
        if m and _is_site(m.group(2), sites):
            out = m.group(1)
            continue
        parts = _SEPARATOR.split(out)
        seps = _SEPARATOR.findall(out)
        if len(parts) < 2:
            break
        last, first = parts[-1], parts[0]
        head = out[: out.rfind(seps[-1])].strip()
        tail = out[out.find(seps[0]) + len(seps[0]):].strip()
        if (_is_site(last, sites) or (section_key and _key(last) == section_key)) and len(_words(head)) >= 2:
            out = head
        elif "|" in seps[-1] and _n_words(last) <= 5 and len(_words(head)) >= 3:
            out = head
        elif _is_site(first, sites) and len(_words(tail)) >= 2:
            out = tail
        else:
            break
    return out


# --- bylines ---------------------------------------------------------------------------------------

def _clean_name(part: str, sites: set[str]) -> tuple[str | None, str | None]:
    """(the person named in one part of a byline, or None; the outlet it names instead, or None)."""
    tokens = part.split()
    prefix = _cue_set("byline_words", "prefix")
    while tokens and tokens[0].lower().rstrip(":") in prefix:
        tokens = tokens[1:]
    # dates and times: "February 3, 2025", "12:46", "Updated" (a month right after a name of two
    # words or more is a date's remnant; "Theresa May" keeps hers)
    kept = []
    for t in tokens:
        w = t.lower().strip(".,:;()")
        if _DIGITS.search(t) or w in _BYLINE_DATE_WORDS or (w in _MONTHS and len(kept) >= 2):
            break
        kept.append(t)
    tokens = kept
    if any(c.isupper() for t in tokens for c in t):
        # trailing and leading lowercase words ("ago", "por") are never part of a capitalised name;
        # an all-lowercase byline ("jdoe") is a handle and stays
        while tokens and not any(c.isupper() for c in tokens[-1]):
            tokens = tokens[:-1]
        while tokens and not any(c.isupper() for c in tokens[0]):
            tokens = tokens[1:]
    # a job title after the name: "Games Editor", "Senior Political Correspondent"
    role = _cue_set("byline_words", "role")
    qual = _cue_set("byline_words", "qualifier") | _cue_set("byline_words", "outlet")
    low = [t.lower().strip(".,") for t in tokens]
    for start in range(2, len(tokens)):
        rest = low[start:]
        if rest and rest[-1] in role and all(w in qual or w in role or w in ("of", "the", "and", "for") for w in rest):
            tokens, low = tokens[:start], low[:start]
            break
    name = " ".join(tokens).strip(" ,;:-|/")
    if not name:
        return None, None
    low = [w.lower() for w in _words(name)]
    placeholder = _cue_set("byline_words", "placeholder") | role | qual
    if all(w in placeholder for w in low):
        return None, None  # "No Author", "Staff", "Our Foreign Staff", "Username"
    if _is_site(name, sites) or _key(name) in sites:
        return None, name
    rest = " ".join(w for w in _words(name) if w.lower() not in placeholder)
    if rest != name and _key(rest) in sites:
        return None, None  # "Example Staff" on Example's own page
    outlet = _cue_set("byline_words", "outlet")
    if len(low) >= 2 and low[-1] in outlet:
        return None, name  # "Kito News", "Web Desk", "Example Media Group"
    if re.fullmatch(r"[A-Z]{2,5}", name):
        return None, name  # "CNN", "AFP": an outlet's initials, not a person
    return name, None


def clean_byline(author: str | None, *, site=None, url: str | None = None) -> str | None:
    """The people in a byline, joined by "; ", without "By", dates, job titles, outlet names and
    placeholders. An outlet (or the site itself) credited alone is the byline, cleaned the same
    way; None when nobody is named (a placeholder, a date).

    >>> clean_byline("By Jane Roe and John Doe")
    'Jane Roe; John Doe'
    >>> clean_byline("Jane Roe; Example News", site="Example News")
    'Jane Roe'
    >>> clean_byline("Example News February")
    'Example News'
    >>> clean_byline("No Author")
    >>> clean_byline("Sam Poe Senior Politics Reporter")
    'Sam Poe'
    >>> clean_byline("Ana Lima; ANA LIMA")
    'Ana Lima'

    Limits: a name written all in capitals stays so; initials of a person written as one capital
    word of two to five letters are taken for an outlet (and kept only when alone); a surname
    equal to a month is cut when it follows two other words.
    """
    if not isinstance(author, str):
        return author
    sites = _site_keys(site, url)
    names, seen, outlets = [], set(), []
    for part in _BYLINE_SPLIT.split(author):
        name, outlet = _clean_name(part, sites) if part.strip() else (None, None)
        if name and _key(name) not in seen:
            seen.add(_key(name))
            names.append(name)
        elif outlet:
            outlets.append(outlet)
    return "; ".join(names) or (outlets[0] if outlets else None)


def page_byline(html, *, site=None, url: str | None = None) -> str | None:
    """The byline the page marks as such, cleaned by :func:`clean_byline`, or None: the first short
    element (under 120 characters) with ``itemprop="author"``, ``rel="author"`` or a class word
    "byline" / "author", not inside a list item, a link or a box beside the article (the authors
    of other stories, of comments). For a page whose metadata names nobody or a placeholder
    ("Username").

    >>> page_byline('<p>Text.</p><span class="story-byline">By Jane Roe</span>')
    'Jane Roe'

    Limits: a byline in no such markup is not found; the first marked element wins.
    """
    if not html:
        return None
    doc = _parse(html)
    if doc is None:
        return None
    for bad in doc.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    for el in doc.iter():
        if not isinstance(el.tag, str) or el.tag in ("meta", "link", "a") and el.get("rel") != "author":
            continue
        names = f"{el.get('class') or ''} {el.get('id') or ''}"
        if not (el.get("itemprop") == "author" or el.get("rel") == "author" or
                (names.strip() and _name_tokens(names) & {"byline", "author"})):
            continue
        text = " ".join(el.text_content().split())
        if not text or len(text) > 120:
            continue
        if any(a.tag in ("li", "a") or _named_box(a) for a in el.iterancestors()):
            continue  # the author of another story in a list of links, a comment's author
        got = clean_byline(text, site=site, url=url)
        if got:
            return got
    return None


# --- sections --------------------------------------------------------------------------------------

_META_SECTION = ("article:section", "og:article:section", "section", "article.section", "parsely-section",
                 "sailthru.section", "category", "article:category", "dc.subject")


def _json_ld(doc) -> list[dict]:
    out = []

    def walk(obj):
        if isinstance(obj, list):
            for o in obj:
                walk(o)
        elif isinstance(obj, dict):
            out.append(obj)
            for k in ("@graph", "mainEntity", "itemListElement"):
                if k in obj and k != "itemListElement":
                    walk(obj[k])

    for s in doc.xpath("//script[@type='application/ld+json']"):
        try:
            walk(json.loads(s.text or ""))
        except (ValueError, RecursionError):
            continue
    return out


def _section_text(value) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    if re.fullmatch(r"/?[\w-]+(?:/[\w-]+)*/?", value) and ("/" in value or "_" in value):
        # a path ("/world/middle_east"): its deepest part, as words
        value = re.split(r"/", value.strip("/"))[-1].replace("_", " ").replace("-", " ")
        value = value.title() if value.islower() else value
    if not value or len(value) > 60 or value.lower() in ("none", "null", "undefined") or re.fullmatch(r"[\W\d_]+", value):
        return None
    return value


def _crumbs_section(names: list[str], title: str | None, site: set[str]) -> str | None:
    names = [" ".join(n.split()) for n in names if isinstance(n, str) and n.strip()]
    share = _cue_set("page_furniture", "share")
    names = [n for n in names
             if not re.search(r"\bhome(?:page)?\b|^(?:start|startseite|accueil|inicio|início|front page)$", n, re.I)
             and not _DIGITS.search(n)  # archive crumbs: "2015", "Week 15"
             and not any(w.lower() in share for w in _words(n))  # actions: "Print", "Email a friend"
             and not _is_site(n, site)]
    if names and ((title and _key(names[-1]) == _key(title)) or _n_words(names[-1]) >= 6):
        names = names[:-1]  # the last crumb is the article itself
    return _section_text(names[-1]) if names else None


def page_section(html, *, title: str | None = None, site=None) -> str | None:
    """The section the page puts the article in, from its metadata, or None.

    In order: ``<meta property="article:section">`` (and ``parsely-section``, ``section``,
    ``category`` metas, ``itemprop="articleSection"``); JSON-LD ``articleSection``; the deepest
    breadcrumb (JSON-LD ``BreadcrumbList``, else an element whose class or id says "breadcrumb"),
    leaving out "Home", the site (``site``: its name or names), dates, actions ("Print") and the
    article itself (``title``, or a crumb of six words or more). A path ("/world/middle_east") gives
    its deepest part ("Middle East").

    >>> page_section('<html><head><meta property="article:section" content="Politics"></head></html>')
    'Politics'
    >>> page_section('<script type="application/ld+json">{"@type": "NewsArticle", "articleSection": ["Health"]}</script>')
    'Health'

    Limits: a section named only in the page's visible text or URL is not found.
    """
    if not html:
        return None
    doc = _parse(html)
    if doc is None:
        return None
    for name in _META_SECTION:
        for m in doc.xpath("//meta[@property=$n or @name=$n]", n=name):
            got = _section_text(m.get("content"))
            if got:
                return got
    for el in doc.xpath("//*[@itemprop='articleSection']"):
        got = _section_text(el.get("content") or el.text_content())
        if got:
            return got
    sites = _site_keys(site, None)
    objs = _json_ld(doc)
    for obj in objs:
        got = _section_text(obj.get("articleSection"))
        if got:
            return got
    for obj in objs:
        types = obj.get("@type")
        if "BreadcrumbList" in (types if isinstance(types, list) else [types]):
            items = obj.get("itemListElement") or []
            items = sorted((i for i in items if isinstance(i, dict)), key=lambda i: _position(i.get("position")))
            names = [i.get("name") or (i.get("item") or {}).get("name") if isinstance(i.get("item"), dict)
                     else i.get("name") for i in items]
            got = _crumbs_section(names, title, sites)
            if got:
                return got
    for nav in doc.xpath("//*[contains(translate(@class, 'BREADCRUMB', 'breadcrumb'), 'breadcrumb') or "
                         "contains(translate(@id, 'BREADCRUMB', 'breadcrumb'), 'breadcrumb') or "
                         "contains(translate(@aria-label, 'BREADCRUMB', 'breadcrumb'), 'breadcrumb')]"):
        names = [a.text_content() for a in nav.iter("a")] or [li.text_content() for li in nav.iter("li")]
        got = _crumbs_section(names, title, sites)
        if got:
            return got
    return None


def _position(v) -> float:
    try:
        return float(v)
    except (TypeError, ValueError):
        return float("inf")
