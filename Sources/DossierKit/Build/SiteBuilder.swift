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
    /// Text a build keeps in memory before it puts more in a temporary file (`TextSpill`;
    /// tests make it 0).
    var spillThreshold = TextSpill.standardThreshold

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
    /// templates have errors; the output folder is then left as it was. `meter`, when given,
    /// is advanced as articles are annotated and files written (for a progress line).
    @discardableResult
    public static func build(_ options: BuildOptions, meter: BuildProgress? = nil, progress: (String) -> Void = { _ in }) throws -> BuildReport {
        try buildKeepingState(options, meter: meter, forRebuilds: false, progress: progress).report
    }

    /// Builds the site and returns what a rebuild needs to redo only what a change reaches:
    /// the pipeline with every input new, into the output folder. `forRebuilds`: keep what
    /// only a rebuild reuses (a single build does not, to use less memory).
    static func buildKeepingState(_ options: BuildOptions, meter: BuildProgress? = nil, forRebuilds: Bool = true,
                                  progress: (String) -> Void = { _ in }) throws
        -> (report: BuildReport, state: BuiltSite) {
        let clock = ContinuousClock()
        let started = clock.now
        try OutputSafety.check(output: options.output, content: options.content, templates: options.templates)
        let writer = try SiteWriter(output: options.output, clean: options.clean)
        do {
            let outcome = try SitePipeline.run(options, previous: nil, changes: .everything, into: writer, meter: meter,
                                               forRebuilds: forRebuilds, progress: progress)
            meter?.begin("replacing the output folder")
            let committing = clock.now
            try writer.commit()
            let state = outcome.state
            let pages = state.content.articles.count + outcome.allOutputs.filter { $0.path.hasSuffix(".html") }.count
            let report = BuildReport(pages: pages, files: state.content.articles.count + outcome.allOutputs.count + outcome.assets,
                                     articles: state.content.articles.count, entities: state.content.registry.entities.count,
                                     mentions: state.annotated.reduce(0) { $0 + $1.mentions.count },
                                     warnings: Diagnostic.sorted(outcome.diagnostics), draftsLeftOut: outcome.draftsLeftOut,
                                     seconds: (clock.now - started).seconds,
                                     stages: outcome.stages + [("commit", (clock.now - committing).seconds)])
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
