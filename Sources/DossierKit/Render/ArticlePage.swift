/// An article's page needs only the article, its annotation and the registry, not the
/// whole site graph: so a build renders it as soon as the article is annotated and
/// keeps only what other pages need.
struct ArticlePage: Sendable {
    let content: Content
    let fragments: Fragments

    init(content: Content, fragments: Fragments) {
        self.content = content
        self.fragments = fragments
    }

    func render(article index: Int, annotation: AnnotatedArticle, theme: Theme) -> String {
        let page = SitePage.article(Int32(index))
        let root = page.root(in: content)
        var context = PageRenderer.base(content: content, fragments: fragments, root: root, page: page)
        fill(&context, article: index, annotation: annotation, root: root)
        return theme.render(.article, context)
    }

    func fill(_ context: inout [String: Any], article index: Int, annotation: AnnotatedArticle, root: String) {
        let registry = content.registry
        let article = content.articles[index]
        context["pageTitle"] = article.title
        var model: [String: Any] = ["id": article.id, "title": article.title, "date": article.date,
                                    "dateDisplay": ISODate.display(article.date), "body": annotation.bodyHTML]
        for (key, value) in [("source", article.source), ("url", article.url),
                             ("author", article.author), ("raw", article.raw)] {
            if let value { model[key] = value }
        }
        // The dateline: the place's page when it names a registered place, else as written.
        if let place = registry.place(named: article.place) {
            model["placeLink"] = PageRenderer.link(place, registry: registry, root: root)
        } else if let place = article.place {
            model["place"] = place
        }
        context["indexed"] = true
        let citation = Citation(article: article, site: content.site)
        model["citation"] = ["text": citation.text, "bibtex": citation.bibtex, "url": citation.url,
                               "isOriginal": citation.isOriginal, "accessed": citation.accessed,
                               "accessedDisplay": ISODate.display(citation.accessed)] as [String: Any]
        var counts: [EntityIndex: Int] = [:]
        for mention in annotation.mentions { counts[mention.entity, default: 0] += 1 }
        let ranked = SiteGraph.ranked(counts, registry: registry, limit: nil)
        var groups: [[String: Any]] = []
        // The list items are joined here from the shared chips (as an entity page's sentence
        // items are): a Mustache section per item was a large share of rendering every article.
        for kind in EntityKind.allCases {
            let items = ranked.filter { registry[$0.entity].kind == kind }.map { count in
                "<li>" + fragments.chip(count.entity, root: root) + " <span class=\"count\">\(count.count)</span></li>"
            }
            if !items.isEmpty { groups.append(["title": kind.title, "kind": kind.rawValue, "items": items.joined()]) }
        }
        model["entityGroups"] = groups
        // What the hover preview script shows for each entity the body mentions (cards made once per entity).
        context["previewCards"] = ranked.map { fragments.preview($0.entity, root: root) }.joined()
        // Everything the template shows inside {{#article}} is in it: a key missing there is
        // looked for again in each enclosing context, which costs as much as finding it.
        model["meetings"] = article.meetings.compactMap { registry.index(of: .meeting, $0) }.map { meeting -> [String: Any] in
            var item = PageRenderer.link(meeting, registry: registry, root: root)
            item["date"] = registry[meeting].date ?? ""
            item["dateDisplay"] = ISODate.display(registry[meeting].date ?? "")
            return item
        }
        // Its statements, in text order: who said what, and through whom (issue 16). Joined
        // here from the shared chips, as the entity list above: a Mustache section per
        // statement was most of rendering an article with many.
        var statements = ""
        for statement in annotation.research.statements {
            statements += "<li class=\"statement statement-" + statement.kind.rawValue + "\"><p class=\"statement-speaker\">"
            if statement.speakers.isEmpty { statements += "<span class=\"unattributed\">Speaker not named</span>" }
            for speaker in statement.speakers { statements += fragments.chip(speaker, root: root) + " " }
            if statement.attribution == .pronoun { statements += "<span class=\"pronoun\">(by the pronoun)</span>" }
            if let via = statement.via { statements += " · via " + fragments.chip(via, root: root) }
            if let anchor = statement.anchor { statements += " · <a href=\"#m" + String(anchor) + "\">in the text</a>" }
            let quote = statement.kind == .quote
            statements += "</p>\n<blockquote lang=\"hi\"><p>" + (quote ? "“" : "") + HTML.escape(statement.text) + (quote ? "”" : "")
                + "</p></blockquote></li>\n"
        }
        model["statements"] = statements
        context["article"] = model
    }
}
