import Foundation

/// Loads a content folder (site.yml, entities/, articles/) and checks that every id it
/// refers to exists. Returns every problem found, not only the first.
enum ContentLoader {
    struct Result: Sendable {
        var content: Content
        var diagnostics: [Diagnostic]
        /// The warnings for the drafts left out (also in `diagnostics`).
        var draftsLeftOut: [Diagnostic] = []
        var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// `directory` is the content folder as the user named it (messages show paths under it).
    /// Drafts are left out, with a warning each, unless `drafts` is set.
    static func load(_ directory: String) -> Result { load(directory, drafts: false) }

    /// `spill`: where bodies go when the articles are many (`TextSpill`).
    static func load(_ directory: String, drafts: Bool, spill: TextSpill? = nil) -> Result {
        let root = directory.withoutTrailingSlashes
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else {
            return Result(content: Content(site: SiteConfig(), registry: Registry([]), articles: []),
                          diagnostics: [.error(root, nil, "content folder not found",
                                               hint: "run from the dossier's folder or pass --content PATH")])
        }
        let (site, siteDiagnostics) = SiteConfigLoader.load(path: root + "/site.yml", display: root + "/site.yml")
        let (entities, entityDiagnostics) = RegistryLoader.load(entitiesDirectory: root + "/entities", displayPrefix: root + "/entities")
        let (allArticles, loadDiagnostics) = ArticleLoader.load(articlesDirectory: root + "/articles", displayPrefix: root + "/articles", spill: spill)
        let (articles, draftDiagnostics) = leavingOutDrafts(allArticles, include: drafts)
        let articleDiagnostics = loadDiagnostics + draftDiagnostics
        let registry = Registry(entities)
        let content = Content(site: site, registry: registry, articles: articles)
        let diagnostics = siteDiagnostics + entityDiagnostics + articleDiagnostics + validateReferences(content)
        return Result(content: content, diagnostics: diagnostics, draftsLeftOut: draftDiagnostics)
    }

    /// The articles a build takes: drafts only when `include` is set, and never a draft
    /// without a date. One warning for each draft left out.
    static func leavingOutDrafts(_ articles: [Article], include: Bool) -> ([Article], [Diagnostic]) {
        var kept: [Article] = []
        var diagnostics: [Diagnostic] = []
        for article in articles {
            if let diagnostic = draftWarning(article, include: include) {
                diagnostics.append(diagnostic)
            } else {
                kept.append(article)
            }
        }
        return (kept, diagnostics)
    }

    /// Why a build leaves `article` out, or nil when it takes it.
    static func draftWarning(_ article: Article, include: Bool) -> Diagnostic? {
        guard article.draft else { return nil }
        let line = article.keyLines["draft"]
        if !include {
            return .warning(article.file, line, "draft, left out of the build",
                            hint: "build with --drafts to include it, or remove draft: true to publish it")
        }
        if article.date.isEmpty {
            return .warning(article.file, line, "draft without a date, left out even with --drafts",
                            hint: "add date: YYYY-MM-DD")
        }
        return nil
    }

    /// Ids named in the registry and front matter must exist (annotations are checked when annotating).
    static func validateReferences(_ content: Content) -> [Diagnostic] {
        let registry = content.registry
        var diagnostics: [Diagnostic] = []
        func check(_ id: String, _ kind: EntityKind, file: String, line: Int, what: String) {
            guard registry.index(of: kind, id) == nil else { return }
            diagnostics.append(.error(file, line, "unknown \(kind.singular) \"\(id)\" in \(what)",
                                      hint: Suggestion.hint(for: id, among: registry.ids(of: kind))
                                          ?? "add it to content/entities/\(kind.registryFile)"))
        }
        for entity in registry.entities {
            if let country = entity.country {
                check(country, .country, file: entity.file, line: entity.line, what: "\(entity.id)'s country")
            }
            for participant in entity.participants {
                check(participant, .person, file: entity.file, line: entity.line, what: "\(entity.id)'s participants")
            }
            for country in entity.countries {
                check(country, .country, file: entity.file, line: entity.line, what: "\(entity.id)'s countries")
            }
            if entity.kind == .meeting, let warning = misspeltPlace(entity.place, registry: registry, file: entity.file, line: entity.line) {
                diagnostics.append(warning)
            }
        }
        return diagnostics + validateReferences(of: content.articles, registry: registry)
    }

    /// The meetings `articles` report, each checked against the registry (a rebuild checks
    /// only the articles it read again: the others and the registry were checked before).
    static func validateReferences(of articles: [Article], registry: Registry) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for article in articles {
            for meeting in article.meetings where registry.index(of: .meeting, meeting) == nil {
                diagnostics.append(.error(article.file, article.keyLines["meetings"] ?? 2, "unknown meeting \"\(meeting)\" in meetings",
                                          hint: Suggestion.hint(for: meeting, among: registry.ids(of: .meeting))
                                              ?? "add it to content/entities/\(EntityKind.meeting.registryFile)"))
            }
            if let warning = misspeltPlace(article.place, registry: registry, file: article.file, line: article.keyLines["place"]) {
                diagnostics.append(warning)
            }
        }
        return diagnostics
    }

    /// A `place:` may be free text, so one that names no place is no error; but one written
    /// like an id and close to a place's id is likely that id misspelt, and is shown as text.
    static func misspeltPlace(_ value: String?, registry: Registry, file: String, line: Int?) -> Diagnostic? {
        guard let value, Slug.isValid(value), registry.place(named: value) == nil,
              let hint = Suggestion.hint(for: value, among: registry.ids(of: .place)) else { return nil }
        return .warning(file, line, "place \"\(value)\" is no registered place and is shown as written", hint: hint)
    }
}
