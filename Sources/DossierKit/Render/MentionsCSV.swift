/// `data/mentions.csv`, every mention of the dossier: one row per mention under a header, RFC 4180 (comma separated, CRLF line
/// ends, a field quoted when it holds a comma, quote or line break, quotes doubled).
public enum MentionsCSV {
    public static let header = ["article", "date", "source", "entity", "type", "name", "text", "sentence", "auto", "link"]

    /// Every mention, article by article; batches of articles are made on all cores and
    /// handed on in order.
    public static func all(_ graph: SiteGraph, emit: (String) -> Void) {
        emit(line(header))
        let articles = Array(graph.content.articles.indices)
        for start in stride(from: 0, to: articles.count, by: batchSize) {
            let batch = Array(articles[start..<min(start + batchSize, articles.count)])
            for chunk in parallelMap(batch, { article -> String in
                var bytes: [UInt8] = []
                for index in graph.annotated[article].mentions.indices { appendRow(&bytes, graph, article: article, mention: index) }
                return String(decoding: bytes, as: UTF8.self)
            }) where !chunk.isEmpty {
                emit(chunk)
            }
        }
    }

    /// Articles per batch: enough to keep the cores busy, few enough to hold little at once.
    static let batchSize = 256

    static func appendRow(_ bytes: inout [UInt8], _ graph: SiteGraph, article index: Int, mention position: Int) {
        let article = graph.content.articles[index]
        let annotation = graph.annotated[index]
        let mention = annotation.mentions[position]
        let entity = graph.content.registry[mention.entity]
        for (number, field) in [article.id, article.date, article.source ?? "", entity.id, entity.kind.rawValue, entity.name,
                                annotation.text(of: mention), annotation.sentences[Int(mention.sentence)]].enumerated() {
            if number > 0 { bytes.append(44) }
            appendField(&bytes, field)
        }
        bytes += mention.auto ? Array(",true,".utf8) : Array(",false,".utf8)
        appendField(&bytes, article.path)
        bytes += Array("index.html#m".utf8)
        bytes += Array(String(mention.anchor).utf8)
        bytes += [13, 10]
    }

    static func line(_ fields: [String]) -> String {
        var bytes: [UInt8] = []
        for (number, field) in fields.enumerated() {
            if number > 0 { bytes.append(44) }
            appendField(&bytes, field)
        }
        return String(decoding: bytes + [13, 10], as: UTF8.self)
    }

    /// One field as it is written.
    static func field(_ value: String) -> String {
        var bytes: [UInt8] = []
        appendField(&bytes, value)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A field, quoted when it holds a comma, quote or line break (quotes doubled).
    static func appendField(_ bytes: inout [UInt8], _ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            guard utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else {
                bytes.append(contentsOf: utf8)
                return
            }
            bytes.append(34)
            for byte in utf8 {
                if byte == 34 { bytes.append(34) }
                bytes.append(byte)
            }
            bytes.append(34)
        }
    }
}
