/// What a build knows once it has written a site: enough to redo only what a change reaches.
struct BuiltSite: Sendable {
    var options: BuildOptions
    var content: Content
    /// Per article, without `bodyHTML` (article pages are made again from their annotation).
    var annotated: [AnnotatedArticle]
    var graph: SiteGraph
    var theme: Theme
    var fragments: Fragments
    var pagination: EntityPagination
    /// How the large tables were cut, with each article's sizes (a rebuild measures only
    /// the articles it changed).
    var dataParts: DataParts
    /// The search index, whose keys a rebuild that changed no title reuses.
    var searchShards: SearchShards
    /// The coastlines the maps are drawn over, read by the first build of a session.
    var coastlines: Coastlines?
    /// Paths of the outputs other than article pages.
    var outputPaths: Set<String>
    /// The listing of the inputs this state was built from.
    var scan: InputScan
    /// Where the annotations' sentences are kept when the site is large (rebuilds add to it).
    var textSpill: TextSpill?
    /// The registry's annotator, for rebuilds that do not read the registry again.
    var annotator: Annotator
    /// The network drawings, for a rebuild to reuse where a network is unchanged (nil
    /// for a build that keeps no state for rebuilds).
    var networkDrawings: NetworkDrawings?
    /// The statements and figures index, for a rebuild to splice its changed articles into.
    var research: ResearchIndex
}
