/// One file of the built site (other than article pages), how to make it, and what it
/// depends on, so that a rebuild can redo only the files a change reaches.
public struct SiteOutput: Sendable {
    public enum Scope: Sendable, Hashable {
        /// Depends on one entity's mentions and facts (its feed).
        case entity(EntityIndex)
        /// An entity's page: the first shows the entity's facts; a later one only its own
        /// sentences, its number and the number of pages.
        case entityPage(EntityIndex, page: Int)
        /// Depends only on the list of articles and their titles, dates and sources.
        case articleList
        /// Depends on the whole dossier (home, indexes, data files, feeds, sitemap).
        case site
    }

    public let path: String
    public let scope: Scope
    /// Large aggregate a preview server may make only when it is asked for.
    public let isLarge: Bool
    /// Receives a piece of a file's text as UTF-8 (bytes, so that text built as bytes is
    /// not checked again on its way to the disk).
    public typealias Emit = (UnsafeRawBufferPointer) -> Void

    /// Hands the file's text, piece by piece in order, to the function it is given: large
    /// files go to disk as they are made instead of being held whole.
    public let produce: @Sendable (_ emit: Emit) -> Void

    public init(path: String, scope: Scope, isLarge: Bool = false, make: @escaping @Sendable () -> [String]) {
        self.init(path: path, scope: scope, isLarge: isLarge) { emit in
            for piece in make() { SiteOutput.emit(piece, to: emit) }
        }
    }

    public init(path: String, scope: Scope, isLarge: Bool = false, produce: @escaping @Sendable (_ emit: Emit) -> Void) {
        self.path = path
        self.scope = scope
        self.isLarge = isLarge
        self.produce = produce
    }

    /// The whole file.
    public func bytes() -> [UInt8] {
        var bytes: [UInt8] = []
        produce { bytes.append(contentsOf: $0) }
        return bytes
    }

    static func emit(_ text: String, to emit: Emit) {
        var copy = text
        copy.withUTF8 { emit(UnsafeRawBufferPointer($0)) }
    }
}

/// Every output of a site but its article pages (those are made from one article alone,
/// see `ArticlePage`). New kinds of output are added here.
public struct SiteOutputs: Sendable {
    public let renderer: PageRenderer

    public init(renderer: PageRenderer) { self.renderer = renderer }

    var graph: SiteGraph { renderer.graph }
    var content: Content { renderer.graph.content }

    public func all() -> [SiteOutput] {
        let renderer = self.renderer
        let graph = self.graph
        let listPages = SitePage.laterArticleIndexPages(articles: graph.content.articles.count)
        var outputs: [SiteOutput] = (SitePage.fixed + listPages).map { page in
            let scope: SiteOutput.Scope
            if case .articleIndex = page { scope = .articleList } else { scope = .site }
            return SiteOutput(path: page.path(in: graph.content), scope: scope) { [renderer.render(page)] }
        }
        for page in SitePage.entityPages(renderer.pagination) {
            guard case .entity(let entity, let number) = page else { continue }
            outputs.append(SiteOutput(path: page.path(in: graph.content), scope: .entityPage(entity, page: number)) { [renderer.render(page)] })
        }
        for (index, entity) in graph.content.registry.entities.enumerated() {
            let entityIndex = EntityIndex(index)
            outputs.append(SiteOutput(path: EntityFeed.path(of: entity), scope: .entity(entityIndex)) { [EntityFeed.atom(entityIndex, graph: graph)] })
        }
        let pages = SitePage.all(graph, pagination: renderer.pagination)
        outputs += [
            SiteOutput(path: "data/entities.json", scope: .site) { DataFiles.entities(graph) },
            SiteOutput(path: "data/network.graphml", scope: .site, isLarge: true) { NetworkGraphML.document(graph) },
            SiteOutput(path: "feed.xml", scope: .site) { [Feeds.atom(graph)] },
        ]
        for sitemap in Feeds.sitemaps(graph, pages: pages) {
            outputs.append(SiteOutput(path: sitemap.path, scope: .articleList, make: sitemap.make))
        }
        // The large tables, in parts, and the search index, in shards, with what lists them.
        let parts = renderer.dataParts
        if DataFiles.articlesFitWhole(parts) {
            outputs.append(SiteOutput(path: "data/articles.json", scope: .articleList) { DataFiles.articles(graph.content) })
        }
        for table in DataTable.allCases {
            for part in parts.parts(of: table) {
                for format in DataTable.Format.allCases {
                    // The articles table holds only what the article list shows.
                    let scope: SiteOutput.Scope = table == .articles ? .articleList : .site
                    outputs.append(SiteOutput(path: parts.path(of: part, format), scope: scope, isLarge: true) { emit in
                        parts.write(part, format, emit: emit)
                    })
                }
            }
        }
        let search = SearchShards(graph, limits: parts.limits)
        outputs.append(SiteOutput(path: SearchShards.indexPath, scope: .site) { [search.index()] })
        for shard in 0..<search.count {
            outputs.append(SiteOutput(path: search.path(of: shard), scope: .site, isLarge: search.count == 1) { search.shard(shard) })
        }
        outputs.append(SiteOutput(path: DataFiles.partsPath, scope: .site) { DataFiles.parts(parts, search: search, graph: graph) })
        return outputs
    }
}
