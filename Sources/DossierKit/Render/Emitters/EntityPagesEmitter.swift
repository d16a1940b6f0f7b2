/// Each entity's and meeting's pages (`SitePage.entity`): the first shows the entity's
/// facts, timeline, network and related entities; every page shows its own share of the
/// entity's sentences (`EntityPagination`), its number and the number of pages.
struct EntityPagesEmitter: SiteEmitter {
    func outputs(_ site: RenderedSite) -> [SiteOutput] {
        SitePage.entityPages(site.pagination).compactMap { page in
            guard case .entity(let entity, let number) = page else { return nil }
            return SiteOutput(path: page.path(in: site.content), affectedBy: { Self.isAffected(entity, page: number, by: $0) }) {
                [site.render(page)]
            }
        }
    }

    /// What `PageRenderer.entity` and `.meeting` read: on the first page the entity's
    /// counts, articles, related entities, meetings, the dates of its articles (the
    /// timeline) its statements and figures and the articles datelined there (their titles, dates and sources); on
    /// every page its sentences there and the number of pages. (Its places, and its
    /// meetings' facts, come from the registry: a registry change makes every page again.)
    static func isAffected(_ entity: EntityIndex, page: Int, by change: GraphChange) -> Bool {
        guard change.touches(entity) else { return false }
        guard let before = change.before else { return true }
        let e = Int(entity), old = before.graph, new = change.graph
        if page == 1 && (before.datesChanged || change.touchesResearch(of: entity) || old.mentions[e].count != new.mentions[e].count || old.articles[e] != new.articles[e]
                         || old.related[e] != new.related[e] || old.meetings[e] != new.meetings[e]
                         || old.datelined[e] != new.datelined[e] || new.datelined[e].contains { change.changedNew($0) }) {
            return true
        }
        let oldPages = before.pagination.pages[e], newPages = change.pagination.pages[e]
        if oldPages.count != newPages.count { return true }
        let oldRefs = old.sentences[e][oldPages[page - 1]], newRefs = new.sentences[e][newPages[page - 1]]
        if !oldRefs.elementsEqual(newRefs) { return true }
        // The same sentences, but one of their articles changed (their text, or the title above them).
        return newRefs.contains { change.changedNew($0.article) } || oldRefs.contains { change.changedOld($0.article) }
    }
}
