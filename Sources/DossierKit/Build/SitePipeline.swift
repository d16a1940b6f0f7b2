import Foundation
import Synchronization

/// The one pipeline of every build, first or not: load → annotate (with each article's
/// page) → link → render → write. Only Load reads the change set (`LoadStage`); the later
/// stages do the same work for a first build, where every input is new, and for a
/// rebuild, where Load hands on the previous build's annotations of the articles it did not
/// read again and the emitters make only the outputs the change reaches.
struct SitePipeline {
    struct Outcome {
        var state: BuiltSite
        var diagnostics: [Diagnostic]
        var draftsLeftOut: [Diagnostic]
        /// Seconds per stage, in order.
        var stages: [(String, Double)]
        /// Article pages and other outputs made.
        var articlePages: Int
        var outputs: Int
        /// All outputs of the site but article pages (made or not).
        var allOutputs: [SiteOutput]
        var assets: Int
        var removed: Set<String>
    }

    /// Throws `ContentErrors` listing every problem found when the content or the theme
    /// has errors (the sink may then hold some pages: discard it). `forRebuilds`: the state
    /// returned will be rebuilt from, so keep what a rebuild reuses (each article's share of
    /// the graph).
    static func run(_ options: BuildOptions, previous: BuiltSite?, changes: ChangeSet, scan: InputScan? = nil,
                    into sink: some OutputSink, meter: BuildProgress? = nil, forRebuilds: Bool = true,
                    progress: (String) -> Void = { _ in }) throws -> Outcome {
        let clock = ContinuousClock()
        var stages: [(String, Double)] = []
        var mark = clock.now
        func stage(_ name: String) {
            let now = clock.now
            stages.append((name, (now - mark).seconds))
            mark = now
            if ProcessInfo.processInfo.environment["DOSSIER_PROFILE"] != nil { progress("\(name): peak \(PeakMemory.megabytes) MB") }
        }

        // Load.
        if previous == nil { progress("loading \(options.content)") }
        meter?.begin("loading content")
        // A large build keeps text out of memory. A rebuild adds to the session's file, unless
        // it reads everything again: then the old file goes with the previous state.
        let rereadsAll = previous == nil || changes.reloadsAll || scan == nil
        let spill = (rereadsAll ? nil : previous?.textSpill) ?? TextSpill(threshold: options.spillThreshold)
        var loaded = try LoadStage.run(options, previous: previous, changes: changes, scan: scan, spill: spill)
        // The bodies to annotate, taken out of the content: each is freed once its article is
        // annotated, and nothing after annotation reads a body.
        let redo = loaded.redo
        let bodies = Mutex(redo.map { index -> (String, TextSpill.Extent?) in
            defer {
                loaded.content.articles[index].body = ""
                loaded.content.articles[index].spilledBody = nil
            }
            return (loaded.content.articles[index].body, loaded.content.articles[index].spilledBody)
        })
        let content = loaded.content
        var diagnostics = loaded.diagnostics
        stage("load")
        if let writer = sink as? SiteWriter, previous == nil {
            // Section folders now; the thousands below them while articles are annotated.
            let assets = loaded.theme?.assetFiles() ?? []
            try writer.prepareFolders(for: SitePage.fixed.map { $0.path(in: content) } + ["data/x"] + assets.map { "assets/" + $0 })
            writer.prepareFoldersInBackground(for: content.articles.map { $0.pagePath }
                                              + content.registry.entities.map { $0.pagePath })
            stage("folders")
        }

        // Annotate, and make each article's page at once: only what the other pages need is kept.
        if previous == nil { progress("annotating and rendering \(content.articles.count) articles") }
        meter?.begin("annotating articles", total: loaded.redo.count)
        let theme = loaded.theme
        let fragments = theme.map { theme in
            loaded.sameArticles ? previous!.fragments.updating(articles: loaded.redo, in: content) : Fragments(content: content, theme: theme)
        }
        stage("fragments")
        // The alias matcher takes a while to make: a rebuild with the same registry reuses it.
        let annotator = rereadsAll ? Annotator(registry: content.registry) : previous!.annotator
        let articlePage = fragments.map { ArticlePage(content: content, fragments: $0) }
        let renderPages = theme != nil && !diagnostics.contains { $0.severity == .error }
        let failures = Mutex<[String]>([])
        let redone = parallelMap(Array(redo.enumerated())) { position, index -> AnnotatedArticle in
            var article = content.articles[index]
            let (body, extent) = bodies.withLock { bodies in
                defer { bodies[position] = ("", nil) }
                return bodies[position]
            }
            article.body = extent.map { spill!.read($0) } ?? body
            var annotation = annotator.annotate(article)
            if renderPages && !annotation.diagnostics.contains(where: { $0.severity == .error }), let theme, let articlePage {
                do {
                    try sink.write(articlePage.render(article: index, annotation: annotation, theme: theme),
                                   to: content.articles[index].pagePath)
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            annotation.bodyHTML = ""
            if let spill { annotation.spill(to: spill) }
            meter?.advance()
            return annotation
        }
        // Every annotation in one array: the kept ones moved out of `kept` (its only reference)
        // and, at the positions of `redo` (ascending: where `kept` is nil), the new ones.
        // Copying `kept` and then unwrapping it copied each of 10,000 annotations twice.
        var kept = loaded.kept
        loaded.kept = []
        var annotated: [AnnotatedArticle] = []
        annotated.reserveCapacity(kept.count)
        var redoneInOrder = redone.makeIterator()
        for index in kept.indices { annotated.append(kept[index].take() ?? redoneInOrder.next()!) }
        diagnostics += redone.flatMap(\.diagnostics)
        stage("annotate + article pages")
        guard !diagnostics.contains(where: { $0.severity == .error }), let theme, let fragments else {
            throw ContentErrors(diagnostics)
        }
        if let failure = failures.withLock({ $0.first }) { throw SiteWriteFailure(message: failure) }

        meter?.begin("linking")
        // Link: the graph, each entity's pages, what meeting pages quote, the data parts and search shards, and how all that differs from before.
        let reuse = loaded.sameArticles ? previous : nil
        let graph = SiteGraph(content: content, annotated: annotated, reusing: reuse?.graph, changed: Set(loaded.redo),
                              keepingShares: forRebuilds)
        let pagination = EntityPagination(graph: graph, pageSize: options.pageSize)
        let reports = MeetingReports(graph)
        // Spliced when the articles are the same ones (only the changed articles' entries replaced).
        let research = ResearchIndex(graph, reusing: loaded.sameArticles && !changes.reloadsAll ? previous?.research : nil,
                                     changed: Set(loaded.redo))
        // Read once per session: the data do not change while it runs.
        let coastlines: Coastlines?
        if let previous {
            coastlines = previous.coastlines
        } else {
            let source = CoastlineSource.forBuild()
            coastlines = source.coastlines
            if let warning = source.warning { diagnostics.append(warning) }
        }
        let change = GraphChange(graph: graph, pagination: pagination,
                                 previous: changes.reloadsAll ? nil : previous.map { ($0.content, $0.annotated, $0.graph, $0.pagination) },
                                 changedIDs: loaded.changedIDs, redone: loaded.redo, sameArticles: loaded.sameArticles)
        stage("link")
        let parts = DataParts(graph, limits: options.dataLimits, reusing: reuse?.dataParts, changed: Set(loaded.redo))
        // The search keys stand while no name and no title or date changed.
        let search = SearchShards(graph, limits: parts.limits,
                                  reusingKeysOf: change.before?.listChanged == false && loaded.sameArticles ? previous?.searchShards : nil)
        stage("data parts and search shards")

        // Render and write what the change reaches.
        // A session's drawings stand while the registry and theme do (names and links are in them).
        let drawings = forRebuilds ? NetworkDrawings(from: changes.reloadsAll ? nil : previous?.networkDrawings) : nil
        let renderer = PageRenderer(graph: graph, theme: theme, fragments: fragments, pagination: pagination, reports: reports,
                                    research: research, coastlines: coastlines, parts: parts, search: search, drawings: drawings)
        let outputs = SiteEmitters.outputs(renderer)
        stage("outputs")
        // Asked on every core: an entity's later pages compare their sentences with before,
        // thousands of pages for the most mentioned entities.
        let made = change.isEverything ? outputs : zip(outputs, parallelMap(outputs) { $0.isAffected(change) }).filter(\.1).map(\.0)
        stage("affected")
        if previous == nil { progress("rendering \(made.count) more files") }
        if let meter {
            meter.begin("writing pages and data", total: made.count)
            try sink.write(made.map { output in
                SiteOutput(path: output.path, isLarge: output.isLarge, affectedBy: output.isAffected) { emit in
                    output.produce(emit)
                    meter.advance()
                }
            })
        } else {
            try sink.write(made)
        }
        stage("render")
        let assets = changes.assets ?? theme.assetFiles()
        for asset in assets {
            try sink.copyFile(from: theme.directory + "/assets/" + asset, to: "assets/" + asset)
        }
        let paths = Set(outputs.map(\.path))
        var removed = Set<String>()
        if let previous {
            // Pages of removed articles (none when the list is the same), and outputs the site no longer has.
            if !loaded.sameArticles {
                let articles = Set(content.articles.map(\.id))
                removed = Set(previous.content.articles.filter { !articles.contains($0.id) }.map { $0.pagePath })
            }
            removed.formUnion(previous.outputPaths.subtracting(paths))
            sink.remove(removed)
        }
        stage("assets")

        let state = BuiltSite(options: options, content: content, annotated: graph.annotated, graph: graph, theme: theme,
                              fragments: fragments, pagination: pagination, dataParts: parts, searchShards: search, coastlines: coastlines,
                              outputPaths: paths,
                              scan: loaded.scan, textSpill: spill, annotator: annotator, networkDrawings: drawings,
                              research: research)
        return Outcome(state: state, diagnostics: diagnostics, draftsLeftOut: loaded.draftsLeftOut, stages: stages,
                       articlePages: redone.count, outputs: made.count, allOutputs: outputs, assets: assets.count, removed: removed)
    }
}
