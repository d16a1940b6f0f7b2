/// The templates a theme provides (`templates/<name>.mustache`), each with what it renders:
/// the theme's contract. Every one is required; a theme that lacks one is refused when it is
/// loaded, naming the file. The README's Themes section is this list (`markdownTable`; a
/// test keeps the two equal).
public enum TemplateName: String, CaseIterable, Sendable {
    case layout, header, footer, chip, source, sentence, highlight, mention, mentioned, preview
    case statement, articlestatement, figuregroup, figurerow
    case articlerow
    case home, article, articles, index, entity, meeting, notfound, explore, search, figures

    /// What the template renders, for the README.
    var purpose: String {
        switch self {
        case .layout: "the page around every page's `main` (head, header, footer); the pages fill its blocks"
        case .header: "site title and navigation; rendered once per depth and section, then reused"
        case .footer: "the footer with the data links; rendered once per depth, then reused"
        case .chip: "an entity as a small link; rendered once per entity, then reused"
        case .source: "an article's sentences on entity and meeting pages: its heading, then `sentences` (HTML, written once in triple braces); cut once per article"
        case .sentence: "a sentence on an entity or meeting page (`text`, HTML, written once in triple braces; `only`, the one outlet that reports it); cut once, filled per sentence"
        case .highlight: "a mention inside such a sentence, linked to its place in the article (`url`, `text`); cut once, filled per mention"
        case .mention: "a mention in an article's text, linked to its entity's page (`kind`, `id`, `name`, `url`, `anchor`, `text`); cut once per entity, filled per mention"
        case .mentioned: "an entity in the article page's aside: its `chip` and `count`; cut once, filled per entity"
        case .articlestatement: "a statement in an article page's list: speakers, channel, a link to its place in the text, the words; rendered per statement, joined into `article`'s `statements`"
        case .preview: "the hover card of a mention link on article pages; once per entity"
        case .statement: "a statement on an entity page: the words, the article, its date and outlet, the channel; rendered per statement, joined into `entity`'s `said` and `through`"
        case .figurerow: "one figure as a row of a table of claims (date, figure, claimant, article); cut once per shape, filled per figure, joined into `figuregroup`'s `rows`"
        case .figuregroup: "one subject's figures as a table of claims in date order, and whether the sources differ (a partial of `entity`, `meeting`, `figures`)"
        case .articlerow: "one article in the article list (`url`, `title`, `date`, `dateDisplay`, `source`); cut once, filled per article, joined into `articles`' `rows`"
        case .home: "`index.html`: overview, meetings timeline, most-mentioned entities"
        case .article: "`articles/<id>/index.html`: the annotated article, its statements and its aside"
        case .articles: "`articles/index.html` and `articles/page-N.html`: the article list, 2,000 a page (`rows`, HTML: the `articlerow`s)"
        case .index: "`people/index.html` and the other kinds' lists, `meetings/index.html` with its timeline"
        case .entity: "a person's, country's, organisation's or place's pages (`people/<id>/index.html`, `page-N.html`); the first has its statements and figures"
        case .meeting: "a meeting's page: facts, participants, each article's report side by side (what only one outlet says marked), its figures"
        case .notfound: "`404.html`"
        case .explore: "`explore/index.html`: the dossier's network and the downloads (every data part)"
        case .search: "`search/index.html`: Pagefind's full text, or the sharded names-and-titles index"
        case .figures: "`figures/index.html`, the subjects of the figures the articles report; `figures/<subject>/index.html` (and `page-N.html`, 500 a page): one subject's claims side by side in date order"
        }
    }

    /// For the templates cut once and filled per item (`TemplateCut`): the fields they are
    /// given, and the one holding HTML made of other parts, which the template must write
    /// once, in triple braces, outside any section. Nil for the others.
    var cut: (fields: [String], wraps: String?)? {
        switch self {
        case .mention: (MentionMarkup.fields, "text")
        case .sentence: (["text", "only"], "text")
        case .highlight: (["url", "text"], "text")
        case .source: (["url", "title", "date", "dateDisplay", "source", "sentences"], "sentences")
        case .mentioned: (["chip", "count"], nil)
        case .articlerow: (["url", "title", "date", "dateDisplay", "source"], nil)
        case .figurerow: (["url", "number", "unit", "title", "date", "dateDisplay", "claimant", "source", "sentence"], "claimant")
        default: nil
        }
    }

    /// The README's table of templates.
    static var markdownTable: String {
        "| template | renders |\n|---|---|\n" + allCases.map { "| `\($0.rawValue)` | \($0.purpose) |\n" }.joined()
    }
}
