"""Write the small made-up exports of ``toolkit/data/examples/exports/`` (all text invented here).

One folder of the exports researchers have, for the notebook ``01_load_articles`` and the tests:
a Nexis text export of 3 documents (the "N of M DOCUMENTS" layout), Nexis Uni exports as .docx,
.rtf and .pdf (2 documents each, "End of Document" layout), a Factiva HTML export (2 articles),
an Excel sheet, a SQLite file, a NewsAPI JSON response (its first
article cut short as NewsAPI does, one in French) and a
semicolon-separated CSV.

    .venv/bin/python scripts/build_examples.py        # needs the 'formats' and 'dev' extras
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "toolkit" / "data" / "examples" / "exports"
FIXED = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)  # file metadata dates: rebuilds differ less

# Made-up articles: (title, outlet, date, author, section, paragraphs).
ARTICLES = [
    ("Harbour town votes to rebuild its old sea wall", "The Coastal Herald", "2023-03-14", "Mara Ellison", "Local",
     ["Councillors in Port Wendle voted on Monday to rebuild the sea wall that has protected the harbour since 1890.",
      "\"We cannot wait for the next storm to decide for us,\" said the mayor, Tomas Reyes, after the vote.",
      "The work is expected to take two years and will be paid for by a regional flood fund."]),
    ("Rail line to the valley reopens after landslide", "The Coastal Herald", "2023-03-15", "Jon Okafor", "Transport",
     ["Trains returned to the Lune Valley line on Tuesday, six weeks after a landslide buried the tracks near Ashby.",
      "Engineers from Northway Rail worked through the night to stabilise the slope, the company said.",
      "Commuters welcomed the news, although services will run at reduced speed until the summer."]),
    ("Library lends out seeds as well as books", "The Coastal Herald", "2023-03-16", "Priya Nandakumar", "Community",
     ["The public library in Fernhill has started lending packets of vegetable seeds to its members.",
      "Borrowers are asked to return seeds from their own harvest at the end of the season, the librarian said.",
      "More than 300 packets were borrowed in the first week."]),
    ("Farmers test drought-resistant sorghum", "Highland Daily", "2023-05-02", "Amina Wekesa", "Business",
     ["A cooperative of 40 farmers near Kerimo is testing a sorghum variety bred to survive long dry spells.",
      "The cooperative's chair, Daniel Mutua, said yields in the first season were better than expected.",
      "Agricultural officers will publish the results of the trial in September."]),
    ("City council approves new cycle lanes", "Highland Daily", "2023-05-03", "Leo Brandt", "Local",
     ["The council approved twelve kilometres of protected cycle lanes on Wednesday by 28 votes to 9.",
      "Opponents argued that the lanes would remove parking spaces from the market street.",
      "Construction of the first section is due to begin in July."]),
    ("Museum returns carved panels to island community", "The Evening Ledger", "2023-06-20", "Sofia Marsh", "Culture",
     ["The National Museum of Arlen has returned four carved wooden panels to the community of Tavi Island.",
      "The panels were taken from a meeting house in 1911 and had been kept in storage for decades.",
      "Elders from the island received the panels at a ceremony attended by the culture minister, Ruth Ade."]),
    ("Hospital opens night clinic for shift workers", "The Evening Ledger", "2023-06-21", "Ken Adeyemi", "Health",
     ["St Brigid's Hospital opened a clinic on Thursday that stays open from 8 pm to 6 am.",
      "The clinic is meant for workers who cannot see a doctor during the day, the hospital director said.",
      "Nurses will staff it on a rota, with a doctor on call."]),
    ("School robotics team wins regional final", "Valley Voice", "2023-09-09", "Grace Liu", "Education",
     ["Pupils from Greyfield Secondary School won the regional robotics final on Saturday.",
      "Their robot sorted recycling faster than any other entry, the judges said.",
      "The team will travel to the national final in November."]),
    ("Bakery doubles its staff as bread prices fall", "Valley Voice", "2023-09-10", "Omar Haddad", "Business",
     ["The Little Oven bakery in Marden has hired eight new bakers after wheat prices fell this spring.",
      "The owner, Helen Fry, said demand for fresh bread had grown every month since January.",
      "The bakery now supplies three schools and the town hospital."]),
    ("Ferry service to resume on winter timetable", "Valley Voice", "2023-09-11", "Grace Liu", "Transport",
     ["The ferry between Marden and Skelby will resume on Monday with four crossings a day.",
      "The operator said a new engine had been fitted after the breakdown in August.",
      "Passengers with tickets for cancelled crossings can claim a refund until the end of the month."]),
    ("Volunteers count birds on the estuary", "Riverside Post", "2023-11-05", "Nadia Petrova", "Environment",
     ["More than 60 volunteers counted wading birds on the Orrin estuary on Sunday.",
      "The count found fewer curlews than last year but more oystercatchers, the organisers said.",
      "The results will be shared with the national bird survey."]),
    ("Market hall reopens after two-year restoration", "Riverside Post", "2023-11-06", "Ben Castillo", "Local",
     ["The Victorian market hall in Orrinford reopened on Monday after a restoration that took two years.",
      "Traders said the new roof and lighting had transformed the building.",
      "The hall will host a food festival in December."]),
    ("Teachers plan a new science week for primary schools", "Riverside Post", "2023-11-07", "Nadia Petrova",
     "Education",
     ["Teachers from twelve primary schools in the Orrin district are planning a science week for March.",
      "Pupils will build weather stations and share their readings online, the organisers said.",
      "Parents are invited to an open afternoon on the last day."]),
]
ARTICLES += [
    ("Solar panels to cover the bus depot roof", "Northern Standard", "2024-02-12", "Ivo Lindqvist", "Energy",
     ["The bus company in Kelda will cover the roof of its main depot with 2,000 solar panels this spring.",
      "The panels should supply a third of the electricity used to charge its electric buses, the company said.",
      "Work will be done at night so that services are not disrupted."]),
    ("Fishermen and scientists map the kelp forest", "Northern Standard", "2024-02-13", "Ama Owusu", "Environment",
     ["Fishing crews from Brinmouth are helping marine scientists map the kelp forest off the headland.",
      "Each boat carries a small camera that records the sea floor while the crew works, the project lead said.",
      "The first maps show the forest has grown since a ban on dredging in 2019."]),
    ("Town hall clock strikes again after 30 years", "Northern Standard", "2024-02-14", "Ivo Lindqvist", "Local",
     ["The clock on Kelda town hall struck noon on Wednesday for the first time in three decades.",
      "A retired watchmaker, Edith Vance, spent eighteen months repairing its mechanism without pay.",
      "\"It only needed patience,\" she said, as a crowd applauded in the square below."]),
    ("Mountain rescue team gets a new drone", "Peak Courier", "2024-04-03", "Rafael Souza", "Local",
     ["The Carrow mountain rescue team has been given a drone with a heat camera by a local charity.",
      "The drone can search a hillside in minutes where a team on foot would need hours, the team leader said.",
      "Volunteers will train with it over the coming month."]),
    ("Village shop becomes a cooperative", "Peak Courier", "2024-04-04", "Lena Fischer", "Business",
     ["Residents of Holm have bought their village shop and will run it as a cooperative.",
      "More than 200 people bought shares after the owner announced his retirement last year.",
      "The shop will reopen next week with longer hours and a small cafe."]),
    ("Night sky park recognised for its dark skies", "Peak Courier", "2024-04-05", "Rafael Souza", "Environment",
     ["The moorland around Carrow has been named a dark sky park by an international association.",
      "Local councils agreed to dim street lights near the park after ten at night.",
      "Astronomy groups plan public stargazing evenings through the autumn."]),
]
FRENCH = ("La ville inaugure un nouveau marché couvert", "Le Journal du Val", "2023-10-01", "Claire Dubois", "Local",
          ["La municipalité de Valbonne a inauguré samedi un marché couvert de quarante étals au centre-ville.",
           "Les commerçants ont salué l'ouverture, qui leur permettra de travailler à l'abri pendant l'hiver.",
           "Le maire a annoncé que le marché serait ouvert trois jours par semaine."])


def long_date(iso: str, weekday: bool = True) -> str:
    d = dt.date.fromisoformat(iso)
    return d.strftime("%B %-d, %Y") + (d.strftime(" %A") if weekday else "")


def nexis_txt(articles) -> str:
    """The classic LexisNexis text export: "N of M DOCUMENTS", outlet, date, title, fields, body, trailer."""
    out = []
    for n, (title, outlet, date, author, section, paras) in enumerate(articles, start=1):
        words = sum(len(p.split()) for p in paras)
        out += [f"                               {n} of {len(articles)} DOCUMENTS", "", "",
                f"                              {outlet}", "", f"                            {long_date(date)}",
                "", title, "", f"BYLINE: By {author}", "", f"SECTION: {section.upper()}; Pg. {n + 2}", "",
                f"LENGTH: {words} words", "", ""]
        for p in paras:
            out += [p, ""]
        out += ["", f"LOAD-DATE: {long_date(date, weekday=False)}", "", "LANGUAGE: ENGLISH", "",
                "PUBLICATION-TYPE: Newspaper", "", f"Copyright 2023 {outlet}", "", "", ""]
    return "\r\n".join(out)


def nexis_uni_lines(articles) -> list[str]:
    """The Nexis Uni layout of its .docx, .rtf and .pdf exports, one paragraph a line."""
    out = []
    for title, outlet, date, author, section, paras in articles:
        words = sum(len(p.split()) for p in paras)
        out += [title, outlet, long_date(date), f"Copyright 2023 {outlet} All Rights Reserved",
                f"Section: {section.upper()}; Pg. 4", f"Length: {words} words", f"Byline: {author}", "Body"]
        out += paras
        out += ["Classification", "Language: ENGLISH", "Publication-Type: Newspaper",
                f"Load-Date: {long_date(date, weekday=False)}", "End of Document"]
    return out


def write_docx(path: Path, lines: list[str]) -> None:
    import docx

    doc = docx.Document()
    doc.core_properties.created = doc.core_properties.modified = FIXED.replace(tzinfo=None)
    for line in lines:
        doc.add_paragraph(line)
    doc.save(path)


def write_rtf(path: Path, lines: list[str]) -> None:
    def esc(s: str) -> str:
        s = s.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
        return "".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in s)

    body = "\n".join(f"\\pard {esc(line)}\\par" for line in lines)
    path.write_text("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n\\f0\\fs24\n"
                    + body + "\n}\n", encoding="ascii")


def write_pdf(path: Path, lines: list[str]) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    for line in lines:
        if line == "End of Document":
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
            pdf.add_page()
            continue
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)  # space between paragraphs: pdfminer sees each as its own text box
    pdf.output(str(path))


def factiva_html(articles) -> str:
    parts = ["<html><head><meta charset='utf-8'><title>Factiva</title></head><body>"]
    for title, outlet, date, author, section, paras in articles:
        words = sum(len(p.split()) for p in paras)
        d = dt.date.fromisoformat(date).strftime("%-d %B %Y")
        parts.append(f"<div class='article enArticle'><div id='hd'><span class='enHeadline'>{title}</span></div>"
                     f"<div class='author'>By {author}</div><div>{words} words</div><div>{d}</div>"
                     f"<div>{outlet}</div><div>{outlet[:4].upper()}</div><div>English</div>"
                     f"<div>(c) 2023 {outlet}. All rights reserved.</div>"
                     + "".join(f"<p class='articleParagraph enarticleParagraph'>{p}</p>" for p in paras)
                     + f"<div>Document {outlet[:4].upper()}0000{date.replace('-', '')}ej3e0000a</div></div>")
    parts.append("</body></html>")
    return "\n".join(parts)


def table(articles) -> pd.DataFrame:
    return pd.DataFrame({"headline": [a[0] for a in articles], "outlet": [a[1] for a in articles],
                         "date": [a[2] for a in articles], "author": [a[3] for a in articles],
                         "section": [a[4] for a in articles], "body": ["\n\n".join(a[5]) for a in articles]})


def newsapi(articles) -> dict:
    recs = [{"source": {"id": None, "name": outlet}, "author": author, "title": title,
             "description": paras[0], "url": f"https://news.example.org/{date}/{i}",
             "urlToImage": f"https://news.example.org/img/{i}.jpg", "publishedAt": f"{date}T08:30:00Z",
             "content": " ".join(paras) if i else paras[0][:150] + "… [+412 chars]"} for i, (title, outlet, date, author, section, paras) in enumerate(articles)]
    return {"status": "ok", "totalResults": len(recs), "articles": recs}


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    a = ARTICLES
    (OUT / "nexis_export.txt").write_bytes(nexis_txt(a[0:3]).encode("utf-8"))
    write_docx(OUT / "nexis_uni.docx", nexis_uni_lines(a[3:5]))
    write_rtf(OUT / "nexis_uni.rtf", nexis_uni_lines(a[5:7]))
    write_pdf(OUT / "nexis_uni.pdf", nexis_uni_lines(a[7:9]))
    (OUT / "factiva.html").write_text(factiva_html(a[9:11]), encoding="utf-8")
    with pd.ExcelWriter(OUT / "articles.xlsx", engine="openpyxl") as xw:
        table(a[11:13]).to_excel(xw, index=False, sheet_name="Articles")
        xw.book.properties.created = xw.book.properties.modified = FIXED.replace(tzinfo=None)
    db = OUT / "articles.sqlite"
    db.unlink(missing_ok=True)
    with sqlite3.connect(db) as con:
        # The first story is also in the Nexis export (the same story found in two databases).
        stories = table(a[0:1] + a[15:16]).rename(columns={"headline": "title", "body": "text"})
        stories.to_sql("stories", con, index=False)
        con.execute("CREATE TABLE searches (query TEXT, run_at TEXT)")
        con.execute("INSERT INTO searches VALUES ('harbour OR rail', '2023-03-20')")
    con.close()
    (OUT / "newsapi.json").write_text(json.dumps(newsapi(a[16:18] + [FRENCH]), indent=2, ensure_ascii=False),
                                      encoding="utf-8")
    table(a[18:19] + a[13:15]).to_csv(OUT / "articles_semicolon.csv", sep=";", index=False)
    for p in sorted(OUT.iterdir()):
        print(f"{p.relative_to(ROOT)}  {p.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
