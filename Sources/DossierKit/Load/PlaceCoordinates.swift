/// A place's `lat` and `lon` as places.yml gives them: decimal degrees (`39.03`, `-75.70`),
/// north and east positive, both or neither (a region as large as the Indo-Pacific has no
/// one point). Every problem is reported at its line, saying what to write.
enum PlaceCoordinates {
    static func read(_ fields: inout YAMLFields) -> (lat: Double?, lon: Double?) {
        let lat = degrees("lat", example: "39.03, north positive and south negative", &fields)
        let lon = degrees("lon", example: "125.75, east positive and west negative", &fields)
        guard case .some(.some(let (latitude, latText))) = lat, case .some(.some(let (longitude, lonText))) = lon else {
            // One given without the other (a value that did not read was reported already).
            for (key, value, other) in [("lat", lat, lon), ("lon", lon, lat)] where value != nil && other == nil {
                fields.report(.error(fields.file, fields.lineOf(key), "\(key) is given without \(key == "lat" ? "lon" : "lat")",
                                     hint: "give both, or neither for a place with no one point, such as a large region"))
            }
            return (nil, nil)
        }
        let swapped = abs(latitude) > 90 && abs(latitude) <= 180 && abs(longitude) <= 90
        let hint = swapped ? "are lat and lon swapped? lat is north–south, from -90 to 90; lon east–west, from -180 to 180"
            : "lat is north–south, from -90 to 90; lon east–west, from -180 to 180"
        if abs(latitude) > 90 {
            fields.report(.error(fields.file, fields.lineOf("lat"), "lat \(latText) is outside -90 to 90", hint: hint))
        }
        if abs(longitude) > 180 {
            fields.report(.error(fields.file, fields.lineOf("lon"), "lon \(lonText) is outside -180 to 180", hint: hint))
        }
        return abs(latitude) > 90 || abs(longitude) > 180 ? (nil, nil) : (latitude, longitude)
    }

    /// The value and its text as written; nil: the key is absent; .some(nil): given but
    /// not a number (reported).
    private static func degrees(_ key: String, example: String, _ fields: inout YAMLFields) -> (Double, String)?? {
        guard let text = fields.string(key) else { return nil }
        guard let value = decimal(text) else {
            fields.report(.error(fields.file, fields.lineOf(key), "\(key) \"\(text)\" is not a number of decimal degrees",
                                 hint: "write it like \(example)"))
            return .some(nil)
        }
        return .some((value, text))
    }

    /// `-75.70`, `39`, `+39.03`: digits with an optional sign and decimal point; nothing
    /// else (`39°01′`, `39,03`, `1e2`, `nan`).
    static func decimal(_ text: String) -> Double? {
        var digits = text.utf8[...]
        if let sign = digits.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { digits = digits.dropFirst() }
        let parts = digits.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { (48...57).contains($0) } }),
              let value = Double(text), value.isFinite else { return nil }
        return value
    }
}
