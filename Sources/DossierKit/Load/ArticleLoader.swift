import Foundation
import Yams

/// Loads articles: `---` front matter (YAML), then the Markdown body.
enum ArticleLoader {
    static let knownKeys = ["title", "date", "source", "url", "place", "language", "raw", "author", "accessed", "meetings", "draft"]

    /// An article from its text. `id` is the file name stem; `file` the path shown in messages.
    static func parse(_ text: String, id: String, file: String) -> (Article?, [Diagnostic]) {
        let (text, invisible) = InvisibleControls.removing(from: text, file: file)
        var diagnostics = invisible
        if !Slug.isValid(id) {
            diagnostics.append(.error(file, nil, "file name \"\(id).md\" is not a valid article id",
                                      hint: "rename it using lowercase ASCII letters, digits and hyphens"))
        }
        guard let split = splitFrontMatter(text) else {
            diagnostics.append(.error(file, 1, "missing front matter",
                                      hint: "start the file with a line \"---\", then title: and date:, then \"---\""))
            return (nil, diagnostics)
        }
        let root: Node?
        do {
            root = try YAMLFields.compose(split.frontMatter, file: file, lineOffset: 1)
        } catch {
            diagnostics.append(YAMLFields.diagnostic(for: error, file: file, lineOffset: 1))
            return (nil, diagnostics)
        }
        guard case .mapping(let mapping)? = root else {
            diagnostics.append(.error(file, 2, "front matter must be keys and values (title: ..., date: ...)",
                                      hint: "see content/articles for examples"))
            return (nil, diagnostics)
        }
        var fields = YAMLFields(file: file, mapping: mapping, lineOffset: 1)
        fields.warnUnknownKeys(knownKeys)
        let title = fields.required("title", what: "the headline in quotes")
        fields.checkLength("title", title, shownOn: "every page of the entities the article mentions")
        let draft = fields.bool("draft") ?? false
        // A draft may lack its date (the import writes one when the page gave none).
        let date = draft ? fields.string("date") : fields.required("date", what: "the publication date as YYYY-MM-DD")
        if let date, !ISODate.isValid(date) {
            fields.report(.error(file, fields.lineOf("date"), "bad date \"\(date)\"", hint: "write YYYY-MM-DD, e.g. 2024-11-30"))
        }
        let accessed = fields.string("accessed")
        if let accessed, !ISODate.isValid(accessed) {
            fields.report(.error(file, fields.lineOf("accessed"), "bad access date \"\(accessed)\"",
                                 hint: "write the day you retrieved the page as YYYY-MM-DD"))
        }
        // The address becomes a link on the article's page: only a web address may.
        if let url = fields.string("url"), !WebAddress.isValid(url) {
            fields.report(.error(file, fields.lineOf("url"), "url \"\(url)\" is not an http(s) address",
                                 hint: "give the article's full address, starting with https://"))
        }
        let article = Article(
            id: id, title: TextNormalization.nfc(title ?? ""), date: date ?? "",
            source: fields.string("source"), url: fields.string("url"), place: fields.string("place"),
            language: fields.string("language"), raw: fields.string("raw"), author: fields.string("author"),
            accessed: accessed, meetings: fields.list("meetings"), draft: draft, body: split.body, file: file, bodyLine: split.bodyLine,
            keyLines: fields.keyLines)
        diagnostics += fields.diagnostics
        let failed = diagnostics.contains { $0.severity == .error }
        return (failed ? nil : article, diagnostics)
    }

    /// Front matter text (without the `---` lines), the body, and the body's first line.
    static func splitFrontMatter(_ text: String) -> (frontMatter: String, body: Substring, bodyLine: Int)? {
        guard text.hasPrefix("---\n") || text == "---" else { return nil }
        var line = 2
        var index = text.utf8.index(text.startIndex, offsetBy: 4)
        let start = index
        let utf8 = text.utf8
        while index < text.endIndex {
            let lineEnd = utf8[index...].firstIndex(of: 10) ?? text.endIndex
            let content = utf8[index..<lineEnd]
            if content.elementsEqual("---".utf8) || content.elementsEqual("...".utf8) {
                let bodyStart = lineEnd < text.endIndex ? utf8.index(after: lineEnd) : lineEnd
                return (String(text[start..<index]), text[bodyStart...], line + 1)
            }
            line += 1
            index = lineEnd < text.endIndex ? utf8.index(after: lineEnd) : lineEnd
        }
        return nil
    }

    /// Every `*.md` in `directory`, in file name order, loaded on all cores; the bodies put
    /// in `spill` when it takes them.
    static func load(articlesDirectory directory: String, displayPrefix: String, spill: TextSpill? = nil) -> ([Article], [Diagnostic]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".md") }.sorted()
        } catch {
            return ([], [.error(displayPrefix, nil, "cannot list the articles folder", hint: "create \(displayPrefix)/")])
        }
        let results = parallelMap(names) { name -> (Article?, [Diagnostic]) in
            let display = displayPrefix + "/" + name
            switch ContentFile.readText(directory + "/" + name, display: display) {
            case .failure(let diagnostic): return (nil, [diagnostic])
            case .success(let text):
                var (article, diagnostics) = parse(text, id: String(name.dropLast(3)), file: display)
                if let spill, article != nil, let extent = spill.store(&article!.body) {
                    article!.body = ""
                    article!.spilledBody = extent
                }
                return (article, diagnostics)
            }
        }
        return (results.compactMap(\.0), results.flatMap(\.1))
    }
}

extension Article {
    init(id: String, title: String, date: String, source: String?, url: String?, place: String?, language: String?,
         raw: String?, author: String?, accessed: String?, meetings: [String], draft: Bool, body: Substring, file: String, bodyLine: Int,
         keyLines: [String: Int]) {
        self.init(id: id, title: title, date: date, source: source, url: url, place: place, language: language,
                  raw: raw, author: author, accessed: accessed, meetings: meetings, draft: draft, body: String(body), file: file, bodyLine: bodyLine,
                  keyLines: keyLines)
    }
}
