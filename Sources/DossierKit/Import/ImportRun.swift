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
        self.content = content.count > 1 && content.hasSuffix("/") ? String(content.dropLast()) : content
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

        for file in request.files {
            var outcome = importFile(file, importer: importer, request: request, options: options, existing: existing)
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

    static func importFile(_ file: String, importer: ArticleImporter, request: ImportRequest, options: ImportOptions,
                           existing: Existing) -> ImportOutcome {
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
        var article = importer.importPage(text, rawName: rawName, file: file, options: options)
        outcome.diagnostics = article.diagnostics
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
