/// `data/entities.json` and `data/articles.json`, exactly in shared/DESIGN.md's shape, and
/// `data/parts.json`, the list of the parts of the large tables. Built in chunks so a large dossier never holds one huge string.
enum DataFiles {
    static let partsPath = "data/parts.json"

    static func entities(_ graph: SiteGraph) -> [String] {
        let registry = graph.content.registry
        let order = registry.entities.indices.sorted { a, b in
            (registry.entities[a].kind, registry.entities[a].id) < (registry.entities[b].kind, registry.entities[b].id)
        }
        let rows = order.map { index -> String in
            let entity = registry.entities[index]
            var fields: [(String, String)] = [("id", JSON.quote(entity.id)), ("type", JSON.quote(entity.kind.rawValue)),
                                              ("name", JSON.quote(entity.name)), ("aliases", JSON.array(entity.aliases))]
            if let wikidata = entity.wikidata { fields.append(("wikidata", JSON.quote(wikidata))) }
            fields.append(("url", JSON.quote(entity.path)))
            fields.append(("mentions", String(graph.mentionCount(EntityIndex(index)))))
            if entity.kind == .meeting {
                fields.append(("date", JSON.quote(entity.date)))
                fields.append(("place", JSON.quote(entity.place)))
                fields.append(("participants", JSON.array(entity.participants)))
                fields.append(("countries", JSON.array(entity.countries)))
            }
            if entity.kind == .place {
                fields.append(("country", JSON.quote(entity.country)))
                fields.append(("lat", entity.lat.map(DegreesText.number) ?? "null"))
                fields.append(("lon", entity.lon.map(DegreesText.number) ?? "null"))
            }
            return JSON.object(fields)
        }
        return wrap(rows)
    }

    static func articles(_ content: Content) -> [String] {
        wrap(content.articles.map(articleObject))
    }

    /// One article as `data/articles.json` and the articles table hold it.
    static func articleObject(_ article: Article) -> String {
        var fields: [(String, String)] = [("id", JSON.quote(article.id)), ("title", JSON.quote(article.title)),
                                          ("date", JSON.quote(article.date)), ("source", JSON.quote(article.source))]
        if let url = article.url { fields.append(("url", JSON.quote(url))) }
        if let raw = article.raw { fields.append(("raw", JSON.quote(raw))) }
        fields.append(("path", JSON.quote(article.path)))
        return JSON.object(fields)
    }

    /// Whether `data/articles.json` fits in one file: it is written whole only then (the
    /// articles table in parts always is). About 260 bytes an article: past some 60,000
    /// articles it does not.
    static func articlesFitWhole(_ parts: DataParts) -> Bool {
        let rows = parts.articles.reduce(0) { $0 + $1.rows }
        let bytes = parts.articles.reduce(0) { $0 + $1.jsonBytes } + 3 * rows + 3
        return bytes <= parts.limits.partBytes
    }

    /// `data/parts.json`: what each part of the large tables holds (see `DataParts`), and
    /// where the search index is.
    static func parts(_ parts: DataParts, search: SearchShards, graph: SiteGraph) -> [String] {
        let articles = graph.content.articles
        var tables: [String] = []
        for table in DataTable.allCases {
            let list = parts.parts(of: table)
            let rows = list.map { part -> String in
                let held = part.articles
                var fields: [(String, String)] = [("rows", String(part.rows))]
                fields.append(("first", held.isEmpty ? "null" : JSON.quote(articles[held.lowerBound].id)))
                fields.append(("last", held.isEmpty ? "null" : JSON.quote(articles[held.upperBound - 1].id)))
                for format in DataTable.Format.allCases {
                    fields.append((format.rawValue, JSON.object([("path", JSON.quote(parts.path(of: part, format))),
                                                                 ("bytes", String(part.bytes(format)))])))
                }
                return "\n      " + JSON.object(fields)
            }
            tables.append("\n    " + JSON.quote(table.rawValue) + ": {\"rows\": \(list.reduce(0) { $0 + $1.rows }), \"columns\": "
                          + JSON.array(table.csvHeader) + ", \"parts\": [" + rows.joined(separator: ",") + "\n    ]}")
        }
        let whole = articlesFitWhole(parts) ? JSON.quote("data/articles.json") : "null"
        return ["{\"version\": 1,\n  \"limits\": {\"bytes\": \(parts.limits.partBytes), \"rows\": \(parts.limits.partRows)},\n"
                + "  \"articles\": " + whole + ",\n  \"tables\": {"
                + tables.joined(separator: ",") + "\n  },\n  \"search\": {\"index\": " + JSON.quote(SearchShards.indexPath)
                + ", \"shards\": \(search.count)}\n}\n"]
    }

    static func wrap(_ rows: [String]) -> [String] {
        joinChunks(rows.map { "\n  " + $0 + "," })
    }

    /// `[` chunks `]`, with the last chunk's trailing comma removed.
    static func joinChunks(_ chunks: [String]) -> [String] {
        var parts = chunks.filter { !$0.isEmpty }
        guard !parts.isEmpty else { return ["[]\n"] }
        parts[parts.count - 1].removeLast()
        return ["["] + parts + ["\n]\n"]
    }
}
