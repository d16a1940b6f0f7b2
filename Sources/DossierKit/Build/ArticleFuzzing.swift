import Foundation
/// The path a fuzzer drives: one article file (any bytes) through loading, annotation and
/// rendering of every page and data file of a site around it, with a small registry that
/// has aliases of every kind (ambiguous ones too), all in memory. It returns what is wrong
/// with the output; the fuzzer crashes on any problem, and regression tests replay the
/// inputs it found through this same function.
///
/// The registry and site.yml are fuzzed too: after a line `@@people` the rest of the input
/// (up to a line `@@site`) is more of people.yml; after `@@site`, the rest is site.yml.
/// Besides markup that runs, the output may not grow out of proportion to the input
/// (`outputBound`): the quadratic outputs of issue 12 were found by hand, not by the fuzzer.
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
          place: pyongyang
          participants: [kim-jong-un]
          countries: [north-korea, russia]
          aliases: [बैठक]
        """,
        .place: "- id: pyongyang\n  name: Pyongyang\n  aliases: [प्योंगयांग]\n  country: north-korea\n  lat: 39.03\n  lon: 125.75\n",
    ]

    /// Front matter put before an input that has none, so that most inputs reach the body.
    static let defaultFrontMatter = "---\ntitle: \"किम जोंग-उन और रूस\"\ndate: 2024-11-30\nurl: https://example.org/a\nplace: प्योंगयांग\nmeetings: [2024-11-29-talks]\n---\n"

    public init(theme: Theme) {
        self.registry = ArticleFuzzing.registry(extraPeople: "")!
        self.theme = theme
    }

    /// The small registry, with `extraPeople` appended to people.yml; nil when that is refused.
    static func registry(extraPeople: String) -> Registry? {
        var entities: [Entity] = []
        for kind in EntityKind.allCases {
            var yaml = registryYAML[kind] ?? ""
            if kind == .person && !extraPeople.isEmpty { yaml += "\n" + extraPeople }
            let (parsed, diagnostics) = RegistryLoader.parse(yaml, kind: kind, file: kind.registryFile)
            if diagnostics.contains(where: { $0.severity == .error }) { return nil }
            entities += parsed
        }
        // Duplicate ids within people.yml are errors above; references are checked in `run`.
        return Registry(entities)
    }

    /// Bytes of output a fuzz input may make: the site around one article is under 1 MB;
    /// each byte of the article may add 200 (a mention's link, rows and excerpt), each byte of
    /// people.yml 1,000 (an entity's page is some 20 KB for a line of YAML); never the
    /// input's square.
    static func outputBound(articleBytes: Int, registryBytes: Int) -> Int {
        1_000_000 + 200 * articleBytes + 1_000 * registryBytes
    }

    /// The input's article, extra people.yml and site.yml parts.
    static func parts(_ text: String) -> (article: String, people: String, site: String?) {
        var article = text, people = "", site: String?
        if let range = article.range(of: "\n@@site\n") {
            site = String(article[range.upperBound...])
            article = String(article[..<range.lowerBound])
        }
        if let range = article.range(of: "\n@@people\n") {
            people = String(article[range.upperBound...])
            article = String(article[..<range.lowerBound])
        }
        return (article, people, site)
    }

    /// Builds the one-article site from `bytes`; returns the problems found in its output
    /// (empty when all is well, or when the input is rightly refused as content).
    public func run(_ bytes: [UInt8]) -> [String] {
        guard let input = String(validating: bytes, as: UTF8.self) else { return [] }
        var (text, people, siteText) = ArticleFuzzing.parts(input)
        let registry = people.isEmpty ? self.registry : ArticleFuzzing.registry(extraPeople: people)
        guard let registry else { return [] }
        var site = SiteConfig()
        if let siteText {
            let (config, problems) = SiteConfigLoader.parse(siteText, display: "site.yml")
            if problems.contains(where: { $0.severity == .error }) { return [] }
            site = config
        }
        if !text.hasPrefix("---\n") { text = ArticleFuzzing.defaultFrontMatter + text }
        let (loaded, diagnostics) = ArticleLoader.parse(text, id: "fuzz", file: "fuzz.md")
        guard let article = loaded else {
            return diagnostics.contains { $0.severity == .error } ? [] : ["no article and no error"]
        }
        let content = Content(site: site, registry: registry, articles: [article])
        if ContentLoader.validateReferences(content).contains(where: { $0.severity == .error }) { return [] }
        let fragments = Fragments(content: content, theme: theme)
        var annotation = Annotator(registry: registry).annotate(article)
        if annotation.diagnostics.contains(where: { $0.severity == .error }) { return [] }
        var outputs = [(content.articles[0].pagePath, ArticlePage(content: content, fragments: fragments).render(article: 0, annotation: annotation, theme: theme))]
        annotation.bodyHTML = ""
        let graph = SiteGraph(content: content, annotated: [annotation])
        let renderer = PageRenderer(graph: graph, theme: theme, fragments: fragments)
        for output in SiteEmitters.outputs(renderer) { outputs.append((output.path, String(decoding: output.bytes(), as: UTF8.self))) }
        var problems = outputs.flatMap { ArticleFuzzing.problems(in: $0.1, path: $0.0, annotation: annotation, isArticlePage: $0.0 == article.pagePath) }
        problems += ArticleFuzzing.researchProblems(article: article, annotation: annotation, registry: registry)
        let total = outputs.reduce(0) { $0 + $1.1.utf8.count }
        if total > ArticleFuzzing.outputBound(articleBytes: text.utf8.count, registryBytes: people.utf8.count + (siteText?.utf8.count ?? 0)) {
            problems.append("\(total) bytes of output from \(bytes.count) of input")
        }
        return problems
    }

    /// The theme's own scripts: files it ships, loaded by address, with no code in the page.
    static let themeScripts = ["assets/preview.js", "assets/search.js", "data/search/index.js"]

    /// What must never be in the output, whatever the input: a script tag other than the
    /// theme's own, a live `javascript:` address, an invisible control, a mention whose
    /// anchor is missing from the article page.
    /// Statements and figures (issue 16) found in the article: each one's text and sentence
    /// where its byte ranges say, within the article's plain text.
    static func researchProblems(article: Article, annotation: AnnotatedArticle, registry: Registry) -> [String] {
        let text = ArticlePlainText(article: article, annotation: annotation)
        let statements = annotation.research.statements
        let figures = annotation.research.figures
        let count = text.text.utf8.count
        var problems: [String] = []
        // What the annotator found from its own blocks is what the article's plain text gives.
        if ArticleResearch(text: text, annotation: annotation, registry: registry) != annotation.research {
            problems.append("statements or figures differ from those of the article's plain text")
        }
        for statement in statements {
            guard statement.range.upperBound <= count, Int(statement.sentenceNumber) < annotation.tableSentenceCount,
                  FigureFinder.slice(text.text, statement.range) == statement.text, !statement.text.isEmpty else {
                problems.append("statement \(statement.range) outside or not its text")
                continue
            }
        }
        for figure in figures where figure.range.upperBound > count || figure.claim.map({ $0 >= statements.count }) ?? false
            || figure.value.map({ !$0.isFinite }) ?? false {
            problems.append("figure \(figure.range) outside the text, or its claim or value wrong")
        }
        return problems
    }

    static func problems(in text: String, path: String, annotation: AnnotatedArticle, isArticlePage: Bool = false) -> [String] {
        var problems: [String] = []
        var lowered = text.lowercased()
        let root = String(repeating: "../", count: path.filter { $0 == "/" }.count)
        for script in themeScripts {
            lowered = lowered.replacingOccurrences(of: "<script src=\"\(root)\(script)\" defer></script>", with: "")
        }
        // The CSV parts are text, not markup: their fields hold the sentences as written (a
        // `<script*a` that is no tag stays text in the article too, escaped there).
        if !path.hasSuffix(".csv") {
            if lowered.contains("<script") { problems.append("\(path): <script") }
            for attribute in ["href=\"", "src=\""] where lowered.contains(attribute + "javascript:") || lowered.contains(attribute + "data:") {
                problems.append("\(path): \(attribute)javascript: or data:")
            }
        }
        if let scalar = text.unicodeScalars.first(where: InvisibleControls.isRemoved) {
            problems.append("\(path): invisible U+\(String(scalar.value, radix: 16))")
        }
        if isArticlePage {
            for mention in annotation.mentions where !text.contains("id=\"m\(mention.anchor)\"") {
                problems.append("\(path): no anchor m\(mention.anchor)")
            }
        }
        return problems
    }
}
