/// The tables the build writes in parts (see `DataParts`): every mention, every sentence that
/// holds one or a statement or figure (each sentence once), every article (the rows of
/// `data/articles.json`, which is written whole as well while it fits in one part), every
/// statement and figure. A sentence is named by its article and its number: first the article's
/// sentences that hold mentions, in order, then those that hold only statements or figures
/// (`ArticleResearch.sentences`), from 0, as `position` in the SQLite export; a mention, a
/// statement and a figure point at their sentence with that number.
///
/// JSON Lines, one object per line:
/// - mentions: `{"article", "entity", "type", "text", "sentence", "auto", "link"}`
/// - sentences: `{"article", "sentence", "text"}`
/// - articles: `{"id", "title", "date", "source", "url"?, "raw"?, "path"}`
/// - statements: `{"article", "speaker", "via", "kind", "text", "sentence", "link"}` (speaker and
///   via as `type:id` or null; sentence the number of the statement's sentence; link is the
///   article page at the speaker's mention `#m<n>`, or the article page)
/// - figures: `{"article", "claimant", "number", "value", "unit", "subject", "sentence", "link"}`
///   (number as written, value null when indefinite; link at the sentence's first mention)
/// Statements and figures are those the annotator found (`AnnotatedArticle.research`), in
/// article order then text order (shared/DESIGN.md's `data/statements.json` and
/// `data/figures.json`, in parts).
///
/// CSV (see `CSV`), with a header line in every part: the columns of `csvHeader`.
enum DataTable: String, CaseIterable, Sendable {
    case mentions, sentences, articles, statements, figures

    enum Format: String, CaseIterable, Sendable {
        case json = "jsonl"
        case csv
    }

    var csvHeader: [String] {
        switch self {
        case .mentions: ["article", "date", "source", "entity", "type", "name", "text", "sentence", "auto", "link"]
        case .sentences: ["article", "sentence", "text"]
        case .articles: ["id", "title", "date", "source", "url", "raw", "path"]
        case .statements: ["article", "speaker", "via", "kind", "text", "sentence", "link"]
        case .figures: ["article", "claimant", "number", "value", "unit", "subject", "sentence", "link"]
        }
    }

    func rowCount(_ annotation: AnnotatedArticle) -> Int {
        switch self {
        case .mentions: annotation.mentions.count
        case .sentences: annotation.tableSentenceCount
        case .articles: 1
        case .statements: annotation.research.statements.count
        case .figures: annotation.research.figures.count
        }
    }

    /// What a table needs of the registry, made once per file rather than once per row.
    struct Context: Sendable {
        let graph: SiteGraph
        /// Per entity: `"entity": "id", "type": "kind", "text": ` (JSON).
        let entityJSON: [[UInt8]]
        /// Per entity: `id,kind,name,` (CSV).
        let entityCSV: [[UInt8]]
        /// Per entity: `type:id` (statements and figures).
        let entityRef: [String]

        init(_ graph: SiteGraph) {
            self.graph = graph
            entityRef = graph.content.registry.entities.map(\.reference)
            entityJSON = graph.content.registry.entities.map { entity in
                var part = Array("\"entity\": ".utf8)
                JSON.appendQuoted(entity.id, to: &part)
                part.appendLiteral(", \"type\": \"")
                part += entity.kind.rawValue.utf8
                part.appendLiteral("\", \"text\": ")
                return part
            }
            entityCSV = graph.content.registry.entities.map { entity in
                var fields: [UInt8] = []
                for field in [entity.id, entity.kind.rawValue, entity.name] {
                    CSV.appendField(&fields, field)
                    fields.append(44)
                }
                return fields
            }
        }
    }

    /// Appends rows `rows` of article `index` in `format`.
    func append<Sink: ByteSink>(_ rows: Range<Int>, of index: Int, format: Format, context: Context, to bytes: inout Sink) {
        guard !rows.isEmpty else { return }
        append(rows, of: index, text: context.graph.annotated[index].readingText(for: self), format: format, context: context, to: &bytes)
    }

    /// The same, from the article's annotation with what the rows show in memory
    /// (`readingText(for:)`), for a reader of several tables or formats of one article.
    func append<Sink: ByteSink>(_ rows: Range<Int>, of index: Int, text annotation: AnnotatedArticle, format: Format, context: Context,
                                to bytes: inout Sink) {
        guard !rows.isEmpty else { return }
        let article = context.graph.content.articles[index]
        switch (self, format) {
        case (.mentions, .json):
            var prefix = Array("{\"article\": ".utf8)
            JSON.appendQuoted(article.id, to: &prefix)
            prefix.appendLiteral(", ")
            var link = Array(", \"link\": \"".utf8)
            link += JSON.quote(article.path + "index.html#m").utf8.dropFirst().dropLast()
            for number in rows {
                let mention = annotation.mentions[number]
                bytes.put(prefix)
                bytes.put(context.entityJSON[Int(mention.entity)])
                appendMentionText(mention, of: annotation) { JSON.appendQuoted($0, to: &bytes) }
                bytes.put(", \"sentence\": ")
                appendDecimal(Int(mention.sentence), to: &bytes)
                if mention.auto { bytes.put(", \"auto\": true") } else { bytes.put(", \"auto\": false") }
                bytes.put(link)
                appendDecimal(Int(mention.anchor), to: &bytes)
                bytes.put("\"}\n")
            }
        case (.mentions, .csv):
            var articleFields: [UInt8] = []
            for field in [article.id, article.date, article.source ?? ""] {
                CSV.appendField(&articleFields, field)
                articleFields.append(44)
            }
            var link: [UInt8] = []
            CSV.appendField(&link, article.path + "index.html#m")
            for number in rows {
                let mention = annotation.mentions[number]
                bytes.put(articleFields)
                bytes.put(context.entityCSV[Int(mention.entity)])
                appendMentionText(mention, of: annotation) { CSV.appendField(&bytes, $0) }
                bytes.put(44)
                appendDecimal(Int(mention.sentence), to: &bytes)
                if mention.auto { bytes.put(",true,") } else { bytes.put(",false,") }
                bytes.put(link)
                appendDecimal(Int(mention.anchor), to: &bytes)
                bytes.put("\r\n")
            }
        case (.sentences, .json):
            var prefix = Array("{\"article\": ".utf8)
            JSON.appendQuoted(article.id, to: &prefix)
            prefix.appendLiteral(", \"sentence\": ")
            for number in rows {
                bytes.put(prefix)
                appendDecimal(number, to: &bytes)
                bytes.put(", \"text\": ")
                annotation.withTableSentenceUTF8(number) { JSON.appendQuoted($0[...], to: &bytes) }
                bytes.put("}\n")
            }
        case (.articles, .json):
            var object = DataFiles.articleObject(article)
            object.withUTF8 { bytes.put($0) }
            bytes.put(10)
        case (.articles, .csv):
            for (number, field) in [article.id, article.title, article.date, article.source ?? "", article.url ?? "",
                                    article.raw ?? "", article.path].enumerated() {
                if number > 0 { bytes.put(44) }
                CSV.appendField(&bytes, field)
            }
            bytes.put("\r\n")
        case (.sentences, .csv):
            var prefix: [UInt8] = []
            CSV.appendField(&prefix, article.id)
            prefix.append(44)
            for number in rows {
                bytes.put(prefix)
                appendDecimal(number, to: &bytes)
                bytes.put(44)
                annotation.withTableSentenceUTF8(number) { CSV.appendField(&bytes, $0[...]) }
                bytes.put("\r\n")
            }
        case (.statements, _), (.figures, _):
            appendResearch(rows, of: index, annotation, format: format, context: context, to: &bytes)
        }
    }

    /// Rows of the statements and figures tables: the same fields in both formats.
    private func appendResearch<Sink: ByteSink>(_ rows: Range<Int>, of index: Int, _ annotation: AnnotatedArticle, format: Format,
                                                context: Context, to bytes: inout Sink) {
        let article = context.graph.content.articles[index]
        let research = annotation.research
        let page = article.pagePath
        func ref(_ entity: EntityIndex?) -> String? { entity.map { context.entityRef[Int($0)] } }
        func link(_ anchor: Int32?) -> String { anchor.map { PageFile.mention(page, $0) } ?? page }
        for number in rows {
            var first = true
            // One field: JSON `"name": value` (quoted unless `raw`, null when nil), or a CSV field.
            func field(_ name: StaticString, _ value: String?, raw: Bool = false) {
                switch format {
                case .json:
                    bytes.put(first ? "{\"" : ", \"")
                    bytes.put(name)
                    bytes.put("\": ")
                    if let value { if raw { bytes.put(value) } else { JSON.appendQuoted(value, to: &bytes) } } else { bytes.put("null") }
                case .csv:
                    if !first { bytes.put(44) }
                    CSV.appendField(&bytes, value ?? "")
                }
                first = false
            }
            field("article", article.id)
            if self == .statements {
                let statement = research.statements[number]
                field("speaker", ref(statement.speaker))
                field("via", ref(statement.via))
                field("kind", statement.kind.rawValue)
                field("text", statement.text)
                field("sentence", String(statement.sentenceNumber), raw: true)
                field("link", link(statement.anchor))
            } else {
                let figure = research.figures[number]
                field("claimant", ref(figure.claimant))
                field("number", figure.number)
                field("value", figure.value.map(Figure.decimal), raw: true)
                field("unit", figure.unit)
                field("subject", figure.subject.rawValue)
                field("sentence", String(figure.sentenceNumber), raw: true)
                field("link", link(figure.anchor(in: annotation)))
            }
            bytes.put(format == .json ? "}\n" : "\r\n")
        }
    }

    /// The header line a CSV part begins with.
    var csvHeaderLine: String { CSV.line(csvHeader) }

    private func appendMentionText(_ mention: Mention, of annotation: AnnotatedArticle,
                                   _ append: (Slice<UnsafeBufferPointer<UInt8>>) -> Void) {
        annotation.sentences.withUTF8(Int(mention.sentence)) { append($0[Int(mention.start)..<Int(mention.end)]) }
    }
}
