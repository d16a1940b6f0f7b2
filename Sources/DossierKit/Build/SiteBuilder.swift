import Foundation
import Synchronization

/// Where a build reads and writes.
public struct BuildOptions: Sendable {
    public var content: String
    public var templates: String
    public var output: String
    /// Sentences per entity page.
    public var pageSize: Int
    /// Replace the contents of an output folder that no build wrote (hidden files and
    /// `CNAME` are kept); without it such a folder is refused.
    public var clean: Bool
    /// Build articles marked `draft: true` too (those with a date).
    public var drafts: Bool
    /// Where large outputs are cut into parts (tests make it small).
    var dataLimits = DataLimits.standard

    public init(content: String = "content", templates: String = "templates", output: String = "public", pageSize: Int = 200,
                clean: Bool = false, drafts: Bool = false) {
        self.content = content
        self.templates = templates
        self.output = output
        self.pageSize = pageSize
        self.clean = clean
        self.drafts = drafts
    }
}

/// What a build did.
public struct BuildReport: Sendable {
    public var pages: Int
    public var files: Int
    public var articles: Int
    public var entities: Int
    public var mentions: Int
    /// Problems that did not stop the build (ambiguous aliases, unknown keys, drafts left out).
    public var warnings: [Diagnostic]
    /// One warning for each draft left out (also in `warnings`).
    public var draftsLeftOut: [Diagnostic] = []
    public var seconds: Double
    /// Seconds per stage, in order.
    public var stages: [(String, Double)]
}

/// Content loaded and annotated: what `check` reports on and `build` renders.
public struct Analysis: Sendable {
    public var content: Content
    public var annotated: [AnnotatedArticle]
    public var diagnostics: [Diagnostic]
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// The pipeline: load → annotate → link → render → write.
public enum SiteBuilder {
    /// Loads and annotates; every problem of the content in `diagnostics`.
    public static func analyse(contentDirectory: String, drafts: Bool = false) -> Analysis {
        let loaded = ContentLoader.load(contentDirectory, drafts: drafts)
        let annotator = Annotator(registry: loaded.content.registry)
        let annotated = parallelMap(loaded.content.articles) { annotator.annotate($0) }
        return Analysis(content: loaded.content, annotated: annotated,
                        diagnostics: Diagnostic.sorted(loaded.diagnostics + annotated.flatMap(\.diagnostics)))
    }

    /// Builds the site. Throws `ContentErrors` listing every problem when the content or the
    /// templates have errors; the output folder is then left as it was.
    @discardableResult
    public static func build(_ options: BuildOptions, progress: (String) -> Void = { _ in }) throws -> BuildReport {
        try buildKeepingState(options, progress: progress).report
    }

    /// Builds the site and returns what a rebuild needs to redo only what a change reaches.
    static func buildKeepingState(_ options: BuildOptions, progress: (String) -> Void = { _ in }) throws
        -> (report: BuildReport, state: BuiltSite) {
        let clock = ContinuousClock()
        let started = clock.now
        var stages: [(String, Double)] = []
        var mark = started
        func stage(_ name: String) {
            let now = clock.now
            stages.append((name, (now - mark).seconds))
            mark = now
            if ProcessInfo.processInfo.environment["DOSSIER_PROFILE"] != nil { progress("\(name): peak \(PeakMemory.megabytes) MB") }
        }

        try OutputSafety.check(output: options.output, content: options.content, templates: options.templates)
        progress("loading \(options.content)")
        let inputs = try InputSnapshot.read(content: options.content, templates: options.templates,
                                            load: { ContentLoader.load($0, drafts: options.drafts) })
        stage("load")
        let loaded = inputs.loaded
        let themeResult = inputs.theme
        let content = loaded.content
        var diagnostics = loaded.diagnostics
        if case .failure(let errors) = themeResult { diagnostics += errors.diagnostics }
        let theme = try? themeResult.get()
        let writer = try SiteWriter(output: options.output, clean: options.clean)
        do {
            let assets = theme?.assetFiles() ?? []
            let articlePaths = content.articles.indices.map { SitePage.article(Int32($0)).path(in: content) }
            // Section folders now; the thousands below them while articles are annotated.
            try writer.prepareFolders(for: SitePage.fixed.map { $0.path(in: content) } + ["data/x"] + assets.map { "assets/" + $0 }
                                      + EntityKind.allCases.map { $0.folder + "/index.html" })
            writer.prepareFoldersInBackground(for: articlePaths + content.registry.entities.map { $0.path + "index.html" })
            stage("folders")

            // Annotate; render each article's page at once and keep only what the other pages need.
            progress("annotating and rendering \(content.articles.count) articles")
            let annotator = Annotator(registry: content.registry)
            let fragments = theme.map { Fragments(content: content, theme: $0) }
            stage("fragments")
            let articlePage = fragments.map { ArticlePage(content: content, fragments: $0) }
            let renderArticles = theme != nil && !diagnostics.contains { $0.severity == .error }
            let failures = Mutex<[String]>([])
            let annotated = parallelMap(Array(content.articles.indices)) { index -> AnnotatedArticle in
                var annotation = annotator.annotate(content.articles[index])
                if renderArticles && !annotation.diagnostics.contains(where: { $0.severity == .error }), let theme, let articlePage {
                    do {
                        try writer.write(articlePage.render(article: index, annotation: annotation, theme: theme), to: articlePaths[index])
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                }
                annotation.bodyHTML = ""
                return annotation
            }
            stage("annotate")
            diagnostics += annotated.flatMap(\.diagnostics)
            guard !diagnostics.contains(where: { $0.severity == .error }), let theme, let fragments else {
                throw ContentErrors(diagnostics)
            }
            if let failure = failures.withLock({ $0.first }) { throw SiteWriteFailure(message: failure) }

            let graph = SiteGraph(content: content, annotated: annotated)
            stage("link")
            let parts = DataParts(graph, limits: options.dataLimits)
            stage("data parts")
            let renderer = PageRenderer(graph: graph, theme: theme, fragments: fragments, pageSize: options.pageSize, parts: parts)
            let outputs = SiteOutputs(renderer: renderer).all()
            progress("rendering \(outputs.count) more files")
            // The large data files first, so that no core is left alone with one at the end.
            let order = outputs.indices.filter { outputs[$0].isLarge } + outputs.indices.filter { !outputs[$0].isLarge }
            parallelFor(order.count) { position in
                let index = order[position]
                do {
                    try writer.write(producing: outputs[index].produce, to: outputs[index].path)
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            if let failure = failures.withLock({ $0.first }) { throw SiteWriteFailure(message: failure) }
            stage("render")
            for asset in assets {
                try writer.copyFile(from: theme.directory + "/assets/" + asset, to: "assets/" + asset)
            }
            stage("data")
            try writer.commit()
            stage("commit")
            let pageCount = articlePaths.count + outputs.filter { $0.path.hasSuffix(".html") }.count
            let state = BuiltSite(options: options, content: content, annotated: annotated, graph: graph, theme: theme,
                                  fragments: fragments, pagination: renderer.pagination, dataParts: parts, outputPaths: Set(outputs.map(\.path)),
                                  scan: inputs.scan)
            let report = BuildReport(pages: pageCount, files: articlePaths.count + outputs.count + assets.count,
                               articles: content.articles.count, entities: content.registry.entities.count,
                               mentions: annotated.reduce(0) { $0 + $1.mentions.count },
                               warnings: Diagnostic.sorted(diagnostics), draftsLeftOut: loaded.draftsLeftOut,
                               seconds: (clock.now - started).seconds, stages: stages)
            return (report, state)
        } catch {
            writer.abort()
            throw error
        }
    }
}

public struct SiteWriteFailure: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
