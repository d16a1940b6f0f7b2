/// One marker of a page's map: a place or a meeting, linked to its page.
struct MapPoint: Sendable, Hashable {
    enum Kind: String, Sendable, Hashable {
        case place, meeting
    }

    var label: String
    var lat: Double
    var lon: Double
    /// The marker's link, as the page writes it (relative to the page).
    var href: String
    var kind: Kind

    init(label: String, lat: Double, lon: Double, href: String, kind: Kind) {
        self.label = label
        self.lat = lat
        self.lon = lon
        self.href = href
        self.kind = kind
    }

    /// Finite, and on the globe.
    var isValid: Bool { lat.isFinite && lon.isFinite && abs(lat) <= 90 && abs(lon) <= 360 }
}
