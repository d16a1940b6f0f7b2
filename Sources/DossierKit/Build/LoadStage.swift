import Foundation

/// The pipeline's first stage, and the only one that reads the change set: everything for a
/// first build or after a registry, site or theme change; otherwise the previous content
/// with the changed articles read again.
struct LoadStage {
    var content: Content
    /// Nil when the theme has errors (they are in `diagnostics`).
    var theme: Theme?
    var diagnostics: [Diagnostic]
    var draftsLeftOut: [Diagnostic]
    /// The listing of the inputs that were read.
    var scan: InputScan
    /// Positions in `content.articles` to annotate (every one after a full load).
    var redo: [Int]
    /// Per position, the previous build's annotation when the article is not in `redo`.
    var kept: [AnnotatedArticle?]
    /// Ids of the articles changed, added or removed (empty after a full load).
    var changedIDs: Set<String>
    /// Whether the previous build had the same articles in the same order and the same
    /// registry: what it measured and linked per article can be reused.
    var sameArticles: Bool

    /// `scan` is the listing a rebuild found; a first build lists the inputs as it reads them.
    /// `spill`: where a first build's bodies go when they are many.
    static func run(_ options: BuildOptions, previous: BuiltSite?, changes: ChangeSet, scan: InputScan?, spill: TextSpill? = nil) throws -> LoadStage {
        guard let previous, !changes.reloadsAll, let scan else {
            let loaded: ContentLoader.Result, theme: Result<Theme, ContentErrors>, listing: InputScan
            if previous == nil || scan == nil {
                // Read at one moment: a file saved mid-read makes it read everything again.
                let snapshot = try InputSnapshot.read(content: options.content, templates: options.templates,
                                                      load: { ContentLoader.load($0, drafts: options.drafts, spill: spill) })
                (loaded, theme, listing) = (snapshot.loaded, snapshot.theme, snapshot.scan)
            } else {
                (loaded, theme, listing) = (ContentLoader.load(options.content, drafts: options.drafts, spill: spill),
                                            Theme.load(directory: options.templates), scan!)
            }
            var diagnostics = loaded.diagnostics
            if case .failure(let errors) = theme { diagnostics += errors.diagnostics }
            let count = loaded.content.articles.count
            return LoadStage(content: loaded.content, theme: try? theme.get(), diagnostics: diagnostics,
                             draftsLeftOut: loaded.draftsLeftOut, scan: listing, redo: Array(0..<count),
                             kept: Array(repeating: nil, count: count), changedIDs: [], sameArticles: false)
        }

        var diagnostics: [Diagnostic] = []
        var content = previous.content
        // Where each changed article was: a few ids compared with each article's, not every
        // id hashed (10,000 of them for a one-article edit were a share of every rebuild).
        let changedIDs = changes.articles
        let few = changedIDs.count <= 16 ? Array(changedIDs) : nil
        var oldIndex: [String: Int] = [:]
        for (index, article) in previous.content.articles.enumerated()
        where few?.contains(article.id) ?? changedIDs.contains(article.id) { oldIndex[article.id] = index }
        let folder = OutputPaths.folder(options.content)
        // Each changed article as read now; nil when it is gone (deleted, or made a draft).
        var read: [String: Article?] = [:]
        for id in changedIDs.sorted() {
            let display = folder + "/articles/" + id + ".md"
            guard FileManager.default.fileExists(atPath: display) else {
                read[id] = .some(nil)
                continue
            }
            switch ContentFile.readText(display, display: display) {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                read[id] = .some(nil)
            case .success(let text):
                let (article, found) = ArticleLoader.parse(text, id: id, file: display)
                diagnostics += found
                // A draft counts as deleted, as a full build leaves it out.
                if let article, let leftOut = ContentLoader.draftWarning(article, include: options.drafts) {
                    diagnostics.append(leftOut)
                    read[id] = .some(nil)
                } else {
                    read[id] = .some(article)
                }
            }
        }
        let inPlace = read.allSatisfy { id, article in article != nil && oldIndex[id] != nil }
        if inPlace {
            // Edits only: each in its place, the list's order unchanged.
            for (id, article) in read { content.articles[oldIndex[id]!] = article! }
        } else {
            var byID = Dictionary(uniqueKeysWithValues: content.articles.map { ($0.id, $0) })
            for (id, article) in read { byID[id] = article }
            content.articles = byID.keys.sorted().map { byID[$0]! }
        }
        diagnostics += ContentLoader.validateReferences(of: read.values.compactMap { $0 }, registry: content.registry)

        var kept: [AnnotatedArticle?]
        if inPlace {
            kept = previous.annotated.map { $0 }
            for id in changedIDs { kept[oldIndex[id]!] = nil }
        } else {
            let everyIndex = Dictionary(uniqueKeysWithValues: previous.content.articles.enumerated().map { ($1.id, $0) })
            kept = content.articles.map { article in
                changedIDs.contains(article.id) ? nil : everyIndex[article.id].map { previous.annotated[$0] }
            }
        }
        return LoadStage(content: content, theme: previous.theme, diagnostics: diagnostics, draftsLeftOut: [], scan: scan,
                         redo: kept.indices.filter { kept[$0] == nil }, kept: kept, changedIDs: changedIDs,
                         sameArticles: inPlace || previous.content.articles.map(\.id) == content.articles.map(\.id))
    }
}
