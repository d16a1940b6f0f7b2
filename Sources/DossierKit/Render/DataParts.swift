/// How the large tables (`DataTable`) are cut into files that every static host takes
/// (`DataLimits`), the way Pagefind
/// splits its index. Rows stay in article order (the order of `content.articles`, then
/// document order); a part ends where the next article would take it past a limit, and only an
/// article too large for one part by itself is split between rows. The JSON Lines and CSV
/// files of a part hold the same rows. Sizes are counted by the code that writes the rows
/// (into a `ByteCount`), so they are exact; `data/parts.json` lists every part (see `DataFiles.parts`).
struct DataParts: Sendable {
    /// A row: its article (an index into `content.articles`) and its number in that article.
    struct Position: Sendable, Hashable {
        var article: Int
        var row: Int
    }

    struct Part: Sendable {
        let table: DataTable
        /// From 1.
        let number: Int
        /// The first row, and the position just past the last.
        let start: Position
        let end: Position
        let rows: Int
        let jsonBytes: Int
        let csvBytes: Int

        /// The articles it holds rows of (indices into `content.articles`).
        var articles: Range<Int> { start.article..<(end.row == 0 ? end.article : end.article + 1) }

        func bytes(_ format: DataTable.Format) -> Int { format == .json ? jsonBytes : csvBytes }
    }

    let limits: DataLimits
    /// What the rows need of the registry, made once for the plan and every part's file.
    let context: DataTable.Context
    /// Per table, its parts.
    private let partsByTable: [DataTable: [Part]]
    var mentions: [Part] { parts(of: .mentions) }
    var articles: [Part] { parts(of: .articles) }
    /// Per table, each article's rows and bytes: what a rebuild reuses for the articles it
    /// did not change.
    private let sizes: [DataTable: [Size]]

    /// With `previous` (the plan of the same article list and registry before an edit), only
    /// the articles in `changed` are measured again.
    init(_ graph: SiteGraph, limits: DataLimits = .standard, reusing previous: DataParts? = nil, changed: Set<Int> = []) {
        let context = DataTable.Context(graph)
        self.limits = limits
        self.context = context
        let sizes = Self.measure(context, reusing: previous.map { $0.limits == limits ? $0.sizes : [:] } ?? [:], changed: changed)
        self.sizes = sizes
        var parts: [DataTable: [Part]] = [:]
        for table in DataTable.allCases {
            parts[table] = Self.plan(table, sizes[table]!, context, byteLimit: limits.partBytes, rowLimit: limits.partRows)
        }
        partsByTable = parts
    }

    func parts(of table: DataTable) -> [Part] { partsByTable[table] ?? [] }

    /// `data/mentions/part-0001.jsonl`: numbered with at least four digits, so that the
    /// parts sort by name.
    func path(of part: Part, _ format: DataTable.Format) -> String {
        let width = max(4, String(parts(of: part.table).count).count)
        return "data/\(part.table.rawValue)/part-" + String(part.number).leftPadded(to: width) + "." + format.rawValue
    }

    /// The part's file, in pieces: batches of articles are made on all cores and handed on in order.
    func write(_ part: Part, _ format: DataTable.Format, emit: SiteOutput.Emit) {
        let context = self.context, graph = context.graph
        if format == .csv { SiteOutput.emit(part.table.csvHeaderLine, to: emit) }
        let articles = Array(part.articles)
        for start in stride(from: 0, to: articles.count, by: Self.batchSize) {
            let batch = Array(articles[start..<min(start + Self.batchSize, articles.count)])
            for chunk in parallelMap(batch, { index -> [UInt8] in
                var bytes: [UInt8] = []
                part.table.append(part.rows(of: index, in: graph), of: index, format: format, context: context, to: &bytes)
                return bytes
            }) where !chunk.isEmpty {
                chunk.withUnsafeBytes(emit)
            }
        }
    }

    /// Articles per batch: enough to keep the cores busy, few enough to hold little at once.
    static let batchSize = 256

    fileprivate struct Size {
        var rows = 0
        var json = 0
        var csv = 0

        static func + (a: Size, b: Size) -> Size { Size(rows: a.rows + b.rows, json: a.json + b.json, csv: a.csv + b.csv) }
    }

    /// Counted by the code that writes the rows, so exact; nothing is copied.
    private static func measure(_ table: DataTable, _ rows: Range<Int>, of article: Int, text: AnnotatedArticle,
                                _ context: DataTable.Context) -> Size {
        var json = ByteCount(), csv = ByteCount()
        table.append(rows, of: article, text: text, format: .json, context: context, to: &json)
        table.append(rows, of: article, text: text, format: .csv, context: context, to: &csv)
        return Size(rows: rows.count, json: json.count, csv: csv.count)
    }

    /// Every article's size in every table, on all cores, each article's text read once; from
    /// `previous` for those not `changed`.
    private static func measure(_ context: DataTable.Context, reusing previous: [DataTable: [Size]], changed: Set<Int>) -> [DataTable: [Size]] {
        let graph = context.graph
        let count = graph.content.articles.count
        let tables = DataTable.allCases
        // Reused only whole: every table's sizes, for the same article list.
        let kept = tables.compactMap { table in previous[table].flatMap { $0.count == count ? $0 : nil } }
        let reused = kept.count == tables.count ? kept : nil
        let batches = stride(from: 0, to: count, by: batchSize).map { $0..<min($0 + batchSize, count) }
        let measured = parallelMap(batches) { batch -> [[Size]] in
            batch.map { article -> [Size] in
                if let reused, !changed.contains(article) { return reused.map { $0[article] } }
                let text = graph.annotated[article].readingText()
                return tables.map { table in measure(table, 0..<table.rowCount(text), of: article, text: text, context) }
            }
        }.flatMap { $0 }
        var sizes: [DataTable: [Size]] = [:]
        for (position, table) in tables.enumerated() { sizes[table] = measured.map { $0[position] } }
        return sizes
    }

    private static func plan(_ table: DataTable, _ sizes: [Size], _ context: DataTable.Context, byteLimit: Int, rowLimit: Int) -> [Part] {
        let count = sizes.count

        let header = Size(rows: 0, json: 0, csv: table.csvHeaderLine.utf8.count)
        var parts: [Part] = []
        var start = Position(article: 0, row: 0), end = start
        var current = header
        func fits(_ size: Size) -> Bool {
            let total = current + size
            return total.rows <= rowLimit && total.json <= byteLimit && total.csv <= byteLimit
        }
        func close() {
            parts.append(Part(table: table, number: parts.count + 1, start: start, end: end,
                              rows: current.rows, jsonBytes: current.json, csvBytes: current.csv))
            start = end
            current = header
        }
        for article in 0..<count where sizes[article].rows > 0 {
            if current.rows > 0, !fits(sizes[article]) { close() }
            if current.rows == 0 { start = Position(article: article, row: 0) }
            if fits(sizes[article]) {
                current = current + sizes[article]
                end = Position(article: article + 1, row: 0)
                continue
            }
            // An article too large for a part by itself: split between its rows.
            let text = context.graph.annotated[article].readingText()
            for row in 0..<sizes[article].rows {
                let size = measure(table, row..<row + 1, of: article, text: text, context)
                if current.rows > 0, !fits(size) { close() }
                current = current + size
                end = row + 1 == sizes[article].rows ? Position(article: article + 1, row: 0) : Position(article: article, row: row + 1)
            }
        }
        // Always one part at least, so that a reader finds the files even when they are empty.
        if current.rows > 0 || parts.isEmpty { close() }
        return parts
    }
}

extension DataParts.Part {
    /// The rows of article `index` that the part holds.
    func rows(of index: Int, in graph: SiteGraph) -> Range<Int> {
        let total = table.rowCount(graph.annotated[index])
        let lower = index == start.article ? start.row : 0
        let upper = index == end.article ? end.row : total
        return lower..<max(lower, upper)
    }
}
