/// `data/entities.json`, `data/articles.json` and `data/mentions.json`, exactly in
/// DESIGN.md's shape. Built in chunks so a large dossier never holds one huge string.
public enum DataFiles {
    public static func entities(_ graph: SiteGraph) -> [String] {
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
            return JSON.object(fields)
        }
        return wrap(rows)
    }

    public static func articles(_ content: Content) -> [String] {
        wrap(content.articles.map { article in
            var fields: [(String, String)] = [("id", JSON.quote(article.id)), ("title", JSON.quote(article.title)),
                                              ("date", JSON.quote(article.date)), ("source", JSON.quote(article.source))]
            if let url = article.url { fields.append(("url", JSON.quote(url))) }
            if let raw = article.raw { fields.append(("raw", JSON.quote(raw))) }
            fields.append(("path", JSON.quote(article.path)))
            return JSON.object(fields)
        })
    }

    /// Article by article; batches of articles are made on all cores and handed on in order.
    public static func mentions(_ graph: SiteGraph, emit: SiteOutput.Emit) {
        let articles = Array(graph.content.articles.indices)
        // Each entity's part of a row (`"id", "type": "kind", "text": `), made once.
        let entityParts = graph.content.registry.entities.map { entity -> [UInt8] in
            var part: [UInt8] = []
            JSON.appendQuoted(entity.id, to: &part)
            part.appendLiteral(", \"type\": \"")
            part += entity.kind.rawValue.utf8
            part.appendLiteral("\", \"text\": ")
            return part
        }
        var first = true
        SiteOutput.emit("[", to: emit)
        for start in stride(from: 0, to: articles.count, by: MentionsCSV.batchSize) {
            let batch = Array(articles[start..<min(start + MentionsCSV.batchSize, articles.count)])
            let chunks = parallelMap(batch) { index -> [UInt8] in
                let annotation = graph.annotated[index]
                var chunk: [UInt8] = []
                chunk.reserveCapacity(annotation.mentions.count * 512)
                var prefix = Array("\n  {\"article\": ".utf8)
                JSON.appendQuoted(graph.content.articles[index].id, to: &prefix)
                prefix += Array(", \"entity\": ".utf8)
                // Mentions come in text order: a sentence's mentions follow one another.
                var sentenceIndex: Int32 = -1
                var quotedSentence: [UInt8] = []
                for (number, mention) in annotation.mentions.enumerated() {
                    if !chunk.isEmpty { chunk.append(44) }
                    chunk += prefix
                    chunk += entityParts[Int(mention.entity)]
                    var sentence = annotation.sentences[Int(mention.sentence)]
                    sentence.withUTF8 { bytes in
                        JSON.appendQuoted(bytes[Int(mention.start)..<Int(mention.end)], to: &chunk)
                        if bytes.count > SentenceExcerpt.limit {
                            // A long sentence: each mention's own excerpt (see SentenceExcerpt).
                            sentenceIndex = -1
                            quotedSentence.removeAll(keepingCapacity: true)
                            JSON.appendQuoted(SentenceExcerpt.text(of: number, in: annotation), to: &quotedSentence)
                        } else if mention.sentence != sentenceIndex {
                            sentenceIndex = mention.sentence
                            quotedSentence.removeAll(keepingCapacity: true)
                            JSON.appendQuoted(bytes[...], to: &quotedSentence)
                        }
                    }
                    chunk.appendLiteral(", \"sentence\": ")
                    chunk += quotedSentence
                    if mention.auto { chunk.appendLiteral(", \"auto\": true}") } else { chunk.appendLiteral(", \"auto\": false}") }
                }
                return chunk
            }
            for chunk in chunks where !chunk.isEmpty {
                if !first { SiteOutput.emit(",", to: emit) }
                chunk.withUnsafeBytes(emit)
                first = false
            }
        }
        SiteOutput.emit(first ? "]\n" : "\n]\n", to: emit)
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
