import Foundation

/// What `dossier import` is asked to do.
public struct ImportRequest: Sendable {
    public var files: [String]
    /// The content folder (articles/, raw/, entities/, import-rules.yml).
    public var content: String
    public var options: ImportOptions
    /// Print what would be written; write nothing.
    public var dryRun: Bool
    /// Replace an article imported before from the same raw file.
    public var force: Bool

    public init(files: [String], content: String = "content", options: ImportOptions = ImportOptions(),
                dryRun: Bool = false, force: Bool = false) {
        self.files = files
        self.content = content.withoutTrailingSlashes
        self.options = options
        self.dryRun = dryRun
        self.force = force
    }
}

/// What became of one file.
public struct ImportOutcome: Sendable {
    public enum Status: Sendable, Hashable {
        case written, wouldWrite, refused, failed
    }

    public var file: String
    public var status: Status
    /// `content/articles/<id>.md`, when the article got that far.
    public var articlePath: String?
    /// Where the raw file is copied; nil when it is already there.
    public var rawCopy: String?
    /// Replaces an existing article (with --force).
    public var replaces = false
    public var article: ImportedArticle?
    /// What became of every non-blank line of the page (also when no article was made).
    public var lines: [LineDecision] = []
    /// The article file's text.
    public var text: String?
    public var diagnostics: [Diagnostic]
}

/// Everything an import did.
public struct ImportReport: Sendable {
    /// Problems not tied to one file: the rules, the registry, the options.
    public var diagnostics: [Diagnostic] = []
    public var outcomes: [ImportOutcome] = []

    public func count(_ status: ImportOutcome.Status) -> Int { outcomes.filter { $0.status == status }.count }
    public var warningCount: Int {
        (diagnostics + outcomes.flatMap(\.diagnostics)).filter { $0.severity == .warning }.count
    }
    public var succeeded: Bool {
        !diagnostics.contains { $0.severity == .error } && outcomes.allSatisfy { $0.status == .written || $0.status == .wouldWrite }
    }
}

/// Imports raw pages into a content folder: reads each (UTF-8 only), makes the article,
/// picks an id unused in the dossier, writes `articles/<id>.md` and copies the raw file into
/// `raw/`. An article imported before from the same raw file keeps its id and is replaced
/// only with `force`; nothing is written for a file that fails.
public enum ImportRun {
    public static func run(_ request: ImportRequest, progress: (ImportOutcome) -> Void = { _ in }) -> ImportReport {
        var report = ImportReport()
        let content = request.content
        report.diagnostics += request.options.problems()
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: content, isDirectory: &isFolder) || !isFolder.boolValue {
            report.diagnostics.append(.error(content, nil, "content folder not found",
                                             hint: "run from the dossier's folder or pass --content PATH"))
        }
        let (loadedRules, ruleDiagnostics) = ImportRules.load(contentDirectory: content)
        report.diagnostics += ruleDiagnostics
        guard let rules = loadedRules, !report.diagnostics.contains(where: { $0.severity == .error }) else {
            return report
        }
        let (entities, registryDiagnostics) = RegistryLoader.load(entitiesDirectory: content + "/entities",
                                                                  displayPrefix: content + "/entities")
        // A broken registry only makes ids plainer; `dossier check` tells the rest.
        report.diagnostics += registryDiagnostics.filter { $0.severity == .error }.map {
            var warning = $0
            warning.severity = .warning
            return warning
        }
        var options = request.options
        if FileManager.default.fileExists(atPath: content + "/site.yml") {
            options.language = SiteConfigLoader.load(path: content + "/site.yml", display: content + "/site.yml").0.language
        }
        let importer = ArticleImporter(rules: rules, registry: Registry(entities))
        var existing = existingArticles(in: content + "/articles")
        let furniture = outletFurniture(request: request, rules: rules)

        for file in request.files {
            var outcome = importFile(file, importer: importer, request: request, options: options, existing: existing,
                                     furniture: furniture)
            if outcome.status == .written || outcome.status == .wouldWrite, let article = outcome.article {
                existing.ids.insert(article.id)
                existing.byRaw[article.raw] = article.id
            }
            // Errors (why nothing was written) first, then warnings in line order.
            let sorted = Diagnostic.sorted(outcome.diagnostics)
            outcome.diagnostics = sorted.filter { $0.severity == .error } + sorted.filter { $0.severity != .error }
            progress(outcome)
            report.outcomes.append(outcome)
        }
        return report
    }

    struct Existing {
        var ids: Set<String> = []
        /// Raw file name → id of the article imported from it.
        var byRaw: [String: String] = [:]
    }

    /// Ids of the articles in `directory`, and the raw file each was imported from.
    static func existingArticles(in directory: String) -> Existing {
        var existing = Existing()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names.sorted() where name.hasSuffix(".md") {
            let id = String(name.dropLast(3))
            existing.ids.insert(id)
            guard case .success(let text) = ContentFile.readText(directory + "/" + name, display: name),
                  let split = ArticleLoader.splitFrontMatter(text) else { continue }
            for line in split.frontMatter.split(separator: "\n") where line.hasPrefix("raw:") {
                var raw = line.dropFirst(4).trimmingCharacters(in: .whitespaces)
                if raw.count >= 2, raw.hasPrefix("\""), raw.hasSuffix("\"") { raw = String(raw.dropFirst().dropLast()) }
                if !raw.isEmpty, existing.byRaw[raw] == nil { existing.byRaw[raw] = id }
            }
        }
        return existing
    }

    /// What the outlets' pages have in common: the pages imported and those in `raw/`, each
    /// under the address it gives (or `--url`).
    static func outletFurniture(request: ImportRequest, rules: ImportRules) -> OutletFurniture {
        let cleaner = RawPageCleaner(rules: rules)
        var pages: [OutletFurniture.Page] = []
        var files = request.files.map { ($0, true) }
        let rawFolder = request.content + "/raw"
        let inRaw = ((try? FileManager.default.contentsOfDirectory(atPath: rawFolder)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
        files += inRaw.map { (rawFolder + "/" + $0, false) }
        for (file, imported) in files {
            guard case .success(let text) = ContentFile.readText(file, display: file) else { continue }
            let url = imported ? (request.options.url ?? cleaner.address(in: text)) : cleaner.address(in: text)
            pages.append(OutletFurniture.Page(name: (file as NSString).lastPathComponent, url: url, text: text))
        }
        return OutletFurniture(pages: pages)
    }

    static func importFile(_ file: String, importer: ArticleImporter, request: ImportRequest, options: ImportOptions,
                           existing: Existing, furniture: OutletFurniture? = nil) -> ImportOutcome {
        var outcome = ImportOutcome(file: file, status: .failed, diagnostics: [])
        let text: String
        switch ContentFile.readText(file, display: file) {
        case .failure(let diagnostic):
            outcome.diagnostics.append(diagnostic)
            return outcome
        case .success(let value):
            text = value
        }
        let rawName = (file as NSString).lastPathComponent
        var article = importer.importPage(text, rawName: rawName, file: file, options: options, furniture: furniture)
        outcome.diagnostics = article.diagnostics
        outcome.lines = article.lines
        guard !article.hasErrors else { return outcome }

        // The raw copy: none when the file is already there.
        let rawTarget = request.content + "/raw/" + rawName
        let rawBytes = FileManager.default.contents(atPath: file) ?? Data()
        if let present = FileManager.default.contents(atPath: rawTarget) {
            if present != rawBytes {
                guard request.force else {
                    outcome.status = .refused
                    outcome.diagnostics.append(.error(file, nil, "\(rawTarget) already exists with other content",
                                                      hint: "rename the file you import, or pass --force to replace it"))
                    return outcome
                }
                outcome.rawCopy = rawTarget
            }
        } else {
            outcome.rawCopy = rawTarget
        }

        // The id: the one given before to this raw file, else a new one unused in the dossier.
        if let previous = existing.byRaw[rawName] {
            article.id = previous
            outcome.articlePath = request.content + "/articles/" + previous + ".md"
            guard request.force else {
                outcome.status = .refused
                outcome.article = article
                outcome.diagnostics.append(.error(file, nil, "already imported as \(outcome.articlePath!)",
                                                  hint: "pass --force to replace it; hand edits such as meetings: are lost"))
                return outcome
            }
            outcome.replaces = FileManager.default.fileExists(atPath: outcome.articlePath!)
        } else {
            article.id = ArticleID.unique(article.id) { existing.ids.contains($0) }
            outcome.articlePath = request.content + "/articles/" + article.id + ".md"
        }
        let markdown = ArticleMarkdown.file(article)
        outcome.article = article
        outcome.text = markdown
        if request.dryRun {
            outcome.status = .wouldWrite
            return outcome
        }
        do {
            try FileManager.default.createDirectory(atPath: request.content + "/articles", withIntermediateDirectories: true)
            if let rawCopy = outcome.rawCopy {
                try FileManager.default.createDirectory(atPath: request.content + "/raw", withIntermediateDirectories: true)
                try rawBytes.write(to: URL(fileURLWithPath: rawCopy), options: .atomic)
            }
            try Data(markdown.utf8).write(to: URL(fileURLWithPath: outcome.articlePath!), options: .atomic)
            outcome.status = .written
        } catch {
            outcome.diagnostics.append(.error(outcome.articlePath!, nil, "cannot write: \(error.localizedDescription)",
                                              hint: "check that the content folder is writable"))
        }
        return outcome
    }
}

/// `dossier import --explain`: every line the import left out, with its reason, and what it kept.
public enum ImportExplanation {
    /// `file:line: reason: "text"` for each dropped line, after a summary line of what was kept.
    public static func lines(file: String, decisions: [LineDecision]) -> [String] {
        var kept: [String] = []
        let title = decisions.filter { $0.fate == .title }.map(\.line)
        let dates = decisions.filter { $0.fate == .date }.map(\.line)
        let dateline = decisions.filter { if case .dateline = $0.fate { return true } else { return false } }.map(\.line)
        let body = decisions.filter { $0.fate == .body || $0.fate == .dateline(restIsBody: true) }.map(\.line)
        func list(_ name: String, _ numbers: [Int]) {
            guard !numbers.isEmpty else { return }
            kept.append("\(name) \(numbers.count == 1 ? "line" : "lines") \(numbers.map(String.init).joined(separator: ", "))")
        }
        list("title", title)
        list("date", dates)
        list("dateline", dateline)
        list("body", body)
        let dropped = decisions.filter { $0.reason != nil }
        var result = ["\(file): kept \(kept.isEmpty ? "nothing" : kept.joined(separator: "; ")); dropped \(dropped.count) line\(dropped.count == 1 ? "" : "s")"]
        for decision in dropped {
            result.append("\(file):\(decision.line): \(decision.reason!): \"\(shortened(decision.text))\"")
        }
        return result
    }

    /// At most `limit` characters, with `…` where it was cut.
    static func shortened(_ text: String, limit: Int = 100) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }
}
