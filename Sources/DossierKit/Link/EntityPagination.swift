/// How each entity's sentences are cut into pages. Cuts fall between articles and are
/// chosen by a hash of the article's id (content-defined, like rsync's chunks), not by
/// counting: an edit that adds or removes a sentence changes the page holding that
/// article and no other, so a rebuild re-renders one page where counting would shift
/// every later one.
struct EntityPagination: Sendable {
    /// Per entity: ranges into `SiteGraph.sentences[entity]`, one per page (at least one).
    let pages: [[Range<Int>]]
    let pageSize: Int

    init(graph: SiteGraph, pageSize: Int) {
        self.pageSize = pageSize
        let registry = graph.content.registry
        let articles = graph.content.articles
        let hashes = articles.map { EntityPagination.hash($0.id) }
        pages = graph.sentences.indices.map { entity in
            let refs = graph.sentences[entity]
            // A meeting's reports fit on one page; so do short lists.
            if registry.entities[entity].kind == .meeting || refs.count <= pageSize { return [0..<refs.count] }
            let articleCount = max(1, graph.articles[entity].count)
            let perArticle = max(1, refs.count / articleCount)
            // Cut after about one article in `every`, so pages average about `pageSize` sentences.
            let every = EntityPagination.powerOfTwo(near: max(1, pageSize / perArticle))
            let limit = pageSize * 4
            var result: [Range<Int>] = []
            var start = 0
            var index = 0
            while index < refs.count {
                let article = refs[index].article
                var end = index
                while end < refs.count && refs[end].article == article { end += 1 }
                let size = end - start
                if (hashes[Int(article)] % UInt64(every) == 0 && size >= pageSize / 4) || size >= limit {
                    result.append(start..<end)
                    start = end
                }
                index = end
            }
            if start < refs.count || result.isEmpty { result.append(start..<refs.count) }
            return result
        }
    }

    func pageCount(_ entity: EntityIndex) -> Int { pages[Int(entity)].count }

    static func powerOfTwo(near value: Int) -> Int {
        var power = 1
        while power * 2 <= value { power *= 2 }
        return value - power > power * 2 - value ? power * 2 : power
    }

    /// FNV-1a of the id: stable across runs and machines.
    static func hash(_ id: String) -> UInt64 {
        let hash = FNV1a.hash64(id.utf8)
        // Mix the high bits down so `% every` sees them.
        return hash ^ (hash >> 29)
    }
}
