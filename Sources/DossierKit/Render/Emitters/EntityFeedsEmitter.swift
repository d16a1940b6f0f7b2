/// Each entity's Atom feed: its newest mentions, so only a change to its own mentions
/// reaches it.
struct EntityFeedsEmitter: SiteEmitter {
    func outputs(_ site: RenderedSite) -> [SiteOutput] {
        let graph = site.graph
        return graph.content.registry.entities.indices.map { index in
            let entity = EntityIndex(index)
            return SiteOutput(path: EntityFeed.path(of: graph.content.registry.entities[index]), affectedBy: { $0.touches(entity) }) {
                [EntityFeed.atom(entity, graph: site.graph)]
            }
        }
    }
}
