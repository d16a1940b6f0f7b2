/// `data/search-index.js`: what the search page searches when Pagefind's full-text index
/// is absent (or cannot load, as from `file://`): every entity's names and aliases, and
/// every article's title. A script rather than JSON, because a page opened from disk may
/// load a script but not fetch a file.
public enum SearchIndex {
    public static let path = "data/search-index.js"

    /// `window.dossierSearchIndex = {"entities": [[type, name, [aliases], description, url, mentions], ...],
    /// "articles": [[title, date, source, url], ...]};` with URLs relative to the site root.
    public static func script(_ graph: SiteGraph) -> [String] {
        let registry = graph.content.registry
        var chunks = ["window.dossierSearchIndex = {\"entities\": ["]
        var rows: [String] = []
        for index in graph.content.registry.entities.indices {
            let entity = registry.entities[index]
            rows.append("\n[" + [JSON.quote(entity.kind.rawValue), JSON.quote(entity.name), JSON.array(entity.aliases),
                                 JSON.quote(entity.description ?? ""), JSON.quote(entity.path + "index.html"),
                                 String(graph.mentionCount(EntityIndex(index)))].joined(separator: ", ") + "]")
        }
        chunks.append(rows.joined(separator: ","))
        chunks.append("],\n\"articles\": [")
        chunks.append(graph.articlesByDate.map { index -> String in
            let article = graph.content.articles[Int(index)]
            return "\n[" + [JSON.quote(article.title), JSON.quote(article.date), JSON.quote(article.source ?? ""),
                            JSON.quote(article.path + "index.html")].joined(separator: ", ") + "]"
        }.joined(separator: ","))
        chunks.append("]};\n")
        return chunks
    }
}
