/// Builds each page's view model from the site graph and renders it through the theme.
/// Pages are independent once the graph is built, so they render on all cores.
struct PageRenderer: Sendable {
    let graph: SiteGraph
    let theme: Theme
    let fragments: Fragments
    let pagination: EntityPagination
    /// Timelines and networks of entity pages, laid out once per build.
    let charts: Charts
    /// How the large tables are cut into files (the explore page lists them).
    let dataParts: DataParts
    /// The search page's fallback index.
    let searchShards: SearchShards
    /// The sentences each meeting's page quotes.
    let reports: MeetingReports
    /// The statements and figures, per speaker, channel, entity and subject.
    let research: ResearchIndex
    /// What the maps are drawn over; nil without coastline data (maps then have none).
    let coastlines: Coastlines?
    /// Each article's page, from the site root: entity pages link one per group of sentences
    /// (reading `Article.path` there copied the whole article each time).
    let articlePaths: [String]

    /// For tests and tools: links what `SitePipeline` links (pagination, data parts, search shards) itself.
    init(graph: SiteGraph, theme: Theme, fragments: Fragments, pageSize: Int = 200) {
        let parts = DataParts(graph)
        self.init(graph: graph, theme: theme, fragments: fragments, pagination: EntityPagination(graph: graph, pageSize: pageSize),
                  reports: MeetingReports(graph), research: ResearchIndex(graph),
                  coastlines: nil, parts: parts, search: SearchShards(graph, limits: parts.limits))
    }

    /// Renders only: everything it shows was linked before (`SitePipeline`'s link stage).
    /// `drawings`: a preview session's network drawings (see `NetworkDrawings`); nil draws every one.
    init(graph: SiteGraph, theme: Theme, fragments: Fragments, pagination: EntityPagination, reports: MeetingReports,
         research: ResearchIndex, coastlines: Coastlines?, parts: DataParts, search: SearchShards, drawings: NetworkDrawings? = nil) {
        self.graph = graph
        self.coastlines = coastlines
        self.reports = reports
        self.research = research
        self.dataParts = parts
        self.searchShards = search
        self.charts = Charts(graph: graph, drawings: drawings)
        self.theme = theme
        self.fragments = fragments
        self.pagination = pagination
        self.articlePaths = graph.content.articles.map { $0.pagePath }
    }

    var content: Content { graph.content }
    var registry: Registry { graph.content.registry }

    func render(_ page: SitePage) -> String {
        let root = page.root(in: content)
        var context = base(root: root, page: page)
        let template: TemplateName
        switch page {
        case .home:
            template = .home
            home(&context, root: root)
        case .articleIndex(let number):
            template = .articles
            context["pageTitle"] = number == 1 ? "Articles" : "Articles, page \(number)"
            let pages = SitePage.articleIndexPages(articles: graph.articlesByDate.count)
            let first = (number - 1) * SitePage.articlesPerPage
            let shown = graph.articlesByDate[min(first, graph.articlesByDate.count)..<min(first + SitePage.articlesPerPage, graph.articlesByDate.count)]
            context["articles"] = shown.map { articleSummary($0, root: root) }
            if pages > 1 {
                context["pagination"] = paginationContext(page: number, pages: pages, root: root) { .articleIndex(page: $0) }
            }
        case .article(let index):
            template = .article
            article(Int(index), &context, root: root)
        case .entityIndex(let kind):
            template = .index
            context["pageTitle"] = kind.title
            context["kindTitle"] = kind.title
            context["isMeetings"] = kind == .meeting
            if kind == .meeting, let timeline = charts.meetingsTimeline(root: root) { context["timeline"] = timeline }
            let order = kind == .meeting ? graph.meetingsByDate : graph.byMentions(kind)
            context["entities"] = order.map { entityRow($0, root: root) }
        case .entity(let index, let number):
            if registry[index].kind == .meeting {
                template = .meeting
                meeting(index, &context, root: root)
            } else {
                template = .entity
                entity(index, page: number, &context, root: root)
            }
        case .notFound:
            template = .notfound
            context["pageTitle"] = "Page not found"
        case .explore:
            template = .explore
            explore(&context, root: root)
        case .search:
            template = .search
            context["pageTitle"] = "Search"
        case .figures:
            template = .figures
            figureIndex(&context, root: root)
        case .figureSubject(let subject, let number):
            template = .figures
            figureSubject(subject, page: number, &context, root: root)
        }
        if let map = mapSVG(for: page, label: "Map: " + (context["pageTitle"] as? String ?? content.site.title)) { context["map"] = map }
        return theme.render(template, context)
    }

    // MARK: Shared parts

    func base(root: String, page: SitePage) -> [String: Any] {
        PageRenderer.base(content: content, fragments: fragments, root: root, page: page)
    }

    /// What every page's layout needs: the shared header, the site, the language.
    static func base(content: Content, fragments: Fragments, root: String, page: SitePage) -> [String: Any] {
        let section: String? = {
            switch page {
            case .home: return "home"
            case .articleIndex, .article: return "articles"
            case .entityIndex(let kind): return kind.folder
            case .entity(let index, _): return content.registry[index].kind.folder
            case .notFound: return nil
            case .explore: return "explore"
            case .search: return "search"
            case .figures, .figureSubject: return "figures"
            }
        }()
        let site: [String: Any] = ["title": content.site.title, "description": content.site.description,
                                   "author": content.site.author ?? ""]
        return ["root": root, "site": site, "lang": content.site.language,
                "header": fragments.header(root: root, section: section), "footer": fragments.footer(root: root)]
    }

    func link(_ entity: EntityIndex, root: String) -> [String: Any] {
        PageRenderer.link(entity, registry: registry, root: root)
    }

    static func link(_ entity: EntityIndex, registry: Registry, root: String) -> [String: Any] {
        let target = registry[entity]
        var result: [String: Any] = ["name": target.name, "url": root + target.pagePath,
                                     "kind": target.kind.rawValue, "id": target.id]
        if let native = target.native { result["native"] = native }
        return result
    }

    func articleLink(_ index: Int32, root: String) -> String { root + articlePaths[Int(index)] }

    /// An article in lists: only its metadata, so the article list changes only when some
    /// article's title, date or source does.
    func articleSummary(_ index: Int32, root: String) -> [String: Any] {
        PageRenderer.articleSummary(content: content, index: index, root: root)
    }

    static func articleSummary(content: Content, index: Int32, root: String) -> [String: Any] {
        let article = content.articles[Int(index)]
        var result: [String: Any] = ["title": article.title, "url": root + article.pagePath,
                                     "date": article.date, "dateDisplay": ISODate.display(article.date)]
        if let source = article.source { result["source"] = source }
        return result
    }

    func entityRow(_ index: EntityIndex, root: String) -> [String: Any] {
        let entity = registry[index]
        var row = link(index, root: root)
        row["count"] = graph.mentionCount(index)
        row["articleCount"] = graph.articles[Int(index)].count
        row["aliases"] = entity.aliases.filter { $0 != entity.name }.prefix(4).joined(separator: ", ")
        if let description = entity.description { row["description"] = description }
        if let date = entity.date {
            row["date"] = date
            row["dateDisplay"] = ISODate.display(date)
        }
        // Always present: templates test lists with empty(), which treats a missing key as empty-and-false.
        // Other pages show the first few participants and how many more (a meeting of 6,000
        // participants repeated every name on every participant's page); the meeting's own
        // page shows them all.
        // Only the shown ones are looked up (participants' ids are checked at load).
        let shown = entity.participants.prefix(PageRenderer.participantsShown)
        row["participants"] = shown.compactMap { registry.index(of: .person, $0) }.map { link($0, root: root) }
        if entity.participants.count > shown.count {
            row["moreParticipants"] = entity.participants.count - shown.count
        }
        return row
    }

    /// Participants a meeting shows on pages other than its own.
    static let participantsShown = 12

    /// A sentence as an HTML list item, the given mentions highlighted and linked to their
    /// place in the article, appended to `html`. Built as a String from slices of the
    /// sentence (no text is checked as UTF-8 again); only a slice with markup characters is
    /// escaped through a copy.
    /// `only`: the outlet that alone says it (a meeting's reports), noted after it.
    func appendSentenceItem(to html: inout String, annotation: AnnotatedArticle, sentence: Int32, first: Int32, others: [Int32], href: String,
                            only: String? = nil) {
        html += only == nil ? "<li>" : "<li class=\"only\">"
        func close() {
            if let only { html += " <span class=\"only-note\" lang=\"en\">only " + HTML.escape(only) + "</span>" }
            html += "</li>\n"
        }
        let text = annotation.sentences[Int(sentence)]
        // The nested functions below read only these: capturing `annotation` copied it,
        // retaining each of its arrays, once per sentence.
        let mentions = annotation.mentions
        let utf8 = text.utf8
        func append(_ start: Int, _ end: Int) {
            let slice = text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
            if slice.utf8.contains(where: HTML.needsEscaping) {
                html += HTML.escape(String(slice))
            } else {
                html += slice
            }
        }
        var cursor = 0
        func mark(_ index: Int32) {
            let mention = mentions[Int(index)]
            let start = Int(mention.start), end = Int(mention.end)
            guard start >= cursor, end <= utf8.count else { return }
            append(cursor, start)
            html += "<mark><a href=\""
            html += href
            html += "#m"
            html += String(mention.anchor)
            html += "\">"
            append(start, end)
            html += "</a></mark>"
            cursor = end
        }
        let marked = others.isEmpty ? [first]
            : ([first] + others).sorted(by: { mentions[Int($0)].start < mentions[Int($1)].start })
        guard utf8.count > SentenceExcerpt.limit else {
            for index in marked { mark(index) }
            append(cursor, utf8.count)
            close()
            return
        }
        // A long sentence: only the excerpts around these mentions (see SentenceExcerpt).
        var next = 0
        for segment in SentenceExcerpt.segments(of: marked, in: annotation) {
            if segment.lowerBound > 0 { html += cursor == 0 ? "…" : " … " }
            cursor = segment.lowerBound
            while next < marked.count, Int(mentions[Int(marked[next])].end) <= segment.upperBound {
                mark(marked[next])
                next += 1
            }
            append(cursor, segment.upperBound)
            cursor = segment.upperBound
        }
        if cursor < utf8.count { html += "…" }
        close()
    }

    /// The sentences of an entity or meeting page, grouped by article: each group's heading
    /// (the `source` template, rendered once per article) and its sentences as `<li>` items.
    /// Made here rather than by a template: entity pages hold hundreds of thousands of
    /// sentences, and a Mustache section per sentence, then per article, was most of their
    /// rendering time. Empty when there are none.
    func sentenceGroups(_ refs: ArraySlice<SiteGraph.SentenceRef>, root: String, only: [SiteGraph.SentenceRef: String] = [:]) -> String {
        var html = ""
        html.reserveCapacity(refs.count * 400)
        var current: Int32 = -1
        var href = ""
        // Borrowed through the buffer: an element read from the array is a copy, which
        // retains and releases each of the annotation's arrays once per sentence.
        graph.annotated.withUnsafeBufferPointer { annotated in
            for ref in refs {
                if ref.article != current {
                    if current >= 0 { html += "\n</ul>\n</section>\n" }
                    current = ref.article
                    href = articleLink(ref.article, root: root)
                    html += "<section class=\"source\">\n"
                    html += fragments.heading(current, root: root)
                    html += "\n<ul class=\"sentences\">\n"
                }
                appendSentenceItem(to: &html, annotation: annotated[Int(current)], sentence: ref.sentence, first: ref.first, others: ref.others,
                                   href: href, only: only.isEmpty ? nil : only[ref])
            }
        }
        if current >= 0 { html += "\n</ul>\n</section>\n" }
        return html
    }

    // MARK: Pages

    func home(_ context: inout [String: Any], root: String) {
        context["pageTitle"] = content.site.title
        context["isHome"] = true
        if let timeline = charts.meetingsTimeline(root: root) { context["timeline"] = timeline }
        context["meetings"] = graph.meetingsByDate.map { entityRow($0, root: root) }
        context["people"] = graph.byMentions(.person).prefix(10).filter { graph.mentionCount($0) > 0 }.map { entityRow($0, root: root) }
        context["countries"] = graph.byMentions(.country).prefix(10).filter { graph.mentionCount($0) > 0 }.map { entityRow($0, root: root) }
        context["organizations"] = graph.byMentions(.org).prefix(10).filter { graph.mentionCount($0) > 0 }.map { entityRow($0, root: root) }
        context["latest"] = graph.articlesByDate.prefix(10).map { articleSummary($0, root: root) }
        context["stats"] = [
            "articles": content.articles.count,
            "people": registry.indices(of: .person).count,
            "countries": registry.indices(of: .country).count,
            "organizations": registry.indices(of: .org).count,
            "meetings": registry.indices(of: .meeting).count,
            "mentions": graph.annotated.reduce(0) { $0 + $1.mentions.count },
        ]
    }

    func article(_ index: Int, _ context: inout [String: Any], root: String) {
        ArticlePage(content: content, fragments: fragments).fill(&context, article: index, annotation: graph.annotated[index], root: root)
    }

    func entity(_ index: EntityIndex, page number: Int, _ context: inout [String: Any], root: String) {
        let entity = registry[index]
        let ranges = pagination.pages[Int(index)]
        let refs = graph.sentences[Int(index)]
        context["pageTitle"] = entity.name
        let groups = sentenceGroups(refs[ranges[min(number, ranges.count) - 1]], root: root)
        if !groups.isEmpty { context["sentenceGroups"] = groups }
        if ranges.count > 1 {
            context["pagination"] = paginationContext(index, page: number, pages: ranges.count, root: root)
            context["pageTitle"] = "\(entity.name) (page \(number) of \(ranges.count))"
        }
        // A later page shows only its own sentences: nothing of the entity's totals reaches
        // it, so an edit elsewhere leaves it as it is (and a rebuild need not render it).
        guard number == 1 else {
            var model = link(index, root: root)
            model["kindSingular"] = entity.kind.singular
            model["firstPage"] = false
            context["entity"] = model
            context["meetings"] = [[String: Any]]()
            context["related"] = [[String: Any]]()
            context["figureGroups"] = [[String: Any]]()
            context["datelined"] = [[String: Any]]()
            context["places"] = [[String: Any]]()
            return
        }
        var model = entityRow(index, root: root)
        model["firstPage"] = true
        model["kindSingular"] = entity.kind.singular
        model["aliasList"] = entity.aliases.filter { $0 != entity.name }
        if let wikidata = entity.wikidata {
            model["wikidata"] = wikidata
            model["wikidataURL"] = "https://www.wikidata.org/wiki/" + wikidata
        }
        if let iso = entity.iso { model["iso"] = iso }
        if let country = entity.country, let countryIndex = registry.index(of: .country, country) {
            model["country"] = link(countryIndex, root: root)
        }
        if let lat = entity.lat, let lon = entity.lon {
            model["coordinates"] = ["lat": DegreesText.number(lat), "lon": DegreesText.number(lon),
                                    "display": DegreesText.display(lat: lat, lon: lon)]
        }
        context["entity"] = model
        context["isPlace"] = entity.kind == .place
        context["indexed"] = true
        context["data"] = dataLinks(entity, root: root)
        if number == 1 {
            // Charts summarise the whole entity: on its first page only.
            if let timeline = charts.timeline(of: index, root: root) { context["timeline"] = timeline }
            if let network = charts.network(of: index, root: root) { context["network"] = network }
        }
        context["meetings"] = graph.meetings[Int(index)].map { entityRow($0, root: root) }
        // A place's datelined articles: the newest as many as an article list page holds
        // (one place may be the dateline of most of a dossier), and how many more.
        let datelined = graph.datelined[Int(index)]
        context["datelined"] = datelined.prefix(SitePage.articlesPerPage).map { articleSummary($0, root: root) }
        if datelined.count > SitePage.articlesPerPage { context["moreDatelined"] = datelined.count - SitePage.articlesPerPage }
        context["places"] = graph.places[Int(index)].map { link($0, root: root) }
        context["related"] = graph.related[Int(index)].map { count -> [String: Any] in
            ["chip": fragments.chip(count.entity, root: root), "count": count.count]
        }
        if entity.kind == .person || entity.kind == .org, let statements = statementsSection(of: index, root: root) {
            context["statements"] = statements
        }
        context["figureGroups"] = figuresSection(of: index, root: root) ?? []
    }

    /// An entity's own feed and mentions, and the dossier-wide files it appears in.
    func dataLinks(_ entity: Entity, root: String) -> [String: Any] {
        // The dossier-wide tables, not one per entity: the same rows again (as large as all
        // the mentions together) would double the largest output for what a filter on the
        // `entity` column gives.
        ["feed": root + EntityFeed.path(of: entity), "downloads": root + "explore/index.html#downloads",
         "graphml": root + "data/network.graphml", "entities": root + "data/entities.json"]
    }

    func explore(_ context: inout [String: Any], root: String) {
        context["pageTitle"] = "Explore"
        let network = CoMentionNetwork.whole(graph)
        if let svg = charts.dossierNetwork(network, root: root) { context["network"] = svg }
        context["nodeCount"] = network.nodes.count
        context["entityCount"] = registry.entities.count
        context["pairs"] = network.edges.sorted { ($0.weight, $1.a, $1.b) > ($1.weight, $0.a, $0.b) }.prefix(25).map { edge -> [String: Any] in
            ["a": fragments.chip(network.nodes[edge.a], root: root), "b": fragments.chip(network.nodes[edge.b], root: root),
             "count": edge.weight]
        }
        context["articlesWhole"] = DataFiles.articlesFitWhole(dataParts)
        context["tables"] = DataTable.allCases.map { table -> [String: Any] in
            let parts = dataParts.parts(of: table)
            return ["name": table.rawValue, "rows": parts.reduce(0) { $0 + $1.rows }, "count": parts.count,
                    "parts": parts.map { part -> [String: Any] in
                        ["number": part.number, "rows": part.rows,
                         "jsonl": root + dataParts.path(of: part, .json), "csv": root + dataParts.path(of: part, .csv)]
                    }]
        }
    }

    /// Previous/next and a window of page numbers (first, last, and two either side of the
    /// current page): constant size, however many pages an entity has.
    func paginationContext(_ index: EntityIndex, page: Int, pages: Int, root: String) -> [String: Any] {
        paginationContext(page: page, pages: pages, root: root) { .entity(index, page: $0) }
    }

    func paginationContext(page: Int, pages: Int, root: String, _ numbered: (Int) -> SitePage) -> [String: Any] {
        func url(_ number: Int) -> String { root + numbered(number).path(in: content) }
        var links: [[String: Any]] = []
        var last = 0
        for number in PageRenderer.pageWindow(page: page, pages: pages) {
            if number > last + 1 { links.append(["gap": true]) }
            links.append(["number": number, "url": url(number), "current": number == page])
            last = number
        }
        var result: [String: Any] = ["page": page, "pages": pages, "links": links]
        if page > 1 { result["previous"] = url(page - 1) }
        if page < pages { result["next"] = url(page + 1) }
        return result
    }

    static func pageWindow(page: Int, pages: Int) -> [Int] {
        Set([1, pages] + Array(max(1, page - 2)...min(pages, page + 2))).sorted()
    }

    func meeting(_ index: EntityIndex, _ context: inout [String: Any], root: String) {
        let meeting = registry[index]
        context["pageTitle"] = meeting.name
        var model = entityRow(index, root: root)
        model["participants"] = meeting.participants.compactMap { registry.index(of: .person, $0) }.map { link($0, root: root) }
        model["moreParticipants"] = nil
        if let place = registry.place(named: meeting.place) {
            model["placeLink"] = link(place, root: root)
        } else if let place = meeting.place {
            model["place"] = place
        }
        model["countries"] = meeting.countries.compactMap { registry.index(of: .country, $0) }.map { link($0, root: root) }
        model["aliasList"] = meeting.aliases
        if let wikidata = meeting.wikidata {
            model["wikidata"] = wikidata
            model["wikidataURL"] = "https://www.wikidata.org/wiki/" + wikidata
        }
        context["meeting"] = model
        context["indexed"] = true
        context["data"] = dataLinks(meeting, root: root)
        let groups = sentenceGroups(reports[index][...], root: root, only: reports.onlyOutlets(of: index))
        if !groups.isEmpty { context["sentenceGroups"] = groups }
        context["otherMeetings"] = graph.otherMeetings(of: index).map { entityRow($0, root: root) }
        context["figureGroups"] = figuresSection(of: index, root: root) ?? []
    }

    func figureIndex(_ context: inout [String: Any], root: String) {
        context["pageTitle"] = "Figures"
        context["isIndex"] = true
        context["subjects"] = FigureSubject.allCases.compactMap { subject -> [String: Any]? in
            guard let agreement = research.agreementBySubject[subject] else { return nil }
            return figureSummary(subject, agreement, root: root)
        }
    }

    /// A subject's figures, oldest first, `SitePage.figuresPerPage` a page.
    func figureSubject(_ subject: FigureSubject, page number: Int, _ context: inout [String: Any], root: String) {
        let refs = research.figuresBySubject[subject] ?? []
        let pages = SitePage.figureSubjectPages(refs.count)
        context["pageTitle"] = pages > 1 ? "\(subject.title) (page \(number) of \(pages))" : subject.title
        var group = research.agreementBySubject[subject].map { figureSummary(subject, $0, root: root) } ?? [:]
        let first = min(refs.count, (number - 1) * SitePage.figuresPerPage)
        group["rows"] = refs[first..<min(refs.count, first + SitePage.figuresPerPage)].map { figureRow($0, root: root, sentence: true) }.joined()
        context["group"] = group
        context["indexURL"] = root + PageFile.of("figures/")
        if pages > 1 {
            context["pagination"] = paginationContext(page: number, pages: pages, root: root) { .figureSubject(subject, page: $0) }
        }
    }
}
