/// `data/mentions.csv` (every mention of the dossier) and `<entity>/mentions.csv` (one
/// entity's): one row per mention under a header, RFC 4180 (comma separated, CRLF line
/// ends, a field quoted when it holds a comma, quote or line break, quotes doubled).
public enum MentionsCSV {
    public static let header = ["article", "date", "source", "entity", "type", "name", "text", "sentence", "auto", "link"]

    public static func path(of entity: Entity) -> String { entity.path + "mentions.csv" }

    /// One chunk per article, built on all cores.
    public static func all(_ graph: SiteGraph) -> [String] {
        let chunks = parallelMap(Array(graph.content.articles.indices)) { article -> String in
            var chunk = ""
            for index in graph.annotated[article].mentions.indices { chunk += row(graph, article: article, mention: index) }
            return chunk
        }
        return [line(header)] + chunks.filter { !$0.isEmpty }
    }

    /// The mentions of one entity, newest article first.
    public static func of(_ entity: EntityIndex, graph: SiteGraph) -> String {
        var text = line(header)
        for ref in graph.mentions[Int(entity)] { text += row(graph, article: Int(ref.article), mention: Int(ref.mention)) }
        return text
    }

    static func row(_ graph: SiteGraph, article index: Int, mention position: Int) -> String {
        let article = graph.content.articles[index]
        let annotation = graph.annotated[index]
        let mention = annotation.mentions[position]
        let entity = graph.content.registry[mention.entity]
        return line([article.id, article.date, article.source ?? "", entity.id, entity.kind.rawValue, entity.name,
                     annotation.text(of: mention), annotation.sentences[Int(mention.sentence)], mention.auto ? "true" : "false",
                     article.path + "index.html#m\(mention.anchor)"])
    }

    static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\r\n" }

    static func field(_ value: String) -> String {
        let needsQuotes = value.utf8.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
