/// One kind of output of the site (a page kind, a data file): the files it makes from the
/// linked site, each with whether a change reaches it (`SiteOutput.isAffected`), written
/// next to the code that reads what it depends on. A new kind of page is a new emitter and
/// one line in `SiteEmitters.all`.
protocol SiteEmitter: Sendable {
    func outputs(_ site: RenderedSite) -> [SiteOutput]
}

/// What every emitter renders from: the linked site and the theme, by reference. Each
/// output's closure holds this one reference: capturing the renderer itself, a struct of the
/// graph's arrays, copied it into each of 12,000 closures, dozens of retains apiece, on every
/// rebuild.
@dynamicMemberLookup
final class RenderedSite: Sendable {
    let renderer: PageRenderer
    init(_ renderer: PageRenderer) { self.renderer = renderer }
    subscript<T>(dynamicMember path: KeyPath<PageRenderer, T>) -> T { renderer[keyPath: path] }
    func render(_ page: SitePage) -> String { renderer.render(page) }
    func pageMap(for page: SitePage) -> PageMap? { renderer.pageMap(for: page) }
}

/// Every emitter of the site but article pages, in the order their outputs are listed
/// (article pages are made as each article is annotated: `ArticlePage`).
enum SiteEmitters {
    static let all: [any SiteEmitter] = [
        FixedPagesEmitter(),
        ArticleListEmitter(),
        EntityPagesEmitter(),
        EntityFeedsEmitter(),
        FigurePagesEmitter(),
        MapAssetsEmitter(),
        SiteDataEmitter(),
        DataPartsEmitter(),
        SearchShardsEmitter(),
    ]

    static func outputs(_ renderer: PageRenderer) -> [SiteOutput] {
        let site = RenderedSite(renderer)
        return all.flatMap { $0.outputs(site) }
    }
}
