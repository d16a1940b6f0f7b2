/// The search page's fallback index: its list of shards and the shards
/// (`SearchShards`), made from every name, alias and title.
struct SearchShardsEmitter: SiteEmitter {
    func outputs(_ site: RenderedSite) -> [SiteOutput] {
        let search = site.searchShards
        var outputs = [SiteOutput(path: SearchShards.indexPath, affectedBy: SiteOutput.always) { [search.index()] }]
        for shard in 0..<search.count {
            // A rebuild that kept the shards changes only the rows of the entities whose
            // mentions it reaches (their counts).
            let entities = search.entities(in: shard)
            let reused = search.reusedShards
            let affected: @Sendable (GraphChange) -> Bool = { change in
                !reused || change.isEverything || change.listChanged || entities.contains { change.touches($0) }
            }
            outputs.append(SiteOutput(path: search.path(of: shard), isLarge: search.count == 1, affectedBy: affected) {
                search.shard(shard)
            })
        }
        return outputs
    }
}
