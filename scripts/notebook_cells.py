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
    ("md", """
Wikinews, the one outlet with more than one year, per year:"""),
    ("code", """
articles.loc[articles["source"] == "Wikinews", "published"].dt.year.value_counts().sort_index()"""),
    ("md", """
## What this shows, and where not to trust it

- The sample is 580 articles from three outlets that **never overlap in time**: Global Voices, 286
  posts of May 2012; Wikinews, 293 articles from January 2019 to December 2020; *The Standard*, one
  article of February 2025. Every count in the next notebooks mixes the three.
- So a chart "by outlet over time" compares different years, not different outlets: it cannot say
  whether Wikinews covers a subject more than Global Voices. Within one outlet it can: Wikinews has
  171 articles in 2019 and 122 in 2020, and notebooks 02, 04 and 08 compare those two years.
- Nothing is dropped silently: in the messy folder 4 of 5 inputs were skipped, each with its reason.
  Read `tk.load_report` on your own folder before counting anything in it."""),
]

STORE = '"../results/sample"'  # the analysed sample corpus; `make lab` and `make test` build it once

NOTEBOOKS["00_start_here"] = [
    ("md", """
# 00 · Start here: one article, end to end

**What did Kenya's president and the US Secretary of State talk about — and who said what?**

The reference article of this project is a story from *The Standard* (Kenya, 7 February 2025):
President William Ruto's phone call with US Secretary of State Marco Rubio on the Haiti mission and
the crisis in eastern Congo. This notebook takes it from a scraped text file to actors, quotes,
topics and a linked explorer. The next notebooks ask the same questions of a whole corpus."""),
    ("code", """
import toolkit as tk

article = tk.load_articles(tk.sample_path() / "the-standard", source="The Standard")
article[["title", "section", "author", "published", "n_words"]]"""),
    ("md", """
The scraped file had a `READ MORE` block of nine unrelated headlines in the middle of the story;
the loader removed it and kept the sub-heading *DRC Crisis* as its own paragraph:"""),
    ("code", """
for i, paragraph in enumerate(article.loc[0, "text"].split("\\n\\n")):
    print(i, paragraph[:90] + ("…" if len(paragraph) > 90 else ""))"""),
    ("md", """
## Who is in it?

`tk.analyze` runs spaCy and repairs what the small model gets wrong on news: it misses a bare
surname such as "Ruto", reads "Secretary of State" as part of a name, and splits acronyms from their
expansions. Every mention is merged into a canonical actor, with titles kept apart."""),
    ("code", """
lexicon = {"Haiti mission": ["Haiti", "security mission", "MSS", "armed groups"],
           "DRC conflict": ["DRC", "Congo", "M23", "Rwanda", "FDLR", "rebel"],
           "US aid": ["aid freeze", "federal assistance", "support"]}
corpus = tk.analyze(article, lexicon=lexicon)
corpus.actors[["name", "kind", "aliases", "titles", "n_mentions"]]"""),
    ("md", """
## Who is quoted, saying what?

Two direct quotes and the reported statements, each with its cue and speaker. Note that Rubio's
quote opens with a curly mark and closes with a straight one."""),
    ("code", """
corpus.quotes[["kind", "speaker", "cue", "text"]]"""),
    ("md", """
## Which topics, and who appears together?

With one article a topic model has nothing to compare, so the topics here come from the small
lexicon above; on a corpus, `tk.analyze` also fits a topic model (notebook 04).

In the pairs below, `count` is the number of sentences naming both actors, and `npmi` (normalised
pointwise mutual information) says how much more often they share a sentence than chance would
give: 1 when they only ever appear together, 0 when no more often than chance, below 0 when less."""),
    ("code", """
corpus.topics[["topic_id", "label", "terms"]]"""),
    ("code", """
pairs = tk.cooccurrence(corpus, of="actor", window="sentence")
pairs[["a_name", "b_name", "count", "npmi"]].head(10)"""),
    ("md", """
## Explore

Pick an actor: the explorer shows their quotes and who is mentioned with them. Clicking a bar of the
co-mentioned chart moves the explorer to that actor."""),
    ("code", """
explorer = tk.widgets.ActorExplorer(corpus, "william-ruto")
explorer"""),
    ("code", """
explorer.quotes[["kind", "cue", "text"]]"""),
    ("md", """
## What this shows, and where not to trust it

- The story's people are found and merged: William Ruto, Marco Rubio, Félix Tshisekedi and Paul
  Kagame, each once however often the article names them, with the places and organisations of
  the story.
- Six quotes, each a *statement*: what someone is reported to have said, with its content, either
  direct (in quote marks: Ruto's and Rubio's) or reported ("Rubio reiterated that …"). Beliefs and
  plans ("thinks", "plans to") are kept apart from statements (notebook 03).
- Read them before using them: "Kinshasa alleges" and "Rwanda claims" give a capital and a country
  as the speaker (the article means their governments), and the statement credited to Tshisekedi
  and Kagame is one word, "attendance". One article is also too little to say who dominates
  anything: the next notebooks ask a corpus."""),
]

NOTEBOOKS["02_actors"] = [
    ("md", """
# 02 · Who is in the news?

Which people, organisations and places does the sample corpus talk about most, in which outlets —
and what do we know about one of them (aliases, titles, the articles that name them)?"""),
    ("code", f"""
import toolkit as tk

tk.charts.use_offline()  # charts render without a network
corpus = tk.analyze(tk.load_sample(), cache={STORE})
corpus"""),
    ("code", """
corpus.actors[["name", "kind", "n_mentions", "n_articles"]].head(15)"""),
    ("md", """
## Top actors by kind"""),
    ("code", """
tk.charts.chart_top_actors(corpus, n=10, by="kind")"""),
    ("code", """
tk.top_actors(corpus, n=5, by="kind")"""),
    ("md", """
## By outlet

Wikinews and Global Voices cover different worlds: the same chart, split by source. They also cover
different **years** (Global Voices May 2012, Wikinews 2019–2020), so this split mixes outlet and
period: it shows what each outlet wrote about in its own years, not how the two outlets differ."""),
    ("code", """
tk.charts.chart_top_actors(corpus, n=15, kind="person", by="source")"""),
    ("md", """
A comparison that compares something: one outlet, two years. Wikinews' articles per year, then
the mentions per year in Wikinews alone:"""),
    ("code", """
corpus.articles.loc[corpus.articles["source"] == "Wikinews", "published"].dt.year.value_counts().sort_index()"""),
    ("code", """
m = corpus.mentions.merge(corpus.articles[["article_id", "source", "published"]], on="article_id")
wikinews = m[(m["source"] == "Wikinews") & m["actor_id"].notna()]
per_year = wikinews.groupby(["name", wikinews["published"].dt.year]).size().unstack(fill_value=0)
per_year.loc[["Donald Trump", "Joe Biden", "Democratic Party", "United Kingdom"]]"""),
    ("md", """
## An actor's profile

`corpus.actor` looks an actor up by name, alias or surname: every way they were written, their
titles, and the articles that name them."""),
    ("code", """
biden = corpus.actor("Joe Biden")
biden"""),
    ("code", """
biden.actor[["name", "kind", "aliases", "titles", "n_mentions", "n_articles"]]"""),
    ("code", """
biden.articles[["source", "published", "title"]].sort_values("published").head(10)"""),
    ("code", """
tk.charts.chart_actor_timeline(corpus, [biden.actor["actor_id"], corpus.actor("Donald Trump").actor["actor_id"]])"""),
    ("md", """
## What this shows, and where not to trust it

- The most mentioned actors are the United States (598 mentions), Donald Trump (405) and Joe Biden
  (207): the sample's largest share is Wikinews' coverage of US politics in 2019–2020.
- Within Wikinews, Trump goes from 96 mentions in 2019 to 309 in 2020 and Biden from 10 to 197,
  while the outlet published fewer articles (171, then 122): the election year, not a larger sample.
- The timeline has no line between 2012 and 2019 or after 2020: the corpus has no articles there,
  and a period without articles is left out rather than drawn as zero mentions.
- Counts are mentions, so one long article weighs like many short ones: Red Hat's 91 mentions come
  from 2 articles. Read `n_articles` beside `n_mentions`.
- Actors are found by rules, and some are wrong: a name can be split in two or typed wrongly (the
  next notebook's list shows "Brexit" typed a person). Look an actor up with `corpus.actor` and read
  its aliases and articles before using its count."""),
]

NOTEBOOKS["03_quotes"] = [
    ("md", """
# 03 · Who gets quoted, and who is only talked about?

Journalists and media researchers ask it first: whose voices does the coverage carry? Here every
quotation and reported statement of the sample corpus, with its speaker and cue, and a "voices"
share per actor: of the articles that mention someone, in how many are they quoted?

`corpus.quotes` holds **statements**: what someone is reported to have said, with its content —
direct ("…," said Ruto), reported ("Rubio reiterated that …") or mixed. Beliefs, wishes and plans
("thinks", "hopes", "plans to") are attributions too, but not statements: they are kept in
`corpus.attributions` with their `act`, and not counted here."""),
    ("code", f"""
import toolkit as tk

tk.charts.use_offline()  # charts render without a network
corpus = tk.analyze(tk.load_sample(), cache={STORE})
corpus.quotes["kind"].value_counts()"""),
    ("code", """
corpus.attributions["act"].value_counts()"""),
    ("code", """
corpus.quotes[["speaker", "kind", "cue", "text"]].head(8)"""),
    ("md", """
## Quoted versus mentioned"""),
    ("code", """
voices = tk.voices(corpus)
voices.head(12)"""),
    ("code", """
tk.charts.chart_voices(corpus, n=15)"""),
    ("md", """
## Per outlet

The share of quotes that are direct, and how many distinct speakers each outlet quotes."""),
    ("code", """
q = corpus.quotes.merge(corpus.articles[["article_id", "source"]], on="article_id")
q.groupby("source").agg(quotes=("quote_id", "size"), direct=("kind", lambda k: round((k == "direct").mean(), 2)),
                        speakers=("actor_id", "nunique"), resolved=("actor_id", lambda a: round(a.notna().mean(), 2)))"""),
    ("md", """
`resolved` is the share of statements whose speaker was resolved to an actor; the others count under
the speaker as written ("Biden campaign", "officials") or have none, and no actor's total holds them."""),
    ("md", """
## One actor's quotes, and the verbs that introduce them"""),
    ("code", """
trump = corpus.actor("Donald Trump")
trump.quotes[["kind", "cue", "text"]].head(6)"""),
    ("code", """
tk.charts.chart_cues(corpus, n=12)"""),
    ("md", """
## Most mentioned, never quoted

People and organisations mentioned at least three times with no statement resolved to them: who is
talked about but not heard. Places are left out (a country does not speak); `min_mentions` and
`kinds` change that."""),
    ("code", """
tk.never_quoted(corpus, n=15)[["name", "kind", "n_mentions", "n_articles"]]"""),
    ("code", """
tk.charts.chart_never_quoted(corpus, n=15)"""),
    ("md", """
Before calling someone unheard, look for statements whose speaker was not resolved to them:"""),
    ("code", """
corpus.quotes.loc[corpus.quotes["speaker"].str.contains("Obama", na=False), ["speaker", "actor_id", "kind"]]"""),
    ("md", """
## Finding a speaker

The explorer's speaker box takes part of a name, in any case and without accents, and looks through
every alias. "biden" could mean several actors, so the explorer says the name is ambiguous and lists
every speaker it found, grouped and counted (the "Only" list narrows to one):"""),
    ("code", """
found = tk.widgets.QuoteExplorer(corpus)
found.speaker.value = "biden"
found.ambiguous, found.speaker_groups[["group", "actor_id", "n_quotes"]]"""),
    ("code", """
explorer = tk.widgets.QuoteExplorer(corpus)
explorer.kind.value = "direct"
explorer.search.value = "election"
explorer"""),
    ("code", """
explorer.n_matches, explorer.quotes[["speaker", "text"]].head(3)"""),
    ("md", """
## What this shows, and where not to trust it

- Donald Trump (124 statements) and Joe Biden (61) are quoted far more than anyone else: the 2020 US
  campaign in Wikinews. Trump is quoted in about half of the articles that name him (30 of 56).
- Below them the ranking rewards long interviews, not a broad say: Gloria La Riva's 18 statements
  and Brock Pierce's 17 each come from a single article (`n_quoted_articles` 1). Read
  `n_quoted_articles` beside `n_quotes`.
- Most statements are reported, not direct: a quarter to a third are direct (0.33 in Global
  Voices, 0.24 in Wikinews).
- "Never quoted" is a list to check, not a finding: Barack Obama (29 mentions in 20 articles) is
  there, but one statement is credited to "Bernie Sanders and Barack Obama" together and so to no
  actor; other entries are extraction errors (the product "Red Hat Enterprise Linux" and "Sun",
  "Neandertals" and "Omsk" typed organisations, "Brexit" typed a person).
- Where not to trust the rows: on annotated news its rules were not written on, statements reach a
  lenient F1 of about 75 (about 88 on direct quotes), so some rows are not statements and some speakers
  are wrong or missing, and many statements are not resolved to an actor at all (`resolved` above).
  Open a quote's article in the explorer (the "Open" control) before citing it."""),
]

NOTEBOOKS["04_topics_cooccurrence"] = [
    ("md", """
# 04 · Which topics and actors travel together?

The topics of the sample corpus (a topic model on TF-IDF, labelled by its most distinctive terms),
how their shares move over time and across outlets, and which actors and topics occur together.

How good are such topics? On BBC news, whose sections are known, this model's topics match the
sections with an NMI of 0.875 (normalised mutual information: 1 when topics and sections coincide,
0 when they are unrelated). On the sample there is no such answer key, and its three topics are
rough: their labels are their top terms, and `es` is Global Voices' `[es]` tag on links to Spanish
sources, not a word of the news."""),
    ("code", f"""
import toolkit as tk

tk.charts.use_offline()  # charts render without a network
corpus = tk.analyze(tk.load_sample(), cache={STORE})
corpus.topics[["topic_id", "label", "n_articles"]]"""),
    ("code", """
corpus.topics[["label", "terms"]].head(5)"""),
    ("md", """
Name the topics yourself once you have read their terms: `rename_topics` returns a copy whose
charts, tables and explorers show your labels (the ids stay)."""),
    ("code", """
named = corpus.rename_topics({"t00": "blogs and protests", "t01": "disasters, health and science",
                               "t02": "US politics"})
named.topics[["topic_id", "label", "n_articles"]]"""),
    ("md", """
## Topic shares over time and by outlet"""),
    ("code", """
tk.charts.chart_topic_shares(corpus, freq="quarter")"""),
    ("code", """
tk.charts.chart_topic_shares(corpus, freq="year", by="source")"""),
    ("md", """
Each outlet is its own years here (Global Voices 2012, Wikinews 2019–2020, *The Standard* 2025), so
the chart by source compares outlets and years at once and says nothing about either. Within one
outlet the comparison holds: Wikinews in 2019 and in 2020."""),
    ("code", """
shares = tk.topic_shares(named, freq="year", by="source")
wikinews = shares[(shares["source"] == "Wikinews") & (shares["n_articles"] > 0)]
wikinews.pivot(index="label", columns="period", values="share").round(2)"""),
    ("md", """
## Actors that appear in the same sentence

Edges count the sentences naming both (`count`, at least 3 here). PMI (pointwise mutual information)
is the logarithm of how much more often two actors share a sentence than if they were named
independently; NPMI scales it to −1…1 (1: only ever together, 0: as often as chance, below 0: less
often); Jaccard is the share of the sentences naming either that name both. On small counts a high
NPMI says little."""),
    ("code", """
actor_edges = tk.cooccurrence(corpus, of="actor", window="sentence", min_count=3)
actor_edges[["a_name", "b_name", "count", "n_articles", "npmi", "jaccard"]].head(10)"""),
    ("md", """
The same pairs by NPMI: the strongest associations rest on a handful of sentences."""),
    ("code", """
actor_edges.sort_values(["npmi", "count"], ascending=False)[["a_name", "b_name", "count", "npmi"]].head(6)"""),
    ("code", """
tk.charts.chart_network(actor_edges, n=30)"""),
    ("md", """
## Topics that share articles"""),
    ("code", """
topic_edges = tk.cooccurrence(corpus, of="topic", window="article")
tk.charts.chart_cooccurrence_heatmap(topic_edges, score="npmi")"""),
    ("code", """
topic_edges[["a_name", "b_name", "count", "npmi"]]"""),
    ("code", """
graph = tk.to_networkx(actor_edges)
graph.number_of_nodes(), graph.number_of_edges()"""),
    ("md", """
## Actors and topics"""),
    ("code", """
tk.charts.chart_actor_topics(corpus, n=15)"""),
    ("md", """
## What this shows, and where not to trust it

- Three topics: one is mostly Global Voices' blog posts (its terms: blogger, protest, netizens),
  one disasters, outbreaks and studies, one US politics. The number is chosen from the data (the
  most stable partition) and sits on an edge here: a small change of the vocabulary can tip it
  between three and four (`tk.analyze(..., k=4)` fixes it). In Wikinews alone, US politics grows
  from 0.24 of the coverage in 2019 to 0.31 in 2020, the election year; blogs shrink from 0.13 to
  0.08, and disasters, health and science hold at about 0.6.
- Donald Trump and Joe Biden share 83 sentences, the strongest pair by count. The pairs with the
  highest NPMI rest on 3 to 5 sentences, and some are one name split in two ("Hafiz" and
  "Uddin": NPMI 1.0): read a pair's passages before calling it a relation.
- Every pair of topics has a negative NPMI: topics rarely share an article. That is what a model
  giving most articles one main topic produces, not a finding about the news. Its colour scale is
  diverging around that meaningful zero (chance); shares and counts use one-hue scales.
- The network holds over 400 actors and 500 pairs: too many to read as a picture. Use the table, raise
  `min_count`, or click a cell of the explorer's heatmap to read the sentences."""),
]

NOTEBOOKS["05_your_own_analysis"] = [
    ("md", """
# 05 · Your own question, with plain pandas

The toolkit's tables are ordinary DataFrames, so a question it has no function for is a few lines
of pandas away. Point `FOLDER` at your own articles (a folder of text, JSON Lines, CSV or HTML
files); here it is the sample corpus.

**The question: are heads of state and government heard in their own words, or only reported?**
For every actor with a title such as *President* or *Prime Minister*, count direct and indirect
quotes, per outlet."""),
    ("code", f"""
import pandas as pd
import toolkit as tk

tk.charts.use_offline()  # charts render without a network
FOLDER = tk.sample_path()              # your folder of articles here
articles = tk.load_sample() if FOLDER == tk.sample_path() else tk.load_articles(FOLDER)
corpus = tk.analyze(articles, cache={STORE} if FOLDER == tk.sample_path() else "results/my_corpus")
corpus"""),
    ("md", """
Actors whose titles name a head of state or government:"""),
    ("code", """
heads = corpus.actors[corpus.actors["titles"].map(
    lambda titles: any(t in ("President", "Prime Minister", "King", "Chancellor") for t in titles))]
heads[["name", "titles", "n_mentions", "n_articles"]].head(10)"""),
    ("md", """
Their quotes, by kind and outlet:"""),
    ("code", """
quotes = (corpus.quotes[corpus.quotes["actor_id"].isin(heads["actor_id"])]
          .merge(corpus.articles[["article_id", "source"]], on="article_id"))
table = pd.crosstab([quotes["source"], quotes["speaker"]], quotes["kind"])
table.assign(total=table.sum(axis=1)).sort_values("total", ascending=False).head(12)"""),
    ("md", """
And the share of the articles mentioning them in which they are quoted at all, from the toolkit's
`voices` helper:"""),
    ("code", """
tk.voices(corpus).merge(heads[["actor_id"]], on="actor_id").head(10)"""),
    ("md", """
## What this shows, and where not to trust it

- Heads of state and government are mostly **reported**, not heard in their own words: Donald Trump's
  124 statements are 19 direct, 81 indirect and 24 mixed, all in Wikinews; Recep Tayyip Erdoğan (18)
  and Boris Johnson (14) follow.
- Global Voices quotes few of them (Michael Sata 6, Joyce Banda 3), in 2012: a different year from
  Wikinews' 2019–2020, so this is no comparison of the two outlets.
- The list of "heads" comes from titles as written, and it has errors: Phil Collins, the Prohibition
  Party's 2020 presidential nominee (notebook 08 finds his Wikinews interview), carries the title
  "President". Check the actors a rule selects before counting them.
- To ask the question of your own articles, set `FOLDER` and run the notebook again; the cells do not
  change."""),
]

NOTEBOOKS["06_dashboard"] = [
    ("md", """
# 06 · Dashboard

The explorers of the sample corpus together; open this notebook with Voila for an app.
**Quotes**: find a speaker by part of a name (every actor the name could mean is listed), filter
by kind, source, topic, dates and words. **Actors**: one actor's timeline, co-mentions, topics and
quotes. **Together**: click a cell to read where two co-occur. **Voices**: the people quoted and
only mentioned, by gender, for one outlet or all. **About this data**: the sources,
the dates each covers, and what the extraction gets wrong. Every table sorts, pages, downloads
(CSV or Excel) and opens the article of any row. The analysed store is opened, not re-analysed,
and only the first tab is built before the page shows."""),
    ("code", f"""
import toolkit as tk

corpus = tk.open_corpus({STORE})
dashboard = tk.widgets.Dashboard(corpus, offline=True)  # charts render without a network
dashboard"""),
    ("md", """
## Where not to trust it

The dashboard shows the tables of notebooks 02–04 and their limits: quotes and speakers found by
rules (some rows are not statements, some speakers wrong), actors that can be split or mistyped, and
outlets that cover separate years. The "About this data" tab lists them with the dates of each
source. Open a row's article before citing what a row says."""),
]

NOTEBOOKS["07_whose_voices"] = [
    ("md", """
# 07 · Whose voices are heard?

**Of the people the coverage quotes, how many are women — per outlet and period — and are women
quoted as often as they are mentioned?** It is the question the Gender Gap Tracker was built for:
the share of women among the people quoted, outlet by outlet, month by month.

A *source* of an article is a person the toolkit resolved as the speaker of at least one statement
there; a person *mentioned* is any person named (or quoted) in it. Everything is counted per
article: someone quoted in five articles counts five times, as the Gender Gap Tracker counts.

**What "gender" means here — read this first.** The toolkit reads how *the text* refers to each
person: the pronouns that follow their name ("… she said"), honorifics ("Ms", "Sir"), role words
("chairwoman", "his wife, …"), and, only when the text says nothing, the first name against an
offline name list. That gives a **binary label of how the text refers to someone, not their gender
identity**. Name lists know European and North American names far better than, say, Kikuyu or
Amharic ones, so people from those cultures are more often `unknown` — or wrong, when the list knows
a name from another culture. Correct what you know with a gender table."""),
    ("code", f"""
import toolkit as tk

tk.charts.use_offline()  # charts render without a network
corpus = tk.analyze(tk.load_sample(), cache={STORE})
people = corpus.actors[corpus.actors["kind"] == "person"]
people["gender"].value_counts()"""),
    ("md", """
## Why each label: the evidence

`gender_evidence` says what decided, strongest first, with counts. A name alone is the weakest
evidence; `unknown` means no evidence (a surname alone is never used) or conflicting evidence."""),
    ("code", """
people[["name", "n_mentions", "gender", "gender_evidence"]].head(12)"""),
    ("code", """
strongest = people["gender_evidence"].str.extract(
    r"^(user|pronoun|honorific|role word|first name|conflicting|none)", expand=False)
strongest.value_counts()"""),
    ("md", """
## Quoted or only mentioned

Per gender: people in articles, how many of them are quoted there, and each gender's share of the
people and of the sources of known gender."""),
    ("code", """
tk.sources(corpus)"""),
    ("code", """
tk.charts.chart_sources(corpus)"""),
    ("md", """
## Per outlet and period

The share of women among the sources of known gender, one row per outlet; the time unit is chosen
from the corpus's date span (years here). The sample's outlets cover **separate years** (Global
Voices 2012, Wikinews 2019–2020, *The Standard* one article of 2025), so this grid compares outlets
*and* years at once; *The Standard*'s cell rests on two sources."""),
    ("code", """
tk.charts.chart_women_share(corpus)"""),
    ("code", """
tk.sources(corpus, by=("source", "gender"))"""),
    ("md", """
## Who the sources are

The most quoted women and men, with the evidence for each label — read them before trusting the
shares: a mislabelled frequent speaker moves the numbers."""),
    ("code", """
voices = tk.voices(corpus).merge(people[["actor_id", "gender", "gender_evidence"]], on="actor_id")
voices = voices[voices["n_quotes"] > 0]
voices.groupby("gender").head(5)[["name", "gender", "gender_evidence", "n_quotes", "n_quoted_articles",
                                  "n_articles"]]"""),
    ("md", """
## Correcting a label

A gender table (a dict, a DataFrame or a CSV/YAML file of `name` or `actor_id` and `gender`) overrides
the rules, as an alias table overrides the merge: `tk.analyze(articles, genders="genders.csv")` or
`toolkit analyze --genders genders.csv`. Its evidence reads `user`. The same rules on a made-up
article:"""),
    ("code", """
import pandas as pd

made_up = pd.DataFrame({"article_id": ["x1"], "text": [
    "Ms Wanjiru Kamau said the water plan would fail. She added that the county had not listened. "
    "Odhiambo, a trader, disagreed."]})
small = tk.analyze(made_up, topics=False, genders={"Odhiambo": "male"})
small.actors[["name", "kind", "gender", "gender_evidence"]]"""),
    ("md", """
## What this shows, and what it does not

- In the sample, **a little over one source in five of known gender is a woman**, about the share
  of women among the people mentioned; women and men who are mentioned are quoted at similar
  rates (about one in three).
- Several hundred people stay `unknown`: most are named by surname alone or have a first name the
  list does not know. The shares above leave them out, so they are shares *of known gender*.
- The method is binary and textual: it cannot see non-binary people unless a user table says so,
  and it can be wrong where the text is (a pronoun after two names is not counted, nor one after
  an unnamed person described in between, "a woman"; but a pronoun after one name that refers to
  someone never described is).
- Sources are only as good as the speakers the quote step resolves: unnamed sources ("an
  official said") count for nobody.
- The sample's outlets cover different years: a real comparison needs outlets over the same
  months. Point these cells at your own collection."""),
]

NOTEBOOKS["08_attention"] = [
    ("md", """
# 08 · Who paid attention to what, and when?

**What share of each outlet's coverage is about a subject, period by period — and which words set
one outlet apart from the others?** Counting the articles that mention a subject favours whoever
publishes most, so attention here is a *share*: the matching articles over all the outlet's
articles that period, as Media Cloud draws it. A wire story reprinted by twenty outlets would
inflate every count, so reprints are found and counted once.

What the sample can and cannot show: its outlets cover **separate years** — Global Voices May 2012,
Wikinews 2019–2020, *The Standard* one article of February 2025. So no chart here compares two
outlets in the same week, and any difference between outlets mixes subject, year and house style.
Point the same cells at your own collection to compare outlets over the same months."""),
    ("code", f"""
import pandas as pd
import toolkit as tk

tk.charts.use_offline()  # charts render without a network
articles = tk.load_sample()
corpus = tk.analyze(articles, cache={STORE})
articles.groupby("source")["published"].agg(["min", "max", "size"])"""),
    ("md", """
## Reprints counted once

`tk.near_duplicates` compares the articles' word sequences (MinHash over three-word shingles, checked
exactly) and points every copy at the first article of its cluster. The sample holds no reprints:"""),
    ("code", """
marked = tk.near_duplicates(articles)
int(marked["near_duplicate_of"].notna().sum())"""),
    ("md", """
A made-up reprint shows what a hit looks like: one Wikinews story run again by another outlet with
a credit line added. `tk.analyze` analyses only the first copy of each cluster (and says so);
`near_duplicates="keep"` analyses every copy."""),
    ("code", """
story = articles[articles["source"] == "Wikinews"].head(1)
reprint = story.assign(article_id="reprint-1", source="Another outlet",
                       text=story["text"] + "\\n\\n(Reprinted with permission.)")
found = tk.near_duplicates(pd.concat([articles, reprint], ignore_index=True))
found.loc[found["near_duplicate_of"].notna(),
          ["article_id", "source", "near_duplicate_of", "near_duplicate_similarity"]]"""),
    ("md", """
## Search

Words, `"quoted phrases"`, `AND` / `OR` / `NOT`, parentheses, `prefix*` and `actor:NAME` (any way
the corpus wrote that actor); case and accents are folded. One row per article, best first, with
the best passage (hits between `**`). The index is built once and kept beside the store."""),
    ("code", """
hits = tk.search(corpus, 'climate OR "global warming" NOT football')
len(hits), hits[["source", "title", "snippet"]].head(5)"""),
    ("code", """
tk.search(corpus, "actor:Trump AND (election OR vote*)", by="sentence")[["source", "title", "snippet"]].head(5)"""),
    ("md", """
## Attention over time

The share of each outlet's articles per month that match. Months in which an outlet published
nothing are gaps, not zeros; a month with a handful of articles gives a jumpy share, so read the
counts beside it (hover a point, or the table below)."""),
    ("code", """
tk.charts.chart_attention(corpus, 'climate OR "global warming"', freq="month")"""),
    ("code", """
climate = tk.attention(corpus, 'climate OR "global warming"', freq="quarter")
climate.dropna(subset=["share"])[["period", "source", "n_matching", "n_articles", "share"]]"""),
    ("md", """
Which articles make the last quarter's peak?"""),
    ("code", """
hits = tk.search(corpus, 'climate OR "global warming"')
hits.loc[hits["published"] >= "2020-10-01", ["published", "title"]].sort_values("published")"""),
    ("md", """
An actor works the same way: the articles whose mentions were resolved to that actor."""),
    ("code", """
trump = tk.attention(corpus, corpus.actor("Donald Trump"), freq="year")
trump.dropna(subset=["share"])[["period", "source", "n_matching", "n_articles", "share"]]"""),
    ("md", """
## Distinctive language

Which words and two-word phrases does each outlet use more than the others? The log-odds ratio with
an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008) weighs each difference by its
evidence (z above 2 is unlikely by chance). Read the terms before concluding: beside subjects
(*Trump*, *Biden* in Wikinews' 2019–2020 news), it surfaces **house style** — `wn` is Wikinews'
`((WN))` marking its interview questions, `es` and `ru` are Global Voices' `[es]` tags on links to
Spanish and Russian sources — and *The Standard*'s single article gives its terms little evidence.
Here `by="period"` would find the same split, since each outlet is its own years."""),
    ("code", """
tk.charts.chart_distinctive_terms(corpus, n=10)"""),
    ("md", """
The same for quotes: what sets the most quoted speakers' words apart from everyone else's."""),
    ("code", """
tk.distinctive_terms(corpus, by="speaker", groups=4, n=5, min_count=3)[["group", "rank", "term", "n_group", "z"]]"""),
    ("md", """
## Explore

Type a query; pick outlets and the period. Below the chart, the matching sentences; click a point
to read that month's sentences of that outlet (double-click to show all again)."""),
    ("code", """
explorer = tk.widgets.AttentionExplorer(corpus, 'climate OR "global warming"')
explorer"""),
    ("code", """
explorer.n_sentences, explorer.sentences[["source", "title", "snippet"]].head(3)"""),
    ("md", """
## What this shows, and where not to trust it

- Within Wikinews, articles naming Donald Trump go from 15% of the outlet's articles in 2019 (26 of
  171) to 25% in 2020 (30 of 122): a comparison that holds, one outlet in two years.
- Climate is rare in Wikinews (0 to 3 matching articles a quarter) until the last quarter of 2020:
  8 of 28 articles. Six of them are Wikinews interviews with candidates of small parties and two are
  campaign round-ups: an interview series, not a surge of climate news. Read the matching sentences
  before reading a peak.
- Shares on small denominators jump: *The Standard*'s one article is 0% or 100% of its outlet, and a
  Wikinews quarter can have 21 articles.
- The speakers' distinctive terms rest on 1 to 15 uses each, and only Trump's "bin ladin" (with its
  "ladin") passes z = 2: with so few quotes per speaker they are leads to read, not findings."""),
]
