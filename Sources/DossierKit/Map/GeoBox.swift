/// A longitude/latitude box of a map, in degrees. `west` is in -180..<180 and `east` is
/// greater than `west`, at most a whole turn further: a box over the date line has `east`
/// past 180 (170…190 runs from 170°E to 170°W), and longitudes are read in that frame
/// (`unwrap`), so nothing is cut at the date line. Latitudes stop at ±85°.
struct GeoBox: Sendable, Hashable {
    let west: Double
    let east: Double
    let south: Double
    let north: Double

    static let latitudeLimit = 85.0

    /// The whole world (but Antarctica's interior and the Arctic Ocean's north).
    static let world = GeoBox(west: -180, east: 180, south: -58, north: 84)!

    /// Nil when the box is empty or not a box: `east` at or before `west` once both are in one
    /// turn, or `south` not below `north`. Longitudes are taken modulo 360; latitudes are clamped.
    init?(west: Double, east: Double, south: Double, north: Double) {
        guard west.isFinite, east.isFinite, south.isFinite, north.isFinite else { return nil }
        let limit = GeoBox.latitudeLimit
        let south = min(max(south, -limit), limit), north = min(max(north, -limit), limit)
        guard south < north else { return nil }
        var span = min(east - west, 360)
        guard span != 0 else { return nil }
        if span < 0 { span += 360 * ((-span / 360).rounded(.down) + 1) }
        guard span > 0, span <= 360 else { return nil }
        let start = GeoBox.normalized(west)
        self.west = start
        self.east = start + span
        self.south = south
        self.north = north
    }

    var span: Double { east - west }
    var height: Double { north - south }
    var middleLatitude: Double { (south + north) / 2 }
    var crossesDateLine: Bool { east > 180 }

    /// `longitude` moved by whole turns to lie nearest the box's middle.
    func unwrap(_ longitude: Double) -> Double {
        let middle = (west + east) / 2
        return longitude + 360 * ((middle - longitude) / 360).rounded()
    }

    func contains(lat: Double, lon: Double) -> Bool {
        let x = unwrap(lon)
        return lat >= south && lat <= north && x >= west && x <= east
    }

    /// In -180..<180.
    static func normalized(_ longitude: Double) -> Double {
        let turned = (longitude + 180).truncatingRemainder(dividingBy: 360)
        return (turned < 0 ? turned + 360 : turned) - 180
    }
}
