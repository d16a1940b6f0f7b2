import Foundation

/// Loads a content folder (site.yml, entities/, articles/) and checks that every id it
/// refers to exists. Returns every problem found, not only the first.
public enum ContentLoader {
    public struct Result: Sendable {
        public var content: Content
        public var diagnostics: [Diagnostic]
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// `directory` is the content folder as the user named it (messages show paths under it).
    public static func load(_ directory: String) -> Result {
        let root = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else {
            return Result(content: Content(site: SiteConfig(), registry: Registry([]), articles: []),
                          diagnostics: [.error(root, nil, "content folder not found",
                                               hint: "run from the dossier's folder or pass --content PATH")])
        }
        let (site, siteDiagnostics) = SiteConfigLoader.load(path: root + "/site.yml", display: root + "/site.yml")
        let (entities, entityDiagnostics) = RegistryLoader.load(entitiesDirectory: root + "/entities", displayPrefix: root + "/entities")
        let (articles, articleDiagnostics) = ArticleLoader.load(articlesDirectory: root + "/articles", displayPrefix: root + "/articles")
        let registry = Registry(entities)
        let content = Content(site: site, registry: registry, articles: articles)
        let diagnostics = siteDiagnostics + entityDiagnostics + articleDiagnostics + validateReferences(content)
        return Result(content: content, diagnostics: diagnostics)
    }

    /// Ids named in the registry and front matter must exist (annotations are checked when annotating).
    public static func validateReferences(_ content: Content) -> [Diagnostic] {
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
        }
        for article in content.articles {
            for meeting in article.meetings {
                check(meeting, .meeting, file: article.file, line: article.keyLines["meetings"] ?? 2, what: "meetings")
            }
        }
        return diagnostics
    }
}
