/// The figures' pages (issue 16): `figures/index.html`, the subjects with how many figures
/// each has and whether their sources differ, and per subject its figures side by side in
/// date order. They read the figures of every article and those articles' titles, dates and
/// outlets: a change reaches them when a changed article reports figures (before or after)
/// of their subject.
struct FigurePagesEmitter: SiteEmitter {
    func outputs(_ site: RenderedSite) -> [SiteOutput] {
        var outputs = [SiteOutput(path: SitePage.figures.path(in: site.content), affectedBy: { !$0.figureSubjects.isEmpty }) {
            [site.render(.figures)]
        }]
        for (subject, refs) in site.research.figuresBySubject.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            for number in 1...SitePage.figureSubjectPages(refs.count) {
                let page = SitePage.figureSubject(subject, page: number)
                outputs.append(SiteOutput(path: page.path(in: site.content), affectedBy: { $0.figureSubjects.contains(subject) }) {
                    [site.render(page)]
                })
            }
        }
        return outputs
    }
}
