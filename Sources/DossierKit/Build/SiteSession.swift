import Foundation
import Synchronization

/// What one rebuild did.
public struct RebuildReport: Sendable {
    /// Input files that changed (relative, e.g. `content/articles/x.md`).
    public var changedInputs: [String]
    /// Output files made again.
    public var rendered: Int
    /// Output files that no longer exist.
    public var removed: Int
    public var milliseconds: Double
    /// Milliseconds per step, in order (for profiling).
    public var steps: [(String, Double)] = []
    /// Errors (the rebuild failed and the previous site stays) and warnings.
    public var diagnostics: [Diagnostic]
    public var succeeded: Bool { !diagnostics.contains { $0.severity == .error } }
}

/// A site kept alive between edits (the preview server's): a full build at the start,
/// then rebuilds that redo only what changed inputs reach. An edited article re-renders
/// its page and the pages of every entity it mentions before or after the edit; a registry,
/// site.yml or template change re-annotates and re-renders everything, keeping in memory
/// only files that differ. A failed rebuild keeps the last good state.
public struct SiteSession: Sendable {
    public private(set) var snapshot: SiteSnapshot
    private var state: BuiltSite
    /// The inputs of the last good build.
    private var scan: InputScan
    /// The inputs of the last rebuild tried, good or not.
    private var attempted: InputScan

    /// Builds the whole site into `options.output` (as `dossier build` does).
    public init(options: BuildOptions, progress: (String) -> Void = { _ in }) throws {
        let (_, state) = try SiteBuilder.buildKeepingState(options, progress: progress)
        self.state = state
        self.scan = state.scan
        self.attempted = state.scan
        self.snapshot = SiteSnapshot(root: SiteSession.outputRoot(options.output), generation: 0)
    }

    static func outputRoot(_ output: String) -> String {
        output.hasSuffix("/") && output.count > 1 ? String(output.dropLast()) : output
    }

    public var options: BuildOptions { state.options }

    /// Looks at the inputs again and rebuilds what changed. Returns nil when nothing did.
    public mutating func rebuild() -> RebuildReport? {
        let clock = ContinuousClock()
        let started = clock.now
        let newScan = InputScan(content: state.options.content, templates: state.options.templates)
        guard newScan != attempted else { return nil }
        let lastFailed = attempted != scan
        attempted = newScan
        let changed = newScan.changes(since: scan)
        let scanned = (clock.now - started).seconds * 1000
        var report = RebuildReport(changedInputs: changed.sorted(), rendered: 0, removed: 0, milliseconds: 0, diagnostics: [])
        guard !changed.isEmpty else {
            // Only folder times moved (a file made and removed at once, an editor's swap file).
            scan = newScan
            // Back to the inputs of the last good build after a failed one (a broken new file
            // deleted): that site stands, and the pages showing the errors must hear so.
            guard lastFailed else { return nil }
            report.milliseconds = (clock.now - started).seconds * 1000
            return report
        }
        switch plan(changed, scan: newScan) {
        case .failure(let errors):
            // The scan stays as it was: the next rebuild retries this change with any later one.
            report.diagnostics = errors.diagnostics
        case .success(let result):
            scan = newScan
            apply(result, into: &report)
            report.steps.insert(("scan", scanned), at: 0)
        }
        report.milliseconds = (clock.now - started).seconds * 1000
        return report
    }

    // MARK: Planning

    struct Rebuilt {
        var steps: [(String, Double)] = []
        var state: BuiltSite
        var files: [String: [UInt8]]
        var lazy: [String: LazyFile]
        var removed: Set<String>
        var warnings: [Diagnostic]
    }

    private func plan(_ changed: Set<String>, scan newScan: InputScan) -> Result<Rebuilt, ContentErrors> {
        let options = state.options
        let clock = ContinuousClock()
        var mark = clock.now
        var steps: [(String, Double)] = []
        func step(_ name: String) {
            let now = clock.now
            steps.append((name, (now - mark).seconds * 1000))
            mark = now
        }
        let articlesPrefix = "content/articles/"
        let changedArticleFiles = changed.filter { $0.hasPrefix(articlesPrefix) && $0.hasSuffix(".md") && !$0.dropFirst(articlesPrefix.count).contains("/") }
        let everything = changed.contains { path in
            !(path.hasPrefix(articlesPrefix)) && !path.hasPrefix("content/raw/") && path != "content/import-rules.yml"
        }

        // Load: everything anew when the registry, site.yml or theme changed; else only the changed articles.
        var diagnostics: [Diagnostic] = []
        var content: Content
        var loadedTheme = state.theme
        if everything {
            let loaded = ContentLoader.load(options.content, drafts: options.drafts)
            diagnostics += loaded.diagnostics
            content = loaded.content
            switch Theme.load(directory: options.templates) {
            case .success(let fresh): loadedTheme = fresh
            case .failure(let errors): diagnostics += errors.diagnostics
            }
        } else {
            content = state.content
            var byID = Dictionary(uniqueKeysWithValues: content.articles.map { ($0.id, $0) })
            let root = SiteSession.outputRoot(options.content)
            for file in changedArticleFiles.sorted() {
                let name = String(file.dropFirst(articlesPrefix.count))
                let id = String(name.dropLast(3))
                let display = root + "/articles/" + name
                guard FileManager.default.fileExists(atPath: display) else {
                    byID[id] = nil
                    continue
                }
                switch ContentFile.readText(display, display: display) {
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                case .success(let text):
                    let (article, found) = ArticleLoader.parse(text, id: id, file: display)
                    diagnostics += found
                    // A draft counts as deleted, as a full build leaves it out.
                    if let article, let leftOut = ContentLoader.draftWarning(article, include: options.drafts) {
                        diagnostics.append(leftOut)
                        byID[id] = nil
                    } else {
                        byID[id] = article
                    }
                }
            }
            content.articles = byID.keys.sorted().map { byID[$0]! }
            diagnostics += ContentLoader.validateReferences(content)
        }
        if diagnostics.contains(where: { $0.severity == .error }) { return .failure(ContentErrors(diagnostics)) }
        step("load")

        // Annotate what changed (everything after a registry or theme change).
        let oldIndex = Dictionary(uniqueKeysWithValues: state.content.articles.enumerated().map { ($1.id, $0) })
        let changedIDs = Set(changedArticleFiles.map { String($0.dropFirst(articlesPrefix.count).dropLast(3)) })
        let annotator = Annotator(registry: content.registry)
        let theme = loadedTheme
        let sameArticles = !everything && state.content.articles.map(\.id) == content.articles.map(\.id)
        let changedPositions = content.articles.indices.filter { changedIDs.contains(content.articles[$0].id) }
        let fragments = sameArticles ? state.fragments.updating(articles: changedPositions, in: content)
                                     : Fragments(content: content, theme: theme)
        step("fragments")
        let articlePage = ArticlePage(content: content, fragments: fragments)
        let articles = content.articles
        let oldAnnotated = state.annotated
        let redo = articles.indices.filter { everything || changedIDs.contains(articles[$0].id) || oldIndex[articles[$0].id] == nil }
        let redone = parallelMap(redo) { index -> (Int, AnnotatedArticle, [UInt8]) in
            let annotation = annotator.annotate(articles[index])
            var page: [UInt8] = []
            if !annotation.diagnostics.contains(where: { $0.severity == .error }) {
                page = Array(articlePage.render(article: index, annotation: annotation, theme: theme).utf8)
            }
            return (index, annotation, page)
        }
        var annotated = articles.map { article in oldIndex[article.id].map { oldAnnotated[$0] } }
        var files: [String: [UInt8]] = [:]
        for (index, annotation, page) in redone {
            diagnostics += annotation.diagnostics
            var kept = annotation
            kept.bodyHTML = ""
            annotated[index] = kept
            files[SitePage.article(Int32(index)).path(in: content)] = page
        }
        if diagnostics.contains(where: { $0.severity == .error }) { return .failure(ContentErrors(diagnostics)) }
        let allAnnotated = annotated.map { $0! }
        step("annotate")

        // Which entities the change reaches: those the changed articles mention or report, before and after.
        var touched = Set<String>()  // "kind:id", stable across registry reloads
        func touch(_ annotation: AnnotatedArticle, _ article: Article, _ registry: Registry) {
            for mention in annotation.mentions {
                let entity = registry[mention.entity]
                touched.insert(entity.kind.rawValue + ":" + entity.id)
            }
            for meeting in article.meetings { touched.insert("meeting:" + meeting) }
        }
        let removedIDs = Set(state.content.articles.map(\.id)).subtracting(articles.map(\.id))
        for (index, article) in state.content.articles.enumerated() where changedIDs.contains(article.id) || removedIDs.contains(article.id) {
            touch(oldAnnotated[index], article, state.content.registry)
        }
        for index in redo { touch(allAnnotated[index], articles[index], content.registry) }

        let graph = SiteGraph(content: content, annotated: allAnnotated, reusing: sameArticles ? state.graph : nil, changed: Set(redo))
        step("graph")
        // The same article list and registry: only the changed articles are measured again.
        let parts = DataParts(graph, limits: options.dataLimits, reusing: sameArticles ? state.dataParts : nil, changed: Set(redo))
        let renderer = PageRenderer(graph: graph, theme: theme, fragments: fragments, pageSize: options.pageSize, parts: parts)
        let outputs = SiteOutputs(renderer: renderer).all()
        let pagination = renderer.pagination
        let changedNew = Set(redo)
        let changedOld = Set(state.content.articles.indices.filter { changedIDs.contains(state.content.articles[$0].id) || removedIDs.contains(state.content.articles[$0].id) })
        let listChanged = everything || !removedIDs.isEmpty || redo.contains { index in
            guard let old = oldIndex[articles[index].id] else { return true }
            let (a, b) = (state.content.articles[old], articles[index])
            return a.title != b.title || a.date != b.date || a.source != b.source || a.url != b.url || a.raw != b.raw
        }
        func isTouched(_ entity: EntityIndex) -> Bool {
            let target = content.registry[entity]
            return touched.contains(target.kind.rawValue + ":" + target.id)
        }
        /// A page of an entity changes only if its sentences do, or the number of pages; the
        /// first page also if the entity's totals, related entities or meetings do.
        // The first page's timeline counts mentions per month of the articles' dates.
        let datesChanged = redo.contains { index in oldIndex[articles[index].id].map { state.content.articles[$0].date != articles[index].date } ?? true }
        func pageChanged(_ entity: EntityIndex, _ page: Int) -> Bool {
            let e = Int(entity)
            if page == 1 && (datesChanged || state.graph.mentions[e].count != graph.mentions[e].count || state.graph.articles[e] != graph.articles[e]
                             || state.graph.related[e] != graph.related[e] || state.graph.meetings[e] != graph.meetings[e]) {
                return true
            }
            let old = state.pagination.pages[Int(entity)], new = pagination.pages[Int(entity)]
            if old.count != new.count { return true }
            let oldRefs = state.graph.sentences[Int(entity)][old[page - 1]]
            let newRefs = graph.sentences[Int(entity)][new[page - 1]]
            if !oldRefs.elementsEqual(newRefs) { return true }
            return newRefs.contains { changedNew.contains(Int($0.article)) } || oldRefs.contains { changedOld.contains(Int($0.article)) }
        }
        let dirty = outputs.filter { output in
            if everything { return true }
            switch output.scope {
            case .site: return true
            case .articleList: return listChanged
            case .entity(let entity): return isTouched(entity)
            case .entityPage(let entity, let page): return isTouched(entity) && pageChanged(entity, page)
            }
        }
        var lazy: [String: LazyFile] = [:]
        let eager = dirty.filter { !$0.isLarge }
        for output in dirty where output.isLarge { lazy[output.path] = LazyFile(output.produce) }
        let made = parallelMap(eager) { output -> (String, [UInt8]) in
            var bytes: [UInt8] = []
            output.produce { bytes.append(contentsOf: $0) }
            return (output.path, bytes)
        }
        for (path, bytes) in made { files[path] = bytes }
        step("render \(eager.count)")

        // Paths that existed and no longer do: removed articles, pages an entity no longer fills.
        var removed = Set(removedIDs.map { "articles/\($0)/index.html" })
        let newPaths = Set(outputs.map(\.path))
        removed.formUnion(state.outputPaths.subtracting(newPaths))
        if everything {
            // A theme's assets may have changed too.
            for asset in theme.assetFiles() {
                if let data = FileManager.default.contents(atPath: theme.directory + "/assets/" + asset) {
                    files["assets/" + asset] = [UInt8](data)
                }
            }
        }
        let newState = BuiltSite(options: options, content: content, annotated: allAnnotated, graph: graph, theme: theme,
                                 fragments: fragments, pagination: pagination, dataParts: parts, outputPaths: newPaths, scan: newScan)
        step("finish")
        return .success(Rebuilt(steps: steps, state: newState, files: files, lazy: lazy, removed: removed,
                                warnings: diagnostics.filter { $0.severity == .warning }))
    }

    private mutating func apply(_ result: Rebuilt, into report: inout RebuildReport) {
        state = result.state
        var overrides = snapshot.overrides
        var lazy = snapshot.lazy
        var removed = snapshot.removed
        for path in result.removed {
            overrides[path] = nil
            lazy[path] = nil
            removed.insert(path)
        }
        for (path, bytes) in result.files {
            overrides[path] = bytes
            lazy[path] = nil
            removed.remove(path)
        }
        for (path, file) in result.lazy {
            lazy[path] = file
            overrides[path] = nil
            removed.remove(path)
        }
        snapshot = SiteSnapshot(root: snapshot.root, generation: snapshot.generation + 1, overrides: overrides, lazy: lazy, removed: removed)
        report.rendered = result.files.count + result.lazy.count
        report.removed = result.removed.count
        report.diagnostics = result.warnings
        report.steps = result.steps
    }
}
