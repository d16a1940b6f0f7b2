/// A place on a map: a registered place with coordinates, its page, and the meetings held
/// there. Made from the registry alone (coordinates, meetings' `place:`), so a map drawn
/// from it changes only when the registry does, and a registry change makes every page.
struct PlaceLocation: Sendable, Hashable {
    struct Meeting: Sendable, Hashable {
        var meeting: EntityIndex
        var name: String
        /// ISO date.
        var date: String
        /// Site-relative page, `meetings/<id>/index.html`.
        var path: String
    }

    var place: EntityIndex
    var name: String
    /// The first Hindi alias, as chips show it.
    var native: String?
    /// Decimal degrees, north and east positive.
    var lat: Double
    var lon: Double
    /// Site-relative page, `places/<id>/index.html`.
    var path: String
    /// The meetings held there, by date.
    var meetings: [Meeting]
}

extension SiteGraph {
    /// The places a page's map shows, by name then id (links from a page at `root` are
    /// `root + path`): on the home page and the places index, every place with coordinates;
    /// on the meetings index, those where a meeting was held; on a country's page, its
    /// places and where its meetings were held; on a place's or a meeting's page, that
    /// place. Places without coordinates are never shown; other pages show none.
    func locations(for page: SitePage) -> [PlaceLocation] {
        let registry = content.registry
        var places: [EntityIndex]
        switch page {
        case .home, .entityIndex(.place):
            places = registry.indices(of: .place)
        case .entityIndex(.meeting):
            places = registry.indices(of: .place).filter { !meetings[Int($0)].isEmpty }
        case .entity(let index, page: 1):
            let entity = registry[index]
            switch entity.kind {
            case .country: places = self.places[Int(index)] + meetings[Int(index)].compactMap { registry.place(named: registry[$0].place) }
            case .place: places = [index]
            case .meeting: places = registry.place(named: entity.place).map { [$0] } ?? []
            case .person, .org: places = []
            }
        default:
            places = []
        }
        return Set(places).compactMap(location).sorted { ($0.name, registry[$0.place].id) < ($1.name, registry[$1.place].id) }
    }

    func location(_ place: EntityIndex) -> PlaceLocation? {
        let registry = content.registry
        let entity = registry[place]
        guard entity.kind == .place, let lat = entity.lat, let lon = entity.lon else { return nil }
        let held = meetings[Int(place)].map { meeting in
            PlaceLocation.Meeting(meeting: meeting, name: registry[meeting].name, date: registry[meeting].date ?? "",
                                  path: registry[meeting].pagePath)
        }
        return PlaceLocation(place: place, name: entity.name, native: entity.native,
                             lat: lat, lon: lon, path: entity.pagePath, meetings: held)
    }
}
