import Foundation
@testable import DossierKit

/// Paths and helpers for the import tests: the repository's seed content, the fixtures, and
/// throwaway content folders holding the dossier's registry and import rules.
enum ImportTestKit {
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let seedContent = repositoryRoot + "/content"
    static let fixtures = repositoryRoot + "/Tests/DossierKitTests/Fixtures/import"

    /// A temporary folder holding `content/` with the seed registry, site.yml and import
    /// rules (or `rules`, when given), and empty articles/ and raw/. Remove `root` after use.
    static func contentFolder(rules: String? = nil) -> (root: String, content: String) {
        let root = NSTemporaryDirectory() + "dossier-import-\(UUID().uuidString)"
        let content = root + "/content"
        let manager = FileManager.default
        try! manager.createDirectory(atPath: content + "/articles", withIntermediateDirectories: true)
        try! manager.createDirectory(atPath: content + "/raw", withIntermediateDirectories: true)
        try! manager.copyItem(atPath: seedContent + "/entities", toPath: content + "/entities")
        try! manager.copyItem(atPath: seedContent + "/site.yml", toPath: content + "/site.yml")
        if let rules {
            try! rules.write(toFile: content + "/" + ImportRules.fileName, atomically: true, encoding: .utf8)
        } else {
            try! manager.copyItem(atPath: seedContent + "/" + ImportRules.fileName, toPath: content + "/" + ImportRules.fileName)
        }
        return (root, content)
    }

    static func remove(_ root: String) { try? FileManager.default.removeItem(atPath: root) }

    /// The dossier's rules and registry, as `dossier import` loads them.
    static func importer(rules: ImportRules? = nil) -> ArticleImporter {
        let (loaded, _) = ImportRules.load(contentDirectory: seedContent)
        let (entities, _) = RegistryLoader.load(entitiesDirectory: seedContent + "/entities", displayPrefix: "entities")
        return ArticleImporter(rules: rules ?? loaded!, registry: Registry(entities))
    }

    static func read(_ path: String) -> String { try! String(contentsOfFile: path, encoding: .utf8) }

    /// An article file's fields, as the build loads them.
    static func article(_ path: String) -> Article? {
        let id = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return ArticleLoader.parse(read(path), id: id, file: path).0
    }

    /// The curated seed article imported from `raw`.
    static func curatedArticle(raw: String) -> Article? {
        let folder = seedContent + "/articles"
        for name in (try! FileManager.default.contentsOfDirectory(atPath: folder)).sorted() where name.hasSuffix(".md") {
            if let article = article(folder + "/" + name), article.raw == raw { return article }
        }
        return nil
    }

    /// Explicit annotations `[text](kind:id)` back to `text`.
    static func withoutAnnotations(_ markdown: String) -> String {
        let regex = try! NSRegularExpression(pattern: "\\[([^\\]]*)\\]\\((?:person|country|org|meeting|none):[a-z0-9-]*\\)")
        return regex.stringByReplacingMatches(in: markdown, range: NSRange(location: 0, length: (markdown as NSString).length),
                                              withTemplate: "$1")
    }

    /// Runs of white space as one space, ends trimmed.
    static func normalised(_ text: String) -> String { TextNormalization.collapsingWhitespace(text) }

    /// Every `.md` file under `content/articles`.
    static func articleFiles(_ content: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: content + "/articles")) ?? []).filter { $0.hasSuffix(".md") }.sorted()
    }
}
