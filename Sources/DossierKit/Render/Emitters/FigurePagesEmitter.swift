/// The figures' pages (issue 16): `figures/index.html`, the subjects with how many figures
/// each has and whether their sources differ, and per subject its figures side by side in
/// date order. They read the figures of every article and those articles' titles, dates and
/// outlets: a change reaches them when a changed article reports figures (before or after)
/// of their subject.
struct FigurePagesEmitter: SiteEmitter {
    func outputs(_ site: RenderedSite) -> [SiteOutput] {
        Self.pages(site).map { page in
            let affected: @Sendable (GraphChange) -> Bool
            if case .figureSubject(let subject, _) = page {
                affected = { $0.figureSubjects.contains(subject) }
            } else {
                affected = { !$0.figureSubjects.isEmpty }
            }
            return SiteOutput(path: page.path(in: site.content), affectedBy: affected) { [site.render(page)] }
        }
    }

    /// The index, then each subject's pages (subjects in the order of `FigureSubject`).
    static func pages(_ site: RenderedSite) -> [SitePage] {
        [.figures] + FigureSubject.allCases.flatMap { subject -> [SitePage] in
            guard let refs = site.research.figuresBySubject[subject] else { return [] }
            return (1...SitePage.figureSubjectPages(refs.count)).map { .figureSubject(subject, page: $0) }
        }
    }
}
