/// The coastline files the pages' maps draw over (`maps/<frame>.svg`), one per distinct
/// frame, from the build's coastline data. They depend on the registry's places alone (and
/// a registry change makes everything), so an edit of articles never makes them again.
struct MapAssetsEmitter: SiteEmitter {
    func outputs(_ site: RenderedSite) -> [SiteOutput] {
        let assets = Set(site.mapPages.compactMap { site.pageMap(for: $0)?.asset })
        let coastlines = site.coastlines
        return assets.sorted { $0.path < $1.path }.map { asset in
            SiteOutput(path: asset.path, affectedBy: { _ in false }) { [asset.svg(coastlines: coastlines)] }
        }
    }
}
