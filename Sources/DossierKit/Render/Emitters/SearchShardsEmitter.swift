/// The search page's fallback index: its list of shards and the shards
/// (`SearchShards`), made from every name, alias and title.
struct SearchShardsEmitter: SiteEmitter {
    func outputs(_ site: RenderedSite) -> [SiteOutput] {
        let search = site.searchShards
        var outputs = [SiteOutput(path: SearchShards.indexPath, affectedBy: SiteOutput.always) { [search.index()] }]
        for shard in 0..<search.count {
            outputs.append(SiteOutput(path: search.path(of: shard), isLarge: search.count == 1, affectedBy: SiteOutput.always) {
                search.shard(shard)
            })
        }
        return outputs
    }
}
