/// `data/mentions.csv`, every mention of the dossier: one row per mention under a header, RFC 4180 (comma separated, CRLF line
/// ends, a field quoted when it holds a comma, quote or line break, quotes doubled). A field that begins with `=`, `+`, `-`,
/// `@`, a tab or a carriage return gets a leading `'` (OWASP's advice against CSV injection): a spreadsheet would otherwise
/// run it as a formula. Every CSV the build writes goes through `appendField`.
public enum MentionsCSV {
    public static let header = ["article", "date", "source", "entity", "type", "name", "text", "sentence", "auto", "link"]

    /// Every mention, article by article; batches of articles are made on all cores and
    /// handed on in order.
    public static func all(_ graph: SiteGraph, emit: SiteOutput.Emit) {
        SiteOutput.emit(line(header), to: emit)
        // Each entity's fields (`id,type,name,`), made once.
        let entityFields = graph.content.registry.entities.map { entity -> [UInt8] in
            var fields: [UInt8] = []
            for field in [entity.id, entity.kind.rawValue, entity.name] {
                appendField(&fields, field)
                fields.append(44)
            }
            return fields
        }
        let articles = Array(graph.content.articles.indices)
        for start in stride(from: 0, to: articles.count, by: batchSize) {
            let batch = Array(articles[start..<min(start + batchSize, articles.count)])
            for chunk in parallelMap(batch, { article -> [UInt8] in
                var bytes: [UInt8] = []
                appendRows(&bytes, graph, article: article, entityFields: entityFields)
                return bytes
            }) where !chunk.isEmpty {
                chunk.withUnsafeBytes(emit)
            }
        }
    }

    /// Articles per batch: enough to keep the cores busy, few enough to hold little at once.
    static let batchSize = 256

    /// The rows of one article's mentions.
    static func appendRows(_ bytes: inout [UInt8], _ graph: SiteGraph, article index: Int, entityFields: [[UInt8]]) {
        let article = graph.content.articles[index]
        let annotation = graph.annotated[index]
        var articleFields: [UInt8] = []
        for (number, field) in [article.id, article.date, article.source ?? ""].enumerated() {
            if number > 0 { articleFields.append(44) }
            appendField(&articleFields, field)
        }
        articleFields.append(44)
        var link: [UInt8] = []
        appendField(&link, article.path)
        link += Array("index.html#m".utf8)
        // Mentions come in text order: a sentence's mentions follow one another.
        var sentenceIndex: Int32 = -1
        var sentenceField: [UInt8] = []
        bytes.reserveCapacity(annotation.mentions.count * 512)
        for (number, mention) in annotation.mentions.enumerated() {
            bytes += articleFields
            bytes += entityFields[Int(mention.entity)]
            var sentence = annotation.sentences[Int(mention.sentence)]
            sentence.withUTF8 { text in
                appendField(&bytes, text[Int(mention.start)..<Int(mention.end)])
                if text.count > SentenceExcerpt.limit {
                    // A long sentence: each mention's own excerpt (see SentenceExcerpt).
                    sentenceIndex = -1
                    sentenceField.removeAll(keepingCapacity: true)
                    appendField(&sentenceField, SentenceExcerpt.text(of: number, in: annotation))
                } else if mention.sentence != sentenceIndex {
                    sentenceIndex = mention.sentence
                    sentenceField.removeAll(keepingCapacity: true)
                    appendField(&sentenceField, text[...])
                }
            }
            bytes.append(44)
            bytes += sentenceField
            if mention.auto { bytes.appendLiteral(",true,") } else { bytes.appendLiteral(",false,") }
            bytes += link
            appendDecimal(Int(mention.anchor), to: &bytes)
            bytes += [13, 10]
        }
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

    /// A field, quoted when it holds a comma, quote or line break (quotes doubled), with a `'`
    /// in front when it begins with a character a spreadsheet reads as the start of a formula.
    static func appendField(_ bytes: inout [UInt8], _ value: String) {
        var value = value
        value.withUTF8 { appendField(&bytes, $0[...]) }
    }

    static func appendField(_ bytes: inout [UInt8], _ utf8: Slice<UnsafeBufferPointer<UInt8>>) {
        let neutralised = utf8.first.map(startsFormula) ?? false
        guard utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else {
            if neutralised { bytes.append(39) }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8))
            return
        }
        bytes.append(34)
        if neutralised { bytes.append(39) }
        for byte in utf8 {
            if byte == 34 { bytes.append(34) }
            bytes.append(byte)
        }
        bytes.append(34)
    }

    /// `=`, `+`, `-`, `@`, tab and carriage return: a field beginning with one is a formula to
    /// Excel, LibreOffice and Google Sheets (`=HYPERLINK(...)`, `@SUM(...)`, `-2+3`).
    @inline(__always)
    static func startsFormula(_ byte: UInt8) -> Bool {
        byte == 61 || byte == 43 || byte == 45 || byte == 64 || byte == 9 || byte == 13
    }
}
