/// The pages every site has: home, the entity indexes, explore, search and the not-found
/// page. Each reads the whole dossier (counts, the most mentioned, the network), so every
/// change makes them again.
struct FixedPagesEmitter: SiteEmitter {
    static let pages: [SitePage] = [.home, .notFound] + EntityKind.allCases.map { .entityIndex($0) } + [.explore, .search]

    func outputs(_ site: RenderedSite) -> [SiteOutput] {
        Self.pages.map { page in
            SiteOutput(path: page.path(in: site.content), affectedBy: SiteOutput.always) { [site.render(page)] }
        }
    }
}
