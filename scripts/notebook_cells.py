"""The cells of the curated notebooks: (kind, source) pairs, "md" or "code". Edit here, then
`make notebooks` runs them and stores them with outputs."""

NOTEBOOKS = {}

NOTEBOOKS["01_load_articles"] = [
    ("md", """
# 01 · What is in my folder of articles, and did all of it load?

Before counting anyone's mentions or quotes, check the material: how many articles, from which
outlets and months, with which fields — and which inputs were *not* loaded, and why. This notebook
loads the sample corpus shipped with the toolkit (the reference article from *The Standard*, 293
Wikinews articles and 286 Global Voices posts; see `ATTRIBUTION.md`)."""),
    ("code", """
import pandas as pd
import toolkit as tk

articles = tk.load_sample()
articles.shape"""),
    ("md", """
One row per article, with typed columns: `published` is a timezone-aware timestamp, `text` the
clean body (paragraphs joined by a blank line)."""),
    ("code", """
articles[["article_id", "source", "title", "published", "n_words"]].head()"""),
    ("code", """
articles.dtypes.head(11)"""),
    ("md", """
## The reference article

A scraped page: title, section, `By`, author, `| date`, then one paragraph a line and a
`READ MORE` block of nine unrelated headlines. The loader parses the header and drops the block;
the sub-heading *DRC Crisis* stays as its own paragraph."""),
    ("code", """
ref = tk.load_articles(tk.sample_path() / "the-standard", source="The Standard")
ref[["title", "section", "author", "published", "n_words"]]"""),
    ("code", """
print(ref.loc[0, "text"][:1200])"""),
    ("md", """
## Nothing is lost silently

Every input is either loaded or reported with the reason. Here is a small messy folder: a JSON
Lines file with one broken line, an empty file and a CSV without a text column."""),
    ("code", """
from pathlib import Path

messy = Path("messy_example")
messy.mkdir(exist_ok=True)
(messy / "feed.jsonl").write_text(
    '{"title": "Budget passed", "text": "Parliament passed the budget on Tuesday.", "date": "2024-05-02"}\\n'
    '{"title": "Broken line", "text": "no closing brace"\\n'
    '{"title": "No body", "text": ""}\\n', encoding="utf-8")
(messy / "empty.txt").write_text("", encoding="utf-8")
(messy / "links.csv").write_text("url,title\\nhttps://example.org/a,Something\\n", encoding="utf-8")

loaded = tk.load_articles(messy)
print(len(loaded), "loaded of", loaded.attrs["n_inputs"], "inputs")
tk.load_report(loaded)"""),
    ("code", """
import shutil
shutil.rmtree(messy)"""),
    ("md", """
## Articles per source and month"""),
    ("code", """
per_month = (articles.assign(month=articles["published"].dt.strftime("%Y-%m"))
             .groupby(["month", "source"]).size().unstack(fill_value=0))
per_month.tail(12)"""),
    ("code", """
articles.groupby("source").agg(articles=("article_id", "size"), words=("n_words", "sum"),
                               first=("published", "min"), last=("published", "max"))"""),
]
