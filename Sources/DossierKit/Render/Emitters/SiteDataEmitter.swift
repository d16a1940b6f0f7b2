/// The whole dossier's data files of one piece: every entity with its counts
/// (`data/entities.json`), the co-mention network (`data/network.graphml`) and the site's
/// feed of newest articles (`feed.xml`).
struct SiteDataEmitter: SiteEmitter {
    func outputs(_ site: RenderedSite) -> [SiteOutput] {
        let graph = site.graph
        return [
            SiteOutput(path: "data/entities.json", affectedBy: SiteOutput.always) { DataFiles.entities(graph) },
            SiteOutput(path: "data/network.graphml", isLarge: true, affectedBy: SiteOutput.always) { NetworkGraphML.document(graph) },
            SiteOutput(path: "feed.xml", affectedBy: SiteOutput.always) { [Feeds.atom(graph)] },
        ]
    }
}
