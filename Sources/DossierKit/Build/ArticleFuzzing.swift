import Foundation
/// The path a fuzzer drives: one article file (any bytes) through loading, annotation and
/// rendering of every page and data file of a site around it, with a small registry that
/// has aliases of every kind (ambiguous ones too), all in memory. It returns what is wrong
/// with the output; the fuzzer crashes on any problem, and regression tests replay the
/// inputs it found through this same function.
public struct ArticleFuzzing: Sendable {
    public let registry: Registry
    public let theme: Theme

    static let registryYAML: [EntityKind: String] = [
        .person: """
        - id: kim-jong-un
          name: Kim Jong-un
          aliases: [किम जोंग-उन, किम]
          country: north-korea
        - id: kim-yong-hyun
          name: Kim Yong-hyun
          aliases: [किम योंग-ह्यून, किम]
        """,
        .country: """
        - id: north-korea
          name: North Korea
          aliases: [उत्तर कोरिया, North Korea]
          iso: KP
        - id: russia
          name: Russia
          aliases: [रूस, रूसी संघ]
        """,
        .org: "- id: nato\n  name: NATO\n  aliases: [नाटो, NATO]\n",
        .meeting: """
        - id: 2024-11-29-talks
          name: Talks
          date: 2024-11-29
          participants: [kim-jong-un]
          countries: [north-korea, russia]
          aliases: [बैठक]
        """,
    ]

    /// Front matter put before an input that has none, so that most inputs reach the body.
    static let defaultFrontMatter = "---\ntitle: \"किम जोंग-उन और रूस\"\ndate: 2024-11-30\nurl: https://example.org/a\nmeetings: [2024-11-29-talks]\n---\n"

    public init(theme: Theme) {
        var entities: [Entity] = []
        for kind in EntityKind.allCases {
            entities += RegistryLoader.parse(ArticleFuzzing.registryYAML[kind] ?? "", kind: kind, file: kind.registryFile).0
        }
        self.registry = Registry(entities)
        self.theme = theme
    }

    /// Builds the one-article site from `bytes`; returns the problems found in its output
    /// (empty when all is well, or when the input is rightly refused as content).
    public func run(_ bytes: [UInt8]) -> [String] {
        guard var text = String(validating: bytes, as: UTF8.self) else { return [] }
        if !text.hasPrefix("---\n") { text = ArticleFuzzing.defaultFrontMatter + text }
        let (loaded, diagnostics) = ArticleLoader.parse(text, id: "fuzz", file: "fuzz.md")
        guard let article = loaded else {
            return diagnostics.contains { $0.severity == .error } ? [] : ["no article and no error"]
        }
        let content = Content(site: SiteConfig(), registry: registry, articles: [article])
        if ContentLoader.validateReferences(content).contains(where: { $0.severity == .error }) { return [] }
        let fragments = Fragments(content: content, theme: theme)
        var annotation = Annotator(registry: registry).annotate(article)
        if annotation.diagnostics.contains(where: { $0.severity == .error }) { return [] }
        var outputs = [("articles/fuzz/index.html", ArticlePage(content: content, fragments: fragments).render(article: 0, annotation: annotation, theme: theme))]
        annotation.bodyHTML = ""
        let graph = SiteGraph(content: content, annotated: [annotation])
        let renderer = PageRenderer(graph: graph, theme: theme, fragments: fragments)
        for output in SiteOutputs(renderer: renderer).all() { outputs.append((output.path, String(decoding: output.bytes(), as: UTF8.self))) }
        return outputs.flatMap { ArticleFuzzing.problems(in: $0.1, path: $0.0, annotation: annotation) }
    }

    /// The theme's own scripts: files it ships, loaded by address, with no code in the page.
    static let themeScripts = ["assets/preview.js", "assets/search.js", "data/search-index.js"]

    /// What must never be in the output, whatever the input: a script tag other than the
    /// theme's own, a live `javascript:` address, an invisible control, a mention whose
    /// anchor is missing from the article page.
    static func problems(in text: String, path: String, annotation: AnnotatedArticle) -> [String] {
        var problems: [String] = []
        var lowered = text.lowercased()
        let root = String(repeating: "../", count: path.filter { $0 == "/" }.count)
        for script in themeScripts {
            lowered = lowered.replacingOccurrences(of: "<script src=\"\(root)\(script)\" defer></script>", with: "")
        }
        if lowered.contains("<script") { problems.append("\(path): <script") }
        for attribute in ["href=\"", "src=\""] where lowered.contains(attribute + "javascript:") || lowered.contains(attribute + "data:") {
            problems.append("\(path): \(attribute)javascript: or data:")
        }
        if let scalar = text.unicodeScalars.first(where: InvisibleControls.isRemoved) {
            problems.append("\(path): invisible U+\(String(scalar.value, radix: 16))")
        }
        if path == "articles/fuzz/index.html" {
            for mention in annotation.mentions where !text.contains("id=\"m\(mention.anchor)\"") {
                problems.append("\(path): no anchor m\(mention.anchor)")
            }
        }
        return problems
    }
}
