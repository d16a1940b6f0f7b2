/// How the linked site differs from the one built before: what each emitter asks to know
/// whether an output of its must be made again. A first build, or one after a registry,
/// site or theme change, is `everything`: every output is made.
struct GraphChange: Sendable {
    /// The site as built before, for a change of some articles only.
    struct Before: Sendable {
        var graph: SiteGraph
        var pagination: EntityPagination
        /// Entities ("kind:id", stable across a registry reload) the changed articles
        /// mention, report or are datelined at, before or after the change.
        var touched: Set<String>
        /// Whether an article was added or removed, or its title, date, source, address or
        /// raw page changed: what article lists show.
        var listChanged: Bool
        /// Whether an article's date changed (timelines count mentions per month of it).
        var datesChanged: Bool
        /// Articles changed, as positions in the new article list and in the old one (with
        /// those removed).
        var changedNew: Set<Int>
        var changedOld: Set<Int>
    }

    let graph: SiteGraph
    let pagination: EntityPagination
    /// Nil: everything changed.
    let before: Before?

    var isEverything: Bool { before == nil }

    /// Whether the change reaches `entity`'s mentions, sentences or facts.
    func touches(_ entity: EntityIndex) -> Bool {
        guard let before else { return true }
        let target = graph.content.registry[entity]
        return before.touched.contains(target.kind.rawValue + ":" + target.id)
    }

    var listChanged: Bool { before?.listChanged ?? true }

    /// Whether the number of some entity's pages changed (the sitemap lists them).
    var pageCountsChanged: Bool {
        guard let before else { return true }
        return before.pagination.pages.count != pagination.pages.count
            || zip(before.pagination.pages, pagination.pages).contains { $0.count != $1.count }
    }
}

extension GraphChange {
    /// The change from `previous` (its content, annotations and graph) to the new site, when
    /// only the articles `changedIDs` were read again; `sameArticles`: the same ids in the
    /// same order, so that positions match and nothing was removed.
    init(graph: SiteGraph, pagination: EntityPagination, previous: (content: Content, annotated: [AnnotatedArticle], graph: SiteGraph,
                                                                      pagination: EntityPagination)?,
         changedIDs: Set<String>, redone: [Int], sameArticles: Bool = false) {
        self.graph = graph
        self.pagination = pagination
        guard let previous else {
            before = nil
            return
        }
        let content = graph.content
        let articles = content.articles
        // Where each article was before (the same place when the list is the same).
        let oldIndex = sameArticles ? [:] : Dictionary(uniqueKeysWithValues: previous.content.articles.enumerated().map { ($1.id, $0) })
        func old(_ index: Int) -> Int? { sameArticles ? index : oldIndex[articles[index].id] }
        var touched = Set<String>()
        func touch(_ annotation: AnnotatedArticle, _ article: Article, _ registry: Registry) {
            for mention in annotation.mentions {
                let entity = registry[mention.entity]
                touched.insert(entity.kind.rawValue + ":" + entity.id)
            }
            for meeting in article.meetings { touched.insert("meeting:" + meeting) }
            // The place's page lists the articles datelined there.
            if let place = registry.place(named: article.place) { touched.insert("place:" + registry[place].id) }
        }
        let removedIDs = sameArticles ? [] : Set(previous.content.articles.map(\.id)).subtracting(articles.map(\.id))
        let changedOld = sameArticles ? Set(redone) : Set(previous.content.articles.indices.filter {
            changedIDs.contains(previous.content.articles[$0].id) || removedIDs.contains(previous.content.articles[$0].id)
        })
        for index in changedOld { touch(previous.annotated[index], previous.content.articles[index], previous.content.registry) }
        for index in redone { touch(graph.annotated[index], articles[index], content.registry) }
        let listChanged = !removedIDs.isEmpty || redone.contains { index in
            guard let old = old(index) else { return true }
            let (a, b) = (previous.content.articles[old], articles[index])
            return a.title != b.title || a.date != b.date || a.source != b.source || a.url != b.url || a.raw != b.raw
        }
        let datesChanged = redone.contains { index in
            old(index).map { previous.content.articles[$0].date != articles[index].date } ?? true
        }
        before = Before(graph: previous.graph, pagination: previous.pagination, touched: touched, listChanged: listChanged,
                        datesChanged: datesChanged, changedNew: Set(redone), changedOld: changedOld)
    }
}
